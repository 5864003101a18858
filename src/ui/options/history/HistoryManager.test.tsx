import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryManager } from './HistoryManager';
import { FakeApi, failWith } from '../../testing/fake-api';
import { allByTestId, byTestId, choose, cleanup, click, getByTestId, mount, press, settle, typeInto } from '../../testing/dom';
import type { HistoryEntry } from '../../../shared/protocol';
import { entryMatches } from '../../../storage/history-store';

const ENTRIES: HistoryEntry[] = [
  { id: 3, chatKey: 'whatsapp:Ana', task: 'summarize', createdAt: 3_000, suggestions: [], output: 'Ana asks about the <b>Lisbon</b> trip.', assistantName: 'Ollama', model: 'llama3.2' },
  { id: 2, chatKey: 'whatsapp:Family', task: 'reply', createdAt: 2_000, suggestions: ['Happy birthday, Grandma!', 'Congrats!'], assistantName: 'Ollama', model: 'llama3.2' },
  { id: 1, chatKey: 'whatsapp:Ana', task: 'reply', createdAt: 1_000, suggestions: ['Dinner at eight works'], assistantName: 'OpenAI', model: 'gpt-4o-mini' },
];

/** A background holding history in memory, answering the way the real handlers do. */
function fakeBackground(initial = ENTRIES) {
  let entries = [...initial];
  const api = new FakeApi()
    .on('ui->background:list-history-chats', () => {
      const chats = new Map<string, { chatKey: string; count: number; lastAt: number }>();
      for (const entry of entries) {
        const chat = chats.get(entry.chatKey) ?? { chatKey: entry.chatKey, count: 0, lastAt: 0 };
        chat.count++;
        chat.lastAt = Math.max(chat.lastAt, entry.createdAt);
        chats.set(entry.chatKey, chat);
      }
      return { chats: [...chats.values()].sort((a, b) => b.lastAt - a.lastAt) };
    })
    .on('ui->background:search-history', ({ chatKey, query }) => ({
      entries: entries.filter((e) => (!chatKey || e.chatKey === chatKey) && entryMatches(e, (query ?? '').toLocaleLowerCase())),
      truncated: false,
    }))
    .on('ui->background:export-history', () => ({ entries }))
    .on('ui->background:delete-history', (request) => {
      const before = entries.length;
      entries = entries.filter((e) =>
        request.scope === 'all' ? false : request.scope === 'chat' ? e.chatKey !== request.chatKey : e.id !== request.id,
      );
      return { deleted: before - entries.length };
    });
  return api;
}

async function setup(api = fakeBackground()) {
  const download = vi.fn();
  const { container } = await mount(<HistoryManager api={api} download={download} now={() => new Date(2026, 10, 25, 12)} />);
  await settle();
  return { container, api, download };
}

const shownTexts = (root: HTMLElement) => allByTestId(root, 'history-entry-text').map((e) => e.textContent);

afterEach(cleanup);

describe('history in options', () => {
  it('lists results newest first with their chat, and model output as text only', async () => {
    const { container } = await setup();
    const items = allByTestId(container, 'history-entry');
    expect(items).toHaveLength(3);
    expect(items[0]!.textContent).toContain('Catch up');
    expect(items[0]!.textContent).toContain('Ana (WhatsApp)');
    expect(shownTexts(container)[0]).toBe('Ana asks about the <b>Lisbon</b> trip.');
    expect(container.querySelector('b')).toBeNull();
    const filter = getByTestId<HTMLSelectElement>(container, 'history-chat-filter');
    expect([...filter.options].map((o) => o.textContent)).toEqual(['All chats', 'Ana (WhatsApp) — 2 results', 'Family (WhatsApp) — 1 result']);
  });

  it('searches the text of outputs and suggestions, and narrows to one chat', async () => {
    const { container, api } = await setup();
    await typeInto(getByTestId<HTMLInputElement>(container, 'history-search'), 'grandma');
    await settle();
    expect(api.callsOf('ui->background:search-history').at(-1)).toEqual({ query: 'grandma' });
    expect(shownTexts(container)).toEqual(['Happy birthday, Grandma!', 'Congrats!']);

    await typeInto(getByTestId<HTMLInputElement>(container, 'history-search'), 'nothing like this');
    await settle();
    expect(getByTestId(container, 'history-empty').textContent).toContain('No result matches');

    await typeInto(getByTestId<HTMLInputElement>(container, 'history-search'), '');
    await choose(getByTestId<HTMLSelectElement>(container, 'history-chat-filter'), 'whatsapp:Ana');
    await settle();
    expect(api.callsOf('ui->background:search-history').at(-1)).toEqual({ chatKey: 'whatsapp:Ana' });
    expect(allByTestId(container, 'history-entry')).toHaveLength(2);
  });

  it('exports everything as a JSON file that says what it is', async () => {
    const { container, download } = await setup();
    await click(getByTestId(container, 'history-export'));
    expect(download).toHaveBeenCalledOnce();
    const [name, text] = download.mock.calls[0]!;
    expect(name).toBe('aside-history-2026-11-25.json');
    const file = JSON.parse(text as string);
    expect(file).toMatchObject({ format: 'aside-history', version: 1 });
    expect(file.entries).toEqual(ENTRIES);
    expect(getByTestId(container, 'history-status').textContent).toContain('Exported 3 results');
  });

  it('deletes one result only after confirming, and Cancel keeps it', async () => {
    const { container, api } = await setup();
    await click(allByTestId(container, 'history-delete-entry')[1]!);
    expect(api.callsOf('ui->background:delete-history')).toEqual([]);
    // Focus lands on the safe choice.
    expect(document.activeElement).toBe(getByTestId(container, 'history-cancel'));
    await click(getByTestId(container, 'history-cancel'));
    expect(byTestId(container, 'history-confirmation')).toBeNull();
    expect(api.callsOf('ui->background:delete-history')).toEqual([]);

    await click(allByTestId(container, 'history-delete-entry')[1]!);
    await click(getByTestId(container, 'history-confirm'));
    expect(api.callsOf('ui->background:delete-history')).toEqual([{ scope: 'entry', id: 2 }]);
    expect(allByTestId(container, 'history-entry').map((e) => e.dataset.entryId)).toEqual(['3', '1']);
    expect(getByTestId(container, 'history-status').textContent).toBe('Deleted 1 result.');
  });

  it('Escape cancels a confirmation', async () => {
    const { container, api } = await setup();
    await click(getByTestId(container, 'history-delete-all'));
    await press(getByTestId(container, 'history-cancel'), 'Escape');
    expect(byTestId(container, 'history-confirmation')).toBeNull();
    expect(api.callsOf('ui->background:delete-history')).toEqual([]);
  });

  it('deletes one chat’s history, naming it and its count in the question', async () => {
    const { container, api } = await setup();
    expect(byTestId(container, 'history-delete-chat')).toBeNull();
    await choose(getByTestId<HTMLSelectElement>(container, 'history-chat-filter'), 'whatsapp:Ana');
    await settle();
    await click(getByTestId(container, 'history-delete-chat'));
    expect(getByTestId(container, 'history-confirmation').textContent).toContain('Delete all 2 results of Ana (WhatsApp)?');
    await click(getByTestId(container, 'history-confirm'));
    expect(api.callsOf('ui->background:delete-history')).toEqual([{ scope: 'chat', chatKey: 'whatsapp:Ana' }]);
    await settle();
    // The chat is gone: the filter goes back to all chats, and Family's result remains.
    expect(getByTestId<HTMLSelectElement>(container, 'history-chat-filter').value).toBe('');
    expect(allByTestId(container, 'history-entry').map((e) => e.dataset.entryId)).toEqual(['2']);
  });

  it('deletes everything after confirming, then says there is no history', async () => {
    const { container, api } = await setup();
    await click(getByTestId(container, 'history-delete-all'));
    expect(getByTestId(container, 'history-confirmation').textContent).toContain('Delete all 3 results from every chat?');
    await click(getByTestId(container, 'history-confirm'));
    expect(api.callsOf('ui->background:delete-history')).toEqual([{ scope: 'all' }]);
    expect(getByTestId(container, 'history-empty').textContent).toContain('No history yet');
    expect(getByTestId<HTMLButtonElement>(container, 'history-export').disabled).toBe(true);
    expect(getByTestId<HTMLButtonElement>(container, 'history-delete-all').disabled).toBe(true);
  });

  it('shows the background’s refusal with a way to retry', async () => {
    const api = fakeBackground().on('ui->background:search-history', () =>
      failWith({ kind: 'server', message: 'Aside could not read its history.', hint: 'Reload the page.', retryable: true }),
    );
    const { container } = await setup(api);
    const error = getByTestId(container, 'history-error');
    expect(error.textContent).toContain('Aside could not read its history.');
    expect(byTestId(error, 'retry')).not.toBeNull();
  });
});
