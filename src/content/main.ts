/**
 * Content script entry, on the supported messengers only. It does nothing until the extension's
 * background asks (no observers, no timers: the live watch runs only while a sidebar shows this tab),
 * and it listens to nothing the page can send: no window.postMessage, no DOM events. Everything it
 * decides lives in dispatch.ts.
 */
import { contentRuntime } from '../platform/content-runtime';
import type { Reply } from '../shared/protocol';
import { dispatchContentMessage } from './dispatch';
import { ContentSession, type ContentToBackgroundType, type Notify } from './session';

const runtime = contentRuntime();
const notify: Notify = async (type, payload) => {
  const reply = (await runtime.sendMessage({ type, payload })) as Reply<ContentToBackgroundType> | undefined;
  return reply?.ok ? (reply.value as never) : undefined;
};
const session = new ContentSession(document, notify);

// Returning undefined (not a promise) for messages that are not ours leaves them to other listeners.
runtime.onMessage((message, sender) =>
  dispatchContentMessage(message, sender, {
    runtimeId: runtime.id,
    extensionBaseUrl: runtime.getURL(''),
    document,
    pageUrl: location.href,
    session,
  }),
);
