// @vitest-environment-options {"url": "https://web.whatsapp.com/"}
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: { id?: string; tab?: unknown; url?: string }) => unknown;
const listeners: Listener[] = [];

vi.mock('../platform/content-runtime', () => ({
  contentRuntime: () => ({
    id: 'own-extension-id',
    getURL: (path: string) => `chrome-extension://own-extension-id/${path}`,
    sendMessage: async () => undefined,
    onMessage: (listener: Listener) => listeners.push(listener),
  }),
}));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('content script entry', () => {
  it('registers one runtime listener and nothing the page can reach', async () => {
    const windowListener = vi.spyOn(window, 'addEventListener');
    const documentListener = vi.spyOn(document, 'addEventListener');
    await import('./main');
    expect(listeners).toHaveLength(1);
    expect(windowListener).not.toHaveBeenCalled();
    expect(documentListener).not.toHaveBeenCalled();
  });

  it('answers the background and ignores everyone else', async () => {
    await import('./main');
    const listener = listeners[0]!;
    const request = { type: 'background->content:read-conversation', payload: {} };
    const background = { id: 'own-extension-id', url: 'chrome-extension://own-extension-id/service-worker-loader.js' };
    expect(listener(request, { ...background, tab: { id: 1 } })).toBeUndefined();
    expect(listener(request, { id: 'another-extension' })).toBeUndefined();
    const reply = (await listener(request, background)) as { ok: boolean; value?: { site: string } };
    expect(reply).toMatchObject({ ok: true, value: { site: 'whatsapp' } });
  });
});
