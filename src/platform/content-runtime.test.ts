import { describe, expect, it, vi } from 'vitest';
import { contentRuntime, type ContentMessageSender } from './content-runtime';

type NativeListener = (message: unknown, sender: ContentMessageSender, sendResponse: (response?: unknown) => void) => true | undefined;

function fakeRuntime() {
  const listeners: NativeListener[] = [];
  return {
    listeners,
    runtime: {
      id: 'own-id',
      getURL: (path: string) => `chrome-extension://own-id/${path}`,
      sendMessage: vi.fn(async (message: unknown) => ({ ok: true, value: message })),
      onMessage: { addListener: (listener: NativeListener) => listeners.push(listener) },
    },
  };
}

describe('contentRuntime', () => {
  it("uses Firefox's browser namespace where there is one, else Chrome's", async () => {
    const firefox = fakeRuntime();
    const chrome = fakeRuntime();
    expect(contentRuntime({ browser: { runtime: { ...firefox.runtime, id: 'firefox' } }, chrome: { runtime: chrome.runtime } }).id).toBe('firefox');
    const onChrome = contentRuntime({ chrome: { runtime: chrome.runtime } });
    expect(onChrome.getURL('')).toBe('chrome-extension://own-id/');
    await expect(onChrome.sendMessage({ type: 'x' })).resolves.toEqual({ ok: true, value: { type: 'x' } });
  });

  it('says so when there is no extension runtime at all', () => {
    expect(() => contentRuntime({})).toThrow(/runtime is not available/);
  });

  it('answers later through sendResponse, keeping the channel open', async () => {
    const fake = fakeRuntime();
    contentRuntime({ chrome: { runtime: fake.runtime } }).onMessage(async (message) => ({ echoed: message }));
    const sendResponse = vi.fn();
    expect(fake.listeners[0]!('hello', { id: 'own-id' }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ echoed: 'hello' }));
  });

  it('leaves messages it does not answer to other listeners', () => {
    const fake = fakeRuntime();
    contentRuntime({ chrome: { runtime: fake.runtime } }).onMessage(() => undefined);
    const sendResponse = vi.fn();
    expect(fake.listeners[0]!('not ours', { id: 'other' }, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  it('answers nothing when the answer fails, so the sender is not left waiting', async () => {
    const fake = fakeRuntime();
    contentRuntime({ chrome: { runtime: fake.runtime } }).onMessage(() => Promise.reject(new Error('broken')));
    const sendResponse = vi.fn();
    expect(fake.listeners[0]!('hello', { id: 'own-id' }, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith(undefined));
  });
});
