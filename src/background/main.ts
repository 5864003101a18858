/**
 * Background entry: wires the browser's events to the router, the task port and the commands.
 */
import { browser } from '../platform/browser';
import { createBrowserServices } from './browser-services';
import { assistantHandlers } from './handlers/assistants';
import { tabHandlers } from './handlers/tabs';
import { privacyHandlers } from './handlers/privacy';
import { PENDING_ACTION_KEY, type PendingAction } from './pending-action';
import { createMessageRouter, type UiHandlers } from './router';
import type { SenderInfo } from './sender';
import { openSidebarForWindow } from './sidebar-opener';
import { acceptTaskPort, type PortLike } from './task-port';

const services = createBrowserServices();

const handlers: UiHandlers = {
  ...assistantHandlers(services),
  ...tabHandlers(services),
  ...privacyHandlers(services),
  async 'ui->background:open-sidebar'(payload) {
    await openSidebarForWindow(payload.windowId);
    return { opened: true };
  },
};

const route = createMessageRouter(handlers, services.extension);

browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) => route(message, sender));

browser.runtime.onConnect.addListener((port) => {
  acceptTaskPort(port as unknown as PortLike, services);
});

browser.commands.onCommand.addListener((command: string, tab?: { id?: number; windowId?: number }) => {
  if (command !== 'open-sidebar' && command !== 'suggest-replies') return;
  // Both calls start in this tick: the sidebar API only works inside the gesture, and the sidebar
  // picks the pending action up either on load or, if it is already open, from storage.onChanged.
  if (command === 'suggest-replies' && tab?.id !== undefined) {
    const pending: PendingAction = { tabId: tab.id, task: 'reply', createdAt: Date.now() };
    void browser.storage.session.set({ [PENDING_ACTION_KEY]: pending });
  }
  void openSidebarForWindow(tab?.windowId).catch(() => undefined);
});
