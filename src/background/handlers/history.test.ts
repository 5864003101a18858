import { describe, expect, it } from 'vitest';
import { HISTORY_PAGE, type HistoryEntry } from '../../shared/protocol';
import { createMessageRouter, type UiHandlers } from '../router';
import { createFakeWorld, EXTENSION, PAGE_SENDER } from '../test-support';
import { historyHandlers } from './history';

function entry(chatKey: string, createdAt: number, text: Partial<HistoryEntry> = {}): HistoryEntry {
  return { chatKey, task: 'reply', createdAt, suggestions: ['Sure!', 'See you at 8'], assistantName: 'Ollama', model: 'llama3.2', ...text };
}

async function seeded() {
  const world = createFakeWorld();
  const history = world.services.history;
  await history.add(entry('whatsapp:Ana', 100, { suggestions: ['Dinner at eight works'] }));
  await history.add(entry('whatsapp:Ana', 300, { task: 'summarize', suggestions: [], output: 'Ana asks about the **Lisbon** trip.' }));
  await history.add(entry('whatsapp:Family', 200, { suggestions: ['Happy birthday, Grandma!'] }));
  const handlers = historyHandlers(world.services);
  // The real router in front, as in the worker: sender check and payload validation first.
  const others = new Proxy({} as UiHandlers, { get: () => async () => ({}) });
  const route = createMessageRouter({ ...others, ...handlers } as UiHandlers, EXTENSION);
  return { world, handlers, route };
}

describe('history handlers', () => {
  it('lists each chat once with its count, the most recently used first', async () => {
    const { route } = await seeded();
    expect(await route({ type: 'ui->background:list-history-chats', payload: {} }, PAGE_SENDER)).toEqual({
      ok: true,
      value: {
        chats: [
          { chatKey: 'whatsapp:Ana', count: 2, lastAt: 300 },
          { chatKey: 'whatsapp:Family', count: 1, lastAt: 200 },
        ],
      },
    });
  });

  it('searches outputs and suggestions, case-insensitively, in one chat or all, newest first', async () => {
    const { handlers } = await seeded();
    const search = handlers['ui->background:search-history'];
    expect((await search({ query: 'lisbon' })).entries.map((e) => e.createdAt)).toEqual([300]);
    expect((await search({ query: 'GRANDMA' })).entries.map((e) => e.chatKey)).toEqual(['whatsapp:Family']);
    expect((await search({ chatKey: 'whatsapp:Ana' })).entries.map((e) => e.createdAt)).toEqual([300, 100]);
    expect((await search({ chatKey: 'whatsapp:Ana', query: 'grandma' })).entries).toEqual([]);
    expect((await search({})).entries.map((e) => e.createdAt)).toEqual([300, 200, 100]);
    // Metadata is not content: the assistant's name matches nothing.
    expect((await search({ query: 'ollama' })).entries).toEqual([]);
  });

  it('says when a search found more than one page', async () => {
    const world = createFakeWorld();
    for (let chat = 0; chat < 5; chat++) {
      for (let index = 0; index < 45; index++) await world.services.history.add(entry(`whatsapp:${chat}`, chat * 100 + index));
    }
    const result = await historyHandlers(world.services)['ui->background:search-history']({ query: 'sure' });
    expect(result.entries).toHaveLength(HISTORY_PAGE);
    expect(result.truncated).toBe(true);
    expect(result.entries[0]!.createdAt).toBe(444);
  });

  it('exports every entry, newest first', async () => {
    const { handlers } = await seeded();
    const { entries } = await handlers['ui->background:export-history']();
    expect(entries.map((e) => [e.chatKey, e.createdAt])).toEqual([
      ['whatsapp:Ana', 300],
      ['whatsapp:Family', 200],
      ['whatsapp:Ana', 100],
    ]);
    expect(entries[0]!.output).toContain('Lisbon');
  });

  it('deletes one entry, one chat, then everything, saying how many went', async () => {
    const { handlers } = await seeded();
    const remove = handlers['ui->background:delete-history'];
    const { entries } = await handlers['ui->background:export-history']();
    const oldest = entries.at(-1)!.id!;
    expect(await remove({ scope: 'entry', id: oldest })).toEqual({ deleted: 1 });
    expect(await remove({ scope: 'entry', id: oldest })).toEqual({ deleted: 0 });
    expect((await handlers['ui->background:search-history']({ chatKey: 'whatsapp:Ana' })).entries).toHaveLength(1);
    expect(await remove({ scope: 'chat', chatKey: 'whatsapp:Family' })).toEqual({ deleted: 1 });
    expect((await handlers['ui->background:list-history-chats']()).chats.map((c) => c.chatKey)).toEqual(['whatsapp:Ana']);
    expect(await remove({ scope: 'all' })).toEqual({ deleted: 1 });
    expect((await handlers['ui->background:export-history']()).entries).toEqual([]);
  });

  const senders = {
    'a content script in WhatsApp': { id: EXTENSION.id, url: 'https://web.whatsapp.com/', tab: { id: 3, url: 'https://web.whatsapp.com/' }, frameId: 0 },
    'another extension': { id: 'other-extension', url: 'chrome-extension://other-extension/options.html' },
    'a web page using our id': { id: EXTENSION.id, url: 'https://evil.test/' },
  };
  for (const [name, sender] of Object.entries(senders)) {
    it(`ignores ${name}: nothing is read, nothing is deleted`, async () => {
      const { world, route } = await seeded();
      for (const message of [
        { type: 'ui->background:export-history', payload: {} },
        { type: 'ui->background:search-history', payload: { query: 'a' } },
        { type: 'ui->background:list-history-chats', payload: {} },
        { type: 'ui->background:delete-history', payload: { scope: 'all' } },
      ]) {
        expect(route(message, sender)).toBeUndefined();
      }
      expect(await world.services.history.all()).toHaveLength(3);
    });
  }

  it.each([
    ['an unknown scope', { scope: 'everything' }],
    ['an entry without id', { scope: 'entry' }],
    ['an entry id that is not a whole number', { scope: 'entry', id: 1.5 }],
    ['an entry id below 1', { scope: 'entry', id: 0 }],
    ['an entry id as a string', { scope: 'entry', id: '3' }],
    ['a chat without key', { scope: 'chat' }],
    ['an empty chat key', { scope: 'chat', chatKey: '' }],
    ['an oversized chat key', { scope: 'chat', chatKey: 'x'.repeat(1_001) }],
    ['no payload', undefined],
  ])('refuses to delete with %s, and deletes nothing', async (_name, payload) => {
    const { world, route } = await seeded();
    const reply = await route({ type: 'ui->background:delete-history', payload }, PAGE_SENDER);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'config', message: expect.stringMatching(/^Invalid /) } });
    expect(await world.services.history.all()).toHaveLength(3);
  });

  it.each([
    ['a query over 200 characters', { query: 'x'.repeat(201) }],
    ['a query that is not a string', { query: 42 }],
    ['an empty chat key', { chatKey: '' }],
  ])('refuses a search with %s', async (_name, payload) => {
    const { route } = await seeded();
    const reply = await route({ type: 'ui->background:search-history', payload }, PAGE_SENDER);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'config', message: expect.stringMatching(/^Invalid /) } });
  });
});
