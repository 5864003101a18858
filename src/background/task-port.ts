/**
 * The streaming side of the protocol: one port per running task. The port's sender is checked
 * before anything else; every client message is validated; closing the port cancels upstream.
 */
import * as v from 'valibot';
import {
  ClientStreamMessageSchema,
  TASK_PORT_NAME,
  type ConsentDecision,
  type SendPreview,
  type ServerStreamMessage,
} from '../shared/stream-protocol';
import { isExtensionPage, type SenderInfo } from './sender';
import type { BackgroundServices } from './services';
import { runTask } from './task-runner';

export interface PortLike {
  name: string;
  sender?: SenderInfo;
  postMessage(message: ServerStreamMessage): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** How long a consent question waits for the user; then it counts as deny and nothing is sent. */
export const CONSENT_TIMEOUT_MS = 3 * 60_000;

export function acceptTaskPort(
  port: PortLike,
  services: BackgroundServices,
  run = runTask,
  consentTimeoutMs = CONSENT_TIMEOUT_MS,
): boolean {
  if (port.name !== TASK_PORT_NAME) return false;
  if (!port.sender || !isExtensionPage(port.sender, services.extension)) {
    port.disconnect();
    return false;
  }
  let controller: AbortController | null = null;
  let connected = true;
  /** The open consent question, if any: answered by the client's `consent`, or denied. */
  let pendingConsent: ((decision: ConsentDecision) => void) | null = null;
  const emit = (message: ServerStreamMessage) => {
    if (connected) port.postMessage(message);
  };
  const denyPending = () => pendingConsent?.('deny');
  port.onDisconnect.addListener(() => {
    connected = false;
    denyPending();
    controller?.abort();
  });
  const askConsent = (signal: AbortSignal) => (preview: SendPreview) =>
    new Promise<ConsentDecision>((resolve) => {
      if (!connected || signal.aborted) return resolve('deny');
      denyPending();
      const timer = setTimeout(() => answer('deny'), consentTimeoutMs);
      const onAbort = () => answer('deny');
      function answer(decision: ConsentDecision) {
        if (pendingConsent !== answer) return;
        pendingConsent = null;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(decision);
      }
      pendingConsent = answer;
      signal.addEventListener('abort', onAbort);
      emit({ type: 'consent-required', preview });
    });
  port.onMessage.addListener((raw) => {
    const parsed = v.safeParse(ClientStreamMessageSchema, raw);
    if (!parsed.success) return;
    const message = parsed.output;
    if (message.type === 'cancel') {
      denyPending();
      controller?.abort();
      return;
    }
    if (message.type === 'consent') {
      // Only an answer to an open question counts; a stray or early one is ignored.
      pendingConsent?.(message.decision);
      return;
    }
    if (controller && !controller.signal.aborted) return; // One task at a time per port.
    const current = new AbortController();
    controller = current;
    const options = {
      tone: message.tone,
      question: message.question,
      targetLanguage: message.targetLanguage,
      replyTo: message.replyTo,
      rewriteMode: message.rewriteMode,
      template: message.template,
      scope: message.scope,
    };
    void run(services, { tabId: message.tabId, task: message.task, options, signal: current.signal, emit, askConsent: askConsent(current.signal) });
  });
  return true;
}
