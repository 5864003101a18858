/**
 * The streaming side of the protocol: one port per running task. The port's sender is checked
 * before anything else; every client message is validated; closing the port cancels upstream.
 */
import * as v from 'valibot';
import { ClientStreamMessageSchema, TASK_PORT_NAME, type ServerStreamMessage } from '../shared/stream-protocol';
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

export function acceptTaskPort(port: PortLike, services: BackgroundServices, run = runTask): boolean {
  if (port.name !== TASK_PORT_NAME) return false;
  if (!port.sender || !isExtensionPage(port.sender, services.extension)) {
    port.disconnect();
    return false;
  }
  let controller: AbortController | null = null;
  let connected = true;
  const emit = (message: ServerStreamMessage) => {
    if (connected) port.postMessage(message);
  };
  port.onDisconnect.addListener(() => {
    connected = false;
    controller?.abort();
  });
  port.onMessage.addListener((raw) => {
    const parsed = v.safeParse(ClientStreamMessageSchema, raw);
    if (!parsed.success) return;
    const message = parsed.output;
    if (message.type === 'cancel') {
      controller?.abort();
      return;
    }
    if (controller && !controller.signal.aborted) return; // One task at a time per port.
    const current = new AbortController();
    controller = current;
    const options = { tone: message.tone, question: message.question, targetLanguage: message.targetLanguage };
    void run(services, { tabId: message.tabId, task: message.task, options, signal: current.signal, emit });
  });
  return true;
}
