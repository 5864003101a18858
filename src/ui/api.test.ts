import { describe, expect, it, vi } from 'vitest';
import { createUiApi, interruptedStream, UiRequestError, type PortLike, type TaskHandlers } from './api';
import { TASK_PORT_NAME } from '../shared/stream-protocol';
import { withCatalogue } from './i18n/with-catalogue';

class FakePort implements PortLike {
  readonly posted: unknown[] = [];
  disconnected = false;
  private messageListeners: Array<(message: unknown) => void> = [];
  private disconnectListeners: Array<() => void> = [];
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };
  postMessage(message: unknown) {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }
  disconnect() {
    this.disconnected = true;
  }
  /** The background sends a message. */
  receive(message: unknown) {
    this.messageListeners.forEach((listener) => listener(message));
  }
  /** The background goes away. */
  drop() {
    this.disconnected = true;
    this.disconnectListeners.forEach((listener) => listener());
  }
}

function handlers(): TaskHandlers & { [K in keyof TaskHandlers]-?: ReturnType<typeof vi.fn> } {
  return { onStart: vi.fn(), onDelta: vi.fn(), onEnd: vi.fn(), onError: vi.fn() } as never;
}

describe('request', () => {
  it('sends the envelope and unwraps an ok reply', async () => {
    const sendMessage = vi.fn(async () => ({ ok: true, value: { deleted: true } }));
    const api = createUiApi({ sendMessage, connect: () => new FakePort() });
    await expect(api.request('ui->background:delete-assistant', { id: 'a1' })).resolves.toEqual({ deleted: true });
    expect(sendMessage).toHaveBeenCalledWith({ type: 'ui->background:delete-assistant', payload: { id: 'a1' } });
  });

  it('throws a UiRequestError carrying the user-facing error of an ok:false reply', async () => {
    const error = { kind: 'config', message: 'Enter a model name', hint: 'Open settings.', retryable: false } as const;
    const api = createUiApi({ sendMessage: async () => ({ ok: false, error }), connect: () => new FakePort() });
    const thrown = await api.request('ui->background:get-assistants', {}).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(UiRequestError);
    expect((thrown as UiRequestError).error).toEqual(error);
    expect((thrown as UiRequestError).kind).toBe('config');
  });

  it('reports interrupted when nobody answers', async () => {
    const api = createUiApi({ sendMessage: async () => undefined, connect: () => new FakePort() });
    const thrown = (await api.request('ui->background:get-assistants', {}).catch((e: unknown) => e)) as UiRequestError;
    expect(thrown.error.kind).toBe('interrupted');
    expect(thrown.error.retryable).toBe(true);
  });

  it('reports interrupted when the message port closes', async () => {
    const api = createUiApi({
      sendMessage: async () => {
        throw new Error('The message port closed before a response was received.');
      },
      connect: () => new FakePort(),
    });
    const thrown = (await api.request('ui->background:get-tab-state', { tabId: 3 }).catch((e: unknown) => e)) as UiRequestError;
    expect(thrown).toBeInstanceOf(UiRequestError);
    expect(thrown.error.kind).toBe('interrupted');
  });
});

describe('startTask', () => {
  function setup() {
    const port = new FakePort();
    const connect = vi.fn(() => port);
    const api = createUiApi({ sendMessage: async () => undefined, connect });
    return { port, connect, api };
  }

  it('opens the task port and posts start', () => {
    const { port, connect, api } = setup();
    api.startTask(7, 'reply', handlers());
    expect(connect).toHaveBeenCalledWith({ name: TASK_PORT_NAME });
    expect(port.posted).toEqual([{ type: 'start', tabId: 7, task: 'reply' }]);
  });

  it('routes a notice to its handler and ignores a malformed one', () => {
    const { port, api } = setup();
    const onNotice = vi.fn();
    api.startTask(7, 'reply', { ...handlers(), onNotice });
    port.receive({ type: 'notice', text: 'Rate limited; retrying in 1 s' });
    port.receive({ type: 'notice', text: { html: '<b>' } });
    expect(onNotice.mock.calls).toEqual([['Rate limited; retrying in 1 s']]);
  });

  it('shows a worded notice in the interface language, and its English text when the id is unknown', async () => {
    const { port, api } = setup();
    const onNotice = vi.fn();
    api.startTask(7, 'reply', { ...handlers(), onNotice });
    await withCatalogue('de', () => {
      port.receive({ type: 'notice', text: 'Rate limited; retrying in 3 s', wording: { key: 'error_noticeRateLimitedRetry', args: ['3'] } });
      port.receive({ type: 'notice', text: 'Only the last 5 of 9 messages fit.', wording: { key: 'error_notInTheCatalogue', args: [] } });
    });
    expect(onNotice.mock.calls).toEqual([['Anfragelimit erreicht; neuer Versuch in 3 s'], ['Only the last 5 of 9 messages fit.']]);
  });

  it('routes history progress to its handler and ignores a malformed one', () => {
    const { port, api } = setup();
    const onProgress = vi.fn();
    api.startTask(7, 'reply', { ...handlers(), onProgress });
    port.receive({ type: 'progress', loaded: 20, target: 50 });
    port.receive({ type: 'progress', loaded: '20', target: 50 });
    port.receive({ type: 'progress', loaded: 1.5, target: 50 });
    expect(onProgress.mock.calls).toEqual([[{ loaded: 20, target: 50 }]]);
  });

  it('routes start, deltas and end to the handlers', () => {
    const { port, api } = setup();
    const h = handlers();
    api.startTask(7, 'reply', h);
    port.receive({ type: 'start', assistantName: 'Llama', model: 'llama3.2', locality: 'local' });
    port.receive({ type: 'delta', text: 'Hel' });
    port.receive({ type: 'delta', text: 'lo' });
    port.receive({ type: 'end', finishReason: 'stop', suggestions: ['Hello'] });
    expect(h.onStart).toHaveBeenCalledWith({ assistantName: 'Llama', model: 'llama3.2', locality: 'local' });
    expect(h.onDelta.mock.calls).toEqual([['Hel'], ['lo']]);
    expect(h.onEnd).toHaveBeenCalledWith({ finishReason: 'stop', suggestions: ['Hello'] });
    expect(port.disconnected).toBe(true);
    port.drop();
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('sends the user’s choices in start, and passes the chat’s links on', () => {
    const { port, api } = setup();
    const h = handlers();
    api.startTask(7, 'ask', h, { question: 'When?', targetLanguage: 'German', tone: undefined });
    expect(port.posted).toEqual([{ type: 'start', tabId: 7, task: 'ask', question: 'When?', targetLanguage: 'German' }]);
    port.receive({ type: 'start', assistantName: 'Llama', model: 'm', locality: 'local', chatUrls: ['https://a.example/', 7] });
    port.receive({ type: 'end', finishReason: 'stop', chatUrls: ['https://a.example/', { evil: true }] });
    expect(h.onStart).toHaveBeenCalledWith({ assistantName: 'Llama', model: 'm', locality: 'local', chatUrls: ['https://a.example/'] });
    expect(h.onEnd).toHaveBeenCalledWith({ finishReason: 'stop', chatUrls: ['https://a.example/'] });
  });

  it('routes a stream error once', () => {
    const { port, api } = setup();
    const h = handlers();
    api.startTask(7, 'reply', h);
    const error = { kind: 'rate-limit', message: 'Too many requests.', retryable: true };
    port.receive({ type: 'error', error });
    port.drop();
    expect(h.onError).toHaveBeenCalledTimes(1);
    expect(h.onError).toHaveBeenCalledWith(error);
  });

  it('treats a disconnect before end as interrupted', () => {
    const { port, api } = setup();
    const h = handlers();
    api.startTask(7, 'reply', h);
    port.receive({ type: 'delta', text: 'partial' });
    port.drop();
    expect(h.onError).toHaveBeenCalledWith(interruptedStream());
    expect(interruptedStream()).toMatchObject({
      kind: 'interrupted',
      message: 'The background worker stopped before the answer was complete.',
      retryable: true,
    });
    port.receive({ type: 'delta', text: 'late' });
    expect(h.onDelta).toHaveBeenCalledTimes(1);
  });

  it('ignores malformed messages', () => {
    const { port, api } = setup();
    const h = handlers();
    api.startTask(7, 'reply', h);
    port.receive({ type: 'delta', text: 42 });
    port.receive('<b>hi</b>');
    port.receive(null);
    expect(h.onDelta).not.toHaveBeenCalled();
    expect(h.onError).not.toHaveBeenCalled();
  });

  it('cancel posts cancel, disconnects, and reports nothing more', () => {
    const { port, api } = setup();
    const h = handlers();
    const task = api.startTask(7, 'reply', h);
    task.cancel();
    expect(port.posted.at(-1)).toEqual({ type: 'cancel' });
    expect(port.disconnected).toBe(true);
    port.receive({ type: 'delta', text: 'late' });
    port.drop();
    expect(h.onDelta).not.toHaveBeenCalled();
    expect(h.onError).not.toHaveBeenCalled();
    task.cancel();
    expect(port.posted.filter((m) => (m as { type: string }).type === 'cancel')).toHaveLength(1);
  });

  it('reports interrupted when the port cannot be opened', async () => {
    const api = createUiApi({
      sendMessage: async () => undefined,
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
    });
    const h = handlers();
    api.startTask(7, 'reply', h);
    await Promise.resolve();
    expect(h.onError).toHaveBeenCalledWith(interruptedStream());
  });
});
