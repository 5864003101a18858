/**
 * Where the engine host runs, per browser, and how the background reaches it.
 *
 * Chrome: an offscreen document (extension-pages/llm-host.html, reason WORKERS), created the first
 * time an in-browser model is used. A Chrome MV3 service worker cannot import() a chunk lazily, so an
 * engine in the worker would load web-llm's ~2 MB gzip at every worker start; the offscreen document
 * loads it only when asked, holds the GPU device, and keeps downloading while the sidebar is closed
 * and the worker sleeps. The document connects a port to the worker (and reconnects after a restart).
 *
 * Firefox: no offscreen documents, but the background is a page: the same host code runs inside it,
 * imported lazily, and talks to the client over an in-process channel.
 */
import { languageModelOf } from '../providers/chrome-ai';
import { LLM_HOST_PORT_NAME, type HostChannel, type HostEvent, type HostRequest } from '../llm-host/protocol';
import { readPackagedLibraries } from '../llm-host/packaged-libraries';
import type { ExtensionIdentity, SenderInfo } from './sender';
import { createLocalEngineClient, inBrowserProviderFactory, registerInBrowserProviders } from './local-engine';
import { localEngineHandlers } from './local-engine-handlers';
import type { EgressEntry } from './egress';

export const LLM_HOST_PAGE = 'extension-pages/llm-host.html';
/** How long the offscreen document may take to load and connect. */
const HOST_START_TIMEOUT_MS = 20_000;

type ClientChannel = HostChannel<HostRequest, unknown> & { onClose(listener: () => void): void };

interface PortLike {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

let hostPort: PortLike | undefined;
let portWaiters: Array<(port: PortLike) => void> = [];
const hostListeners = new Set<(message: unknown) => void>();
const closeListeners = new Set<() => void>();

/** Accepts the engine host's port, and only from the host page itself. True when the port was the host's. */
export function acceptEngineHostPort(port: PortLike, extension: ExtensionIdentity): boolean {
  if (port.name !== LLM_HOST_PORT_NAME) return false;
  if (port.sender?.id !== extension.id || port.sender.url !== `${extension.origin}/${LLM_HOST_PAGE}`) {
    port.disconnect();
    return true;
  }
  hostPort = port;
  port.onMessage.addListener((message) => {
    for (const listener of hostListeners) listener(message);
  });
  port.onDisconnect.addListener(() => {
    if (hostPort !== port) return;
    hostPort = undefined;
    for (const listener of closeListeners) listener();
  });
  const waiters = portWaiters;
  portWaiters = [];
  for (const waiter of waiters) waiter(port);
  // After a worker restart, learn the download state the host kept.
  port.postMessage({ type: 'status', id: 0 });
  return true;
}

async function ensureOffscreenHost(): Promise<PortLike> {
  if (hostPort) return hostPort;
  const offscreen = (globalThis as { chrome?: { offscreen?: typeof chrome.offscreen; runtime?: typeof chrome.runtime } }).chrome;
  if (!offscreen?.offscreen) {
    throw { name: 'WebGPUNotAvailableError', message: 'This browser cannot host the in-browser engine (no offscreen documents).' };
  }
  // A host page that never connects (it failed to load) must not leave a request waiting forever.
  const connected = new Promise<PortLike>((resolve, reject) => {
    const timer = setTimeout(() => {
      portWaiters = portWaiters.filter((waiter) => waiter !== onPort);
      reject({ name: 'EngineHostStopped', message: 'The in-browser engine did not start.' });
    }, HOST_START_TIMEOUT_MS);
    const onPort = (port: PortLike) => {
      clearTimeout(timer);
      resolve(port);
    };
    portWaiters.push(onPort);
  });
  const url = offscreen.runtime?.getURL(LLM_HOST_PAGE) ?? LLM_HOST_PAGE;
  const existing = (await offscreen.runtime?.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType], documentUrls: [url] })) ?? [];
  if (existing.length === 0) {
    await offscreen.offscreen
      .createDocument({
        url: LLM_HOST_PAGE,
        reasons: ['WORKERS' as chrome.offscreen.Reason],
        justification: 'Runs the in-browser language model (WebLLM on WebGPU) the user chose, and downloads its files.',
      })
      .catch((error: unknown) => {
        // Two callers racing: the second creation fails, the first document serves both.
        if (!/single offscreen document/i.test(String((error as Error)?.message))) throw error;
      });
  }
  return connected;
}

async function connectChrome(): Promise<ClientChannel> {
  await ensureOffscreenHost();
  return {
    post(message) {
      if (!hostPort) throw { name: 'EngineHostStopped', message: 'The in-browser engine is not running.' };
      hostPort.postMessage(message);
    },
    onMessage(listener) {
      hostListeners.add(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
    },
  };
}

async function connectFirefox(): Promise<ClientChannel> {
  const { startEngineHost } = await import('../llm-host/engine-host');
  const toClient = new Set<(message: unknown) => void>();
  let toHost: ((message: unknown) => void) | undefined;
  startEngineHost(
    {
      post(message: HostEvent) {
        const copy = structuredClone(message);
        queueMicrotask(() => toClient.forEach((listener) => listener(copy)));
      },
      onMessage(listener) {
        toHost = listener;
      },
    },
    {
      loadWebLLM: () => import('@mlc-ai/web-llm') as never,
      packagedLibraries: () => readPackagedLibraries(new URL('/model-libs/index.json', location.href).href),
      packagedUrl: (file) => new URL(`/model-libs/${file}`, location.href).href,
      navigator,
      caches: caches as never,
      fetch: (input, init) => fetch(input, init),
    },
  );
  return {
    post(message) {
      const copy = structuredClone(message);
      queueMicrotask(() => toHost?.(copy));
    },
    onMessage(listener) {
      toClient.add(listener);
    },
    onClose() {
      // The host lives as long as this page.
    },
  };
}

/** The egress log's writer, given by the background's entry (it owns the database). */
let recordEgress: ((entry: EgressEntry) => void) | undefined;

// On both browsers the host reports each model-file request as an `egress` event; on Firefox it runs in
// this very page, so the event reaches the log in-process, without a port.
export const localEngine = createLocalEngineClient(__TARGET_BROWSER__ === 'firefox' ? connectFirefox : connectChrome, (entry) => recordEgress?.(entry));

registerInBrowserProviders(inBrowserProviderFactory(localEngine, () => languageModelOf(globalThis)));

/** The options page's local-model handlers; model downloads are written to the egress log through `egress`. */
export const localModelHandlers = (egress: (entry: EgressEntry) => void) => {
  recordEgress = egress;
  return localEngineHandlers(localEngine);
};
