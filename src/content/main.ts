/**
 * Content script entry, on the supported messengers only. It does nothing until the extension's
 * background asks (no observers, no timers: the live watch runs only while a sidebar shows this tab),
 * and it listens to nothing the page can send: no window.postMessage, no DOM events. Everything it
 * decides lives in dispatch.ts.
 */
import { browser, type Runtime } from '../platform/browser';
import type { Reply } from '../shared/protocol';
import { dispatchContentMessage } from './dispatch';
import { ContentSession, type ContentToBackgroundType, type Notify } from './session';

const notify: Notify = async (type, payload) => {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ContentToBackgroundType> | undefined;
  return reply?.ok ? (reply.value as never) : undefined;
};
const session = new ContentSession(document, notify);

// Returning undefined (not a promise) for messages that are not ours leaves them to other listeners.
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  dispatchContentMessage(message, sender, {
    runtimeId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL(''),
    document,
    pageUrl: location.href,
    session,
  }),
);
