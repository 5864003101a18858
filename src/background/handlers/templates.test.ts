import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../storage/database';
import { createTemplateStore } from '../../storage/template-store';
import { createMessageRouter } from '../router';
import { createFakeWorld, EXTENSION, PAGE_SENDER } from '../test-support';
import { templateHandlers } from './templates';

const DIGEST = { id: 'digest', name: 'Digest', instruction: 'List what {chat} decided.' };

function setup() {
  const world = createFakeWorld();
  const store = createTemplateStore(openDatabase(`templates-${Math.random()}`));
  // Only the template handlers are wired: the router wants a full table, the rest are absent on purpose.
  const route = createMessageRouter(templateHandlers(world.services, store) as never, EXTENSION);
  return { world, store, send: (type: string, payload: unknown) => route({ type, payload }, PAGE_SENDER) };
}

describe('template handlers', () => {
  it('saves the whole list and gives it back with the open chat’s default', async () => {
    const { send } = setup();
    expect(await send('ui->background:save-templates', { templates: [DIGEST] })).toEqual({ ok: true, value: { templates: [DIGEST] } });
    expect(await send('ui->background:set-chat-template', { tabId: 7, templateId: 'digest' })).toEqual({
      ok: true,
      value: { chatKey: 'whatsapp:Ana', chatDefaultId: 'digest' },
    });
    expect(await send('ui->background:get-templates', { tabId: 7 })).toEqual({
      ok: true,
      value: { templates: [DIGEST], chatKey: 'whatsapp:Ana', chatDefaultId: 'digest' },
    });
    expect(await send('ui->background:get-templates', {})).toEqual({ ok: true, value: { templates: [DIGEST], chatKey: null, chatDefaultId: null } });
  });

  it.each([
    ['a duplicate id', [DIGEST, DIGEST]],
    ['an empty instruction', [{ ...DIGEST, instruction: '  ' }]],
    ['an id with odd characters', [{ ...DIGEST, id: '../x' }]],
    ['a name that is too long', [{ ...DIGEST, name: 'n'.repeat(61) }]],
    ['too many templates', Array.from({ length: 51 }, (_, index) => ({ ...DIGEST, id: `t${index}` }))],
  ])('refuses a list with %s, saving nothing', async (_name, templates) => {
    const { send, store } = setup();
    const answer = await send('ui->background:save-templates', { templates });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'config' } });
    expect(await store.list()).toEqual([]);
  });

  it('refuses a default for a template that does not exist, or on a tab that is not a messenger', async () => {
    const { send, world, store } = setup();
    expect(await send('ui->background:set-chat-template', { tabId: 7, templateId: 'gone' })).toMatchObject({ ok: false, error: { kind: 'config' } });
    world.tabUrl = 'https://example.com/';
    await store.replaceAll([DIGEST]);
    expect(await send('ui->background:set-chat-template', { tabId: 7, templateId: 'digest' })).toMatchObject({ ok: false, error: { kind: 'adapter' } });
    expect(await store.chatDefault('whatsapp:Ana')).toBeNull();
  });

  it('ignores other senders', async () => {
    const world = createFakeWorld();
    const route = createMessageRouter(templateHandlers(world.services, createTemplateStore(openDatabase(`t-${Math.random()}`))) as never, EXTENSION);
    expect(await route({ type: 'ui->background:save-templates', payload: { templates: [] } }, { id: 'other', url: 'https://evil.example/' })).toBeUndefined();
  });
});
