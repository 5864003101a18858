/**
 * The content script's whole use of the WebExtension API: the extension's id and base URL, a message to the
 * background, and answers to the background's requests.
 *
 * Without webextension-polyfill, unlike the extension's own pages and background (platform/browser.ts): the
 * content script loads on every WhatsApp page, and the polyfill was a sixth of it (about 2.5 KB of its gzip
 * budget) for three calls that both browsers now offer natively: Chrome's MV3 `chrome.runtime.sendMessage`
 * returns a promise, and Firefox has `browser`. The one difference left, answering a message later, is
 * bridged the way both support: `sendResponse` and returning true.
 */

/** The fields of runtime.MessageSender the content script looks at. */
export interface ContentMessageSender {
  id?: string;
  tab?: unknown;
  url?: string;
}

/** A promise to answer with, or undefined to leave the message to other listeners. */
export type ContentMessageListener = (message: unknown, sender: ContentMessageSender) => Promise<unknown> | undefined;

interface NativeRuntime {
  id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: ContentMessageSender, sendResponse: (response?: unknown) => void) => true | undefined,
    ): void;
  };
}

interface ExtensionGlobals {
  browser?: { runtime: NativeRuntime };
  chrome?: { runtime: NativeRuntime };
}

export interface ContentRuntime {
  readonly id: string;
  getURL(path: string): string;
  sendMessage(message: unknown): Promise<unknown>;
  onMessage(listener: ContentMessageListener): void;
}

export function contentRuntime(globals: ExtensionGlobals = globalThis as ExtensionGlobals): ContentRuntime {
  // Firefox's `browser`, else Chrome's `chrome` (whose runtime calls return promises in MV3).
  const runtime = (globals.browser ?? globals.chrome)?.runtime;
  if (!runtime) throw new Error('The WebExtension runtime is not available here.');
  return {
    id: runtime.id,
    getURL: (path) => runtime.getURL(path),
    sendMessage: (message) => runtime.sendMessage(message),
    onMessage(listener) {
      runtime.onMessage.addListener((message, sender, sendResponse) => {
        const answer = listener(message, sender);
        if (!answer) return undefined;
        // A failed answer is no answer: the background reads that as "not running in this tab", as it did
        // when the polyfill turned the rejection into one.
        answer.then(sendResponse, () => sendResponse(undefined));
        return true;
      });
    },
  };
}
