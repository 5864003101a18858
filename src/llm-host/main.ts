/**
 * Entry of the engine host page (extension-pages/llm-host.html), which Chrome runs as an offscreen
 * document created on demand by the background (reason WORKERS). It connects one port to the
 * background and reconnects when the service worker restarts, so a download keeps going while the
 * sidebar and options are closed and the worker sleeps. Offscreen documents get only chrome.runtime.
 */
import { startEngineHost } from './engine-host';
import { readPackagedLibraries } from './packaged-libraries';
import { LLM_HOST_PORT_NAME, type HostEvent } from './protocol';

let port: chrome.runtime.Port | undefined;
let listener: ((message: unknown) => void) | undefined;
/** Messages posted while the worker was restarting: sent when the port is back. */
const backlog: HostEvent[] = [];

function connect(): void {
  port = chrome.runtime.connect({ name: LLM_HOST_PORT_NAME });
  port.onMessage.addListener((message: unknown) => listener?.(message));
  port.onDisconnect.addListener(() => {
    port = undefined;
    setTimeout(connect, 200);
  });
  while (backlog.length > 0 && port) port.postMessage(backlog.shift());
}

startEngineHost(
  {
    post(message) {
      if (port) port.postMessage(message);
      else if (message.type !== 'progress' && message.type !== 'chunk') backlog.push(message);
    },
    onMessage(callback) {
      listener = callback;
    },
  },
  {
    loadWebLLM: () => import('@mlc-ai/web-llm') as unknown as ReturnType<Parameters<typeof startEngineHost>[1]['loadWebLLM']>,
    packagedLibraries: () => readPackagedLibraries(chrome.runtime.getURL('model-libs/index.json')),
    packagedUrl: (file) => chrome.runtime.getURL(`model-libs/${file}`),
    navigator,
    caches: caches as never,
    fetch: (input, init) => fetch(input, init),
  },
);
connect();
