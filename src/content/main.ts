/**
 * Content script entry, on the supported messengers only. It does nothing until the extension's
 * background asks (no observers, no timers), and it listens to nothing the page can send: no
 * window.postMessage, no DOM events. Everything it decides lives in dispatch.ts.
 */
import { browser, type Runtime } from '../platform/browser';
import { dispatchContentMessage } from './dispatch';

// Returning undefined (not a promise) for messages that are not ours leaves them to other listeners.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  dispatchContentMessage(message, sender, {
    runtimeId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL(''),
    document,
    pageUrl: location.href,
  }),
);
