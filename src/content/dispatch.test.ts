import { describe, expect, it, vi } from 'vitest';
import type { Conversation, InsertResult } from '../shared/conversation';
import { MAX_DRAFT_LENGTH } from '../shared/protocol';
import { NothingSelectedError, type SiteAdapter } from './adapters/types';
import { dispatchContentMessage, type ContentContext, type ContentMessageSender } from './dispatch';
import { ContentSession } from './session';
import type { UserFacingError } from '../shared/errors';
import { wording, type WordingKey } from '../shared/wording';

/**
 * The content script writes its errors' English out (it doesn't bundle the catalogue); it must say exactly
 * what the catalogue says, and carry the ids the interface translates.
 */
function expectWorded(reply: unknown): void {
  const error = (reply as { error: UserFacingError }).error;
  expect(error.messageWording, 'message id').toBeDefined();
  expect(wording(error.messageWording!.key as WordingKey, ...error.messageWording!.args).text).toBe(error.message);
  expect(error.hintWording, 'hint id').toBeDefined();
  expect(wording(error.hintWording!.key as WordingKey, ...error.hintWording!.args).text).toBe(error.hint);
}

const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE_URL = `chrome-extension://${RUNTIME_ID}/`;
const BACKGROUND: ContentMessageSender = { id: RUNTIME_ID, url: `${BASE_URL}service-worker-loader.js` };

const CONVERSATION: Conversation = {
  site: 'whatsapp',
  title: 'Jo',
  isGroup: false,
  messages: [],
  health: { status: 'ok' },
};

function setup(overrides: Partial<SiteAdapter> = {}) {
  const adapter: SiteAdapter = {
    id: 'whatsapp',
    matches: () => true,
    read: vi.fn(() => CONVERSATION),
    insert: vi.fn(async (): Promise<InsertResult> => ({ ok: true, method: 'paste' })),
    readDraft: vi.fn(() => 'my draft'),
    ...overrides,
  };
  const context: ContentContext = {
    runtimeId: RUNTIME_ID,
    extensionBaseUrl: BASE_URL,
    document,
    pageUrl: 'https://web.whatsapp.com/',
    pickAdapter: () => adapter,
  };
  return { adapter, context };
}

const READ = { type: 'background->content:read-conversation', payload: {} };
const INSERT = { type: 'background->content:insert-draft', payload: { text: 'See you at 8' } };

describe('dispatchContentMessage: who may ask', () => {
  it('answers the extension\'s own background', async () => {
    const { context } = setup();
    expect(await dispatchContentMessage(READ, BACKGROUND, context)).toEqual({ ok: true, value: CONVERSATION });
  });

  it.each<[string, ContentMessageSender]>([
    ['another extension', { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'chrome-extension://ponm/bg.js' }],
    ['a sender without an id', { url: `${BASE_URL}bg.js` }],
    ['a tab (a content script or a page)', { id: RUNTIME_ID, tab: { id: 7, index: 0 }, url: 'https://web.whatsapp.com/' }],
    ['a sender whose URL is not the extension\'s', { id: RUNTIME_ID, url: 'https://web.whatsapp.com/' }],
  ])('ignores %s', (_name, sender) => {
    const { adapter, context } = setup();
    expect(dispatchContentMessage(READ, sender, context)).toBeUndefined();
    expect(dispatchContentMessage(INSERT, sender, context)).toBeUndefined();
    expect(adapter.read).not.toHaveBeenCalled();
    expect(adapter.insert).not.toHaveBeenCalled();
  });

  it('ignores everyone when the runtime id is unknown', () => {
    const { context } = setup();
    expect(dispatchContentMessage(READ, { id: '' }, { ...context, runtimeId: '' })).toBeUndefined();
  });
});

describe('dispatchContentMessage: what may be asked', () => {
  it.each<[string, unknown]>([
    ['an unknown type', { type: 'background->content:delete-chat', payload: {} }],
    ['a message meant for the background', { type: 'ui->background:get-assistants', payload: {} }],
    ['a page-style message', { type: 'settings:set', provider: { baseUrl: 'http://127.0.0.2:8099' } }],
    ['a non-object', 'background->content:read-conversation'],
    ['null', null],
    ['an invalid payload', { type: 'background->content:insert-draft', payload: { text: 42 } }],
    ['a missing payload', { type: 'background->content:insert-draft' }],
    ['an empty draft', { type: 'background->content:insert-draft', payload: { text: '' } }],
    ['an oversized draft', { type: 'background->content:insert-draft', payload: { text: 'x'.repeat(MAX_DRAFT_LENGTH + 1) } }],
  ])('ignores %s', (_name, message) => {
    const { adapter, context } = setup();
    expect(dispatchContentMessage(message, BACKGROUND, context)).toBeUndefined();
    expect(adapter.insert).not.toHaveBeenCalled();
  });

  it('inserts a valid draft and returns the composer\'s result', async () => {
    const { adapter, context } = setup();
    expect(await dispatchContentMessage(INSERT, BACKGROUND, context)).toEqual({ ok: true, value: { ok: true, method: 'paste' } });
    expect(adapter.insert).toHaveBeenCalledWith(document, 'See you at 8');
  });

  it('passes a draft of the largest allowed size', async () => {
    const { adapter, context } = setup();
    const text = 'x'.repeat(MAX_DRAFT_LENGTH);
    await dispatchContentMessage({ type: INSERT.type, payload: { text } }, BACKGROUND, context);
    expect(adapter.insert).toHaveBeenCalledWith(document, text);
  });
});

describe('dispatchContentMessage: failures are data', () => {
  it('turns a reader crash into an adapter error', async () => {
    const { context } = setup({
      read: () => {
        throw new Error('boom');
      },
    });
    const reply = await dispatchContentMessage(READ, BACKGROUND, context);
    expect(reply).toMatchObject({
      ok: false,
      error: {
        kind: 'adapter',
        message: 'Aside could not read this chat.',
        hint: 'Reload the messenger tab and try again.',
        retryable: true,
      },
    });
    expectWorded(reply);
  });

  it('turns a composer crash into an adapter error', async () => {
    const { context } = setup({ insert: () => Promise.reject(new Error('boom')) });
    const reply = await dispatchContentMessage(INSERT, BACKGROUND, context);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'adapter', retryable: true } });
    expectWorded(reply);
  });

  it('says the page is not supported when no adapter matches it', async () => {
    const { context } = setup();
    const reply = await dispatchContentMessage(READ, BACKGROUND, { ...context, pickAdapter: () => null });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'adapter', retryable: false, hint: 'Open a supported messenger (https://web.whatsapp.com/) and try again.' } });
    expectWorded(reply);
  });

  it('uses the registry by default', async () => {
    document.body.innerHTML = '';
    const { context } = setup();
    const reply = await dispatchContentMessage(READ, BACKGROUND, { ...context, pickAdapter: undefined });
    expect(reply).toMatchObject({ ok: true, value: { site: 'whatsapp', health: { status: 'unreadable' } } });
  });
});

describe('dispatchContentMessage: read-draft', () => {
  const READ_DRAFT = { type: 'background->content:read-draft', payload: {} };

  it('returns what the user typed in the message box', async () => {
    const { context } = setup();
    expect(await dispatchContentMessage(READ_DRAFT, BACKGROUND, context)).toEqual({ ok: true, value: { text: 'my draft' } });
  });

  it('says so when there is no message box', async () => {
    const { context } = setup({ readDraft: () => null });
    const reply = await dispatchContentMessage(READ_DRAFT, BACKGROUND, context);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'adapter' } });
    expectWorded(reply);
  });

  it('ignores a tab asking for the draft', () => {
    const { adapter, context } = setup();
    expect(dispatchContentMessage(READ_DRAFT, { id: RUNTIME_ID, tab: { id: 1 } }, context)).toBeUndefined();
    expect(adapter.readDraft).not.toHaveBeenCalled();
  });
});

describe('dispatchContentMessage: scoped reads, cancel and watch', () => {
  it('sends a scoped read through the session, which reports progress to the background', async () => {
    const notified: Array<{ type: string; payload: unknown }> = [];
    const scoped: Conversation = { ...CONVERSATION, coverage: { scope: 'last', complete: true, reachedChatStart: false } };
    const { adapter, context } = setup({
      readScoped: vi.fn(async (_doc, _scope, options) => {
        options.onProgress?.({ loaded: 40, target: 80 });
        return scoped;
      }),
    });
    const session = new ContentSession(document, async (type, payload) => {
      notified.push({ type, payload });
      return undefined;
    });
    const reply = await dispatchContentMessage(
      { type: 'background->content:read-conversation', payload: { scope: { kind: 'last', count: 80 } } },
      BACKGROUND,
      { ...context, session },
    );
    expect(reply).toEqual({ ok: true, value: scoped });
    expect(adapter.readScoped).toHaveBeenCalledWith(document, { kind: 'last', count: 80 }, expect.anything());
    expect(adapter.read).not.toHaveBeenCalled();
    expect(notified).toEqual([{ type: 'content->background:history-progress', payload: { loaded: 40, target: 80 } }]);
  });

  it('rejects a scope out of bounds', () => {
    const { context } = setup();
    const tooMany = { type: 'background->content:read-conversation', payload: { scope: { kind: 'last', count: 2_001 } } };
    expect(dispatchContentMessage(tooMany, BACKGROUND, context)).toBeUndefined();
  });

  it('cancels the running scoped read, which then answers with what it has', async () => {
    let seen: AbortSignal | undefined;
    const { context } = setup({
      readScoped: (_doc, _scope, options) =>
        new Promise((resolve) => {
          seen = options.signal;
          options.signal?.addEventListener('abort', () => resolve({ ...CONVERSATION, coverage: { scope: 'last', complete: false, reachedChatStart: false } }));
        }),
    });
    const session = new ContentSession(document, async () => undefined);
    const reading = dispatchContentMessage(
      { type: 'background->content:read-conversation', payload: { scope: { kind: 'last', count: 80 } } },
      BACKGROUND,
      { ...context, session },
    );
    await Promise.resolve();
    const cancel = { type: 'background->content:cancel-history', payload: {} };
    expect(await dispatchContentMessage(cancel, BACKGROUND, { ...context, session })).toEqual({ ok: true, value: { cancelled: true } });
    expect(seen?.aborted).toBe(true);
    expect(await reading).toMatchObject({ ok: true, value: { coverage: { complete: false } } });
    // Nothing left to cancel.
    expect(await dispatchContentMessage(cancel, BACKGROUND, { ...context, session })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('tells the user to select messages when a selection read finds none', async () => {
    const { context } = setup({
      readScoped: async () => {
        throw new NothingSelectedError();
      },
    });
    const reply = await dispatchContentMessage(
      { type: 'background->content:read-conversation', payload: { scope: { kind: 'selection' } } },
      BACKGROUND,
      { ...context, session: new ContentSession(document, async () => undefined) },
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'adapter', message: 'No messages are selected in the chat.' } });
    expectWorded(reply);
  });

  it('turns the watch on and off only for the background', async () => {
    const { context } = setup({ watchTargets: () => null, summarize: () => ({ site: 'whatsapp', title: 'Jo', isGroup: false, health: { status: 'ok' }, messageCount: 0, lastMessageId: null }) });
    const session = new ContentSession(document, async () => ({ watching: true }) as never);
    const on = { type: 'background->content:watch', payload: { on: true } };
    expect(dispatchContentMessage(on, { id: RUNTIME_ID, tab: { id: 3 }, url: 'https://web.whatsapp.com/' }, { ...context, session })).toBeUndefined();
    expect(session.watching).toBe(false);
    expect(await dispatchContentMessage(on, BACKGROUND, { ...context, session })).toEqual({ ok: true, value: { watching: true } });
    expect(session.watching).toBe(true);
    const off = { type: 'background->content:watch', payload: { on: false } };
    expect(await dispatchContentMessage(off, BACKGROUND, { ...context, session })).toEqual({ ok: true, value: { watching: false } });
    expect(session.watching).toBe(false);
  });
});
