import { describe, expect, it, vi } from 'vitest';
import { createMessageRouter, type UiHandlers } from './router';
import { EXTENSION, PAGE_SENDER } from './test-support';

function handlersSpy() {
  const getAssistants = vi.fn(async () => ({ assistants: [], activeAssistantId: null }));
  const insert = vi.fn(async () => ({ ok: true }));
  const handlers = new Proxy({} as UiHandlers, {
    get: (_target, property) =>
      property === 'ui->background:get-assistants' ? getAssistants : property === 'ui->background:insert-draft' ? insert : vi.fn(),
  });
  return { handlers, getAssistants, insert };
}

describe('message router', () => {
  it('answers a valid request from an extension page', async () => {
    const { handlers, getAssistants } = handlersSpy();
    const route = createMessageRouter(handlers, EXTENSION);
    await expect(route({ type: 'ui->background:get-assistants', payload: {} }, PAGE_SENDER)).resolves.toEqual({
      ok: true,
      value: { assistants: [], activeAssistantId: null },
    });
    expect(getAssistants).toHaveBeenCalledOnce();
  });

  const rejectedSenders = {
    'a content script in a messenger tab': {
      id: EXTENSION.id, url: 'https://web.whatsapp.com/', tab: { id: 3, url: 'https://web.whatsapp.com/' }, frameId: 0,
    },
    'another extension': { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' },
    'a sender without url': { id: EXTENSION.id },
    'a page claiming our id from a web origin': { id: EXTENSION.id, url: 'https://evil.test/chrome-extension://aside-test-id/' },
    'a look-alike extension origin': { id: EXTENSION.id, url: `${EXTENSION.origin}.evil.test/x` },
  };
  for (const [name, sender] of Object.entries(rejectedSenders)) {
    it(`ignores ${name} before any handler runs`, () => {
      const { handlers, getAssistants, insert } = handlersSpy();
      const route = createMessageRouter(handlers, EXTENSION);
      expect(route({ type: 'ui->background:get-assistants', payload: {} }, sender)).toBeUndefined();
      expect(route({ type: 'ui->background:insert-draft', payload: { tabId: 1, text: 'x' } }, sender)).toBeUndefined();
      expect(getAssistants).not.toHaveBeenCalled();
      expect(insert).not.toHaveBeenCalled();
    });
  }

  it.each([
    ['not an object', 'ui->background:get-assistants'],
    ['an unknown type', { type: 'settings:set', payload: {} }],
    ['a message meant for the content script', { type: 'background->content:insert-draft', payload: { text: 'x' } }],
    ['a prototype key as type', { type: 'constructor', payload: {} }],
  ])('ignores %s', (_name, message) => {
    const { handlers } = handlersSpy();
    expect(createMessageRouter(handlers, EXTENSION)(message, PAGE_SENDER)).toBeUndefined();
  });

  it.each([
    ['a negative tab id', { tabId: -1, text: 'hi' }],
    ['an empty draft', { tabId: 1, text: '' }],
    ['a draft over the size limit', { tabId: 1, text: 'x'.repeat(20_001) }],
    ['a missing payload', undefined],
    ['a text that is not a string', { tabId: 1, text: { toString: 'hi' } }],
  ])('rejects %s with a specific error and never calls the handler', async (_name, payload) => {
    const { handlers, insert } = handlersSpy();
    const reply = await createMessageRouter(handlers, EXTENSION)({ type: 'ui->background:insert-draft', payload }, PAGE_SENDER);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'config', message: expect.stringMatching(/^Invalid /) } });
    expect(insert).not.toHaveBeenCalled();
  });

  it('turns a handler failure into an error reply', async () => {
    const handlers = new Proxy({} as UiHandlers, { get: () => async () => { throw new Error('disk full'); } });
    const reply = await createMessageRouter(handlers, EXTENSION)({ type: 'ui->background:get-assistants', payload: {} }, PAGE_SENDER);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'server', message: expect.stringContaining('disk full') } });
  });
});
