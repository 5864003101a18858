import { describe, expect, it, vi } from 'vitest';
import type { ServerStreamMessage } from '../shared/stream-protocol';
import { acceptTaskPort, type PortLike } from './task-port';
import { createFakeWorld, EXTENSION, PAGE_SENDER } from './test-support';
import type { TaskRequest } from './task-runner';

function fakePort(sender: PortLike['sender'], name = 'aside:task') {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  const posted: ServerStreamMessage[] = [];
  const port: PortLike = {
    name,
    sender,
    postMessage: (message) => posted.push(message),
    disconnect: vi.fn(),
    onMessage: { addListener: (listener) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
  };
  return {
    port,
    posted,
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    closeFromClient: () => disconnectListeners.forEach((listener) => listener()),
  };
}

describe('task port', () => {
  it('ignores ports with other names', () => {
    const { port } = fakePort(PAGE_SENDER, 'web_llm_service_worker');
    expect(acceptTaskPort(port, createFakeWorld().services)).toBe(false);
    expect(port.disconnect).not.toHaveBeenCalled();
  });

  it.each([
    ['a content script', { id: EXTENSION.id, url: 'https://web.whatsapp.com/', tab: { id: 1 } }],
    ['another extension', { id: 'x', url: 'chrome-extension://x/a.html' }],
    ['no sender', undefined],
  ])('disconnects a port opened by %s without running anything', (_name, sender) => {
    const run = vi.fn();
    const { port, send } = fakePort(sender);
    expect(acceptTaskPort(port, createFakeWorld().services, run)).toBe(false);
    send({ type: 'start', tabId: 1, task: 'reply' });
    expect(port.disconnect).toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });

  it('ignores malformed client messages', () => {
    const run = vi.fn();
    const { port, send } = fakePort(PAGE_SENDER);
    acceptTaskPort(port, createFakeWorld().services, run);
    send({ type: 'start', tabId: '1', task: 'reply' });
    send({ type: 'start', tabId: 1, task: 'delete-everything' });
    send('start');
    expect(run).not.toHaveBeenCalled();
  });

  it('aborts the running task on cancel and on disconnect', () => {
    const requests: TaskRequest[] = [];
    const run = vi.fn(async (_services: unknown, request: TaskRequest) => void requests.push(request));
    const first = fakePort(PAGE_SENDER);
    acceptTaskPort(first.port, createFakeWorld().services, run);
    first.send({ type: 'start', tabId: 1, task: 'reply' });
    first.send({ type: 'cancel' });
    expect(requests[0]!.signal.aborted).toBe(true);

    const second = fakePort(PAGE_SENDER);
    acceptTaskPort(second.port, createFakeWorld().services, run);
    second.send({ type: 'start', tabId: 1, task: 'reply' });
    second.closeFromClient();
    expect(requests[1]!.signal.aborted).toBe(true);
  });

  it('passes the user’s validated choices to the task', () => {
    const requests: TaskRequest[] = [];
    const run = vi.fn(async (_services: unknown, request: TaskRequest) => void requests.push(request));
    const { port, send } = fakePort(PAGE_SENDER);
    acceptTaskPort(port, createFakeWorld().services, run);
    send({ type: 'start', tabId: 1, task: 'ask', question: '  When?  ', targetLanguage: 'German', tone: 'brief' });
    expect(requests[0]).toMatchObject({ task: 'ask', options: { question: 'When?', targetLanguage: 'German', tone: 'brief' } });
    send({ type: 'cancel' });
    send({ type: 'start', tabId: 1, task: 'ask', question: 'x'.repeat(2_001) });
    send({ type: 'start', tabId: 1, task: 'reply', tone: 'y'.repeat(61) });
    expect(run).toHaveBeenCalledOnce();
  });

  it('runs one task at a time per port', () => {
    const run = vi.fn(async () => new Promise<void>(() => undefined));
    const { port, send } = fakePort(PAGE_SENDER);
    acceptTaskPort(port, createFakeWorld().services, run);
    send({ type: 'start', tabId: 1, task: 'reply' });
    send({ type: 'start', tabId: 1, task: 'reply' });
    expect(run).toHaveBeenCalledOnce();
  });
});

describe('task port consent', () => {
  const preview = { destination: 'https://api.example.com', model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };

  function started(timeoutMs = 60_000) {
    const requests: TaskRequest[] = [];
    const run = vi.fn(async (_services: unknown, request: TaskRequest) => void requests.push(request));
    const client = fakePort(PAGE_SENDER);
    acceptTaskPort(client.port, createFakeWorld().services, run, timeoutMs);
    client.send({ type: 'start', tabId: 1, task: 'reply' });
    return { ...client, request: requests[0]! };
  }

  it('posts consent-required and resolves with the client’s validated answer', async () => {
    const { request, posted, send } = started();
    const answer = request.askConsent!(preview);
    expect(posted).toEqual([{ type: 'consent-required', preview }]);
    send({ type: 'consent', decision: 'everything' });
    send({ type: 'consent', decision: 'once', extra: 1 });
    await expect(answer).resolves.toBe('once');
  });

  it('ignores a consent answer when no question is open', async () => {
    const { request, send } = started();
    send({ type: 'consent', decision: 'always' });
    const answer = request.askConsent!(preview);
    send({ type: 'consent', decision: 'deny' });
    await expect(answer).resolves.toBe('deny');
  });

  it('denies on disconnect, on cancel and on timeout', async () => {
    const a = started();
    const first = a.request.askConsent!(preview);
    a.closeFromClient();
    await expect(first).resolves.toBe('deny');

    const b = started();
    const second = b.request.askConsent!(preview);
    b.send({ type: 'cancel' });
    await expect(second).resolves.toBe('deny');

    vi.useFakeTimers();
    try {
      const c = started(1_000);
      const third = c.request.askConsent!(preview);
      vi.advanceTimersByTime(1_001);
      await expect(third).resolves.toBe('deny');
    } finally {
      vi.useRealTimers();
    }
  });
});
