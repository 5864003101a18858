// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LLM_HOST_PORT_NAME } from '../llm-host/protocol';
import { acceptEngineHostPort, LLM_HOST_PAGE } from './local-engine-host';

const EXTENSION = { id: 'aside-test-id', origin: 'chrome-extension://aside-test-id' };

function port(name: string, sender: { id?: string; url?: string }) {
  const state = { disconnected: false, listening: false };
  return {
    state,
    port: {
      name,
      sender,
      postMessage: () => undefined,
      disconnect: () => {
        state.disconnected = true;
      },
      onMessage: {
        addListener: () => {
          state.listening = true;
        },
      },
      onDisconnect: { addListener: () => undefined },
    },
  };
}

describe('the engine host’s port', () => {
  it('is accepted only from the host page itself', () => {
    const host = port(LLM_HOST_PORT_NAME, { id: EXTENSION.id, url: `${EXTENSION.origin}/${LLM_HOST_PAGE}` });
    expect(acceptEngineHostPort(host.port, EXTENSION)).toBe(true);
    expect(host.state).toEqual({ disconnected: false, listening: true });
  });

  it('from another extension page or another extension, is cut without being listened to', () => {
    for (const sender of [
      { id: EXTENSION.id, url: `${EXTENSION.origin}/extension-pages/options.html` },
      { id: 'other-extension', url: `chrome-extension://other-extension/${LLM_HOST_PAGE}` },
      { id: EXTENSION.id, url: 'https://web.whatsapp.com/' },
    ]) {
      const intruder = port(LLM_HOST_PORT_NAME, sender);
      expect(acceptEngineHostPort(intruder.port, EXTENSION)).toBe(true);
      expect(intruder.state).toEqual({ disconnected: true, listening: false });
    }
  });

  it('leaves other ports (the sidebar’s task port) alone', () => {
    const task = port('aside:task', { id: EXTENSION.id, url: `${EXTENSION.origin}/extension-pages/sidebar.html` });
    expect(acceptEngineHostPort(task.port, EXTENSION)).toBe(false);
    expect(task.state).toEqual({ disconnected: false, listening: false });
  });
});
