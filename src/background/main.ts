/**
 * Background entry: wires the browser's events to the router, the task port and the commands.
 */
import { browser } from '../platform/browser';
import { createBrowserServices } from './browser-services';
import { assistantHandlers } from './handlers/assistants';
import { tabHandlers } from './handlers/tabs';
import { privacyHandlers } from './handlers/privacy';
import { privacySettingsHandlers, settingsTransferHandlers } from './handlers/settings-transfer';
import { chatNavigationHandlers } from './handlers/chat-navigation';
import { templateHandlers } from './handlers/templates';
import { openDatabase } from '../storage/database';
import { createTemplateStore } from '../storage/template-store';
import { historyHandlers } from './handlers/history';
import { chatAssistantHandlers } from './handlers/chat-assistant';
import { shortcutHandlers } from './handlers/shortcuts';
import { COMMAND_TASKS, PENDING_ACTION_KEY, pendingActionFor } from './pending-action';
import { createMessageRouter, type UiHandlers } from './router';
import type { SenderInfo } from './sender';
import { openSidebarForWindow } from './sidebar-opener';
import { acceptTaskPort, type PortLike } from './task-port';
import { createContentMessageRouter } from './content-messages';
import { ConversationWatchHub, type WatchPort } from './handlers/conversation-watch';
import { deliverHistoryProgress } from './read-conversation';
import { acceptEngineHostPort, localModelHandlers } from './local-engine-host';

const services = createBrowserServices();

const handlers: UiHandlers = {
  ...assistantHandlers(services),
  ...tabHandlers(services),
  ...privacyHandlers(services),
  ...privacySettingsHandlers(services),
  ...settingsTransferHandlers(services),
  ...chatNavigationHandlers(services),
  ...templateHandlers(services, createTemplateStore(openDatabase())),
  ...historyHandlers(services),
  ...chatAssistantHandlers(services),
  ...localModelHandlers(services.recordEgress),
  ...shortcutHandlers(
    {
      // Firefox 137+; the polyfill's types predate it.
      openShortcutSettings: (browser.commands as { openShortcutSettings?: () => Promise<void> }).openShortcutSettings?.bind(browser.commands),
      openTab: async (url) => void (await browser.tabs.create({ url })),
    },
    __TARGET_BROWSER__,
  ),
  async 'ui->background:open-sidebar'(payload) {
    await openSidebarForWindow(payload.windowId);
    return { opened: true };
  },
};

const route = createMessageRouter(handlers, services.extension);

browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) => route(message, sender));

// The live watch (sidebar ports) and what Aside's content scripts report: history progress, chat changes.
const watchHub = new ConversationWatchHub(services);
const routeContent = createContentMessageRouter(services.extension, {
  historyProgress: deliverHistoryProgress,
  conversationChanged: (tabId, summary) => watchHub.changed(tabId, summary),
});
browser.runtime.onMessage.addListener((message: unknown, sender: SenderInfo) => routeContent(message, sender));
browser.tabs.onUpdated.addListener((tabId: number, changeInfo: { status?: string }) => {
  if (changeInfo.status === 'complete') watchHub.tabLoaded(tabId);
});

browser.runtime.onConnect.addListener((port) => {
  // The in-browser engine host (Chrome's offscreen document) connects here too.
  if (acceptEngineHostPort(port as unknown as Parameters<typeof acceptEngineHostPort>[0], services.extension)) return;
  if (watchHub.accept(port as unknown as WatchPort)) return;
  acceptTaskPort(port as unknown as PortLike, services);
});

browser.commands.onCommand.addListener((command: string, tab?: { id?: number; windowId?: number }) => {
  if (command !== 'open-sidebar' && !Object.hasOwn(COMMAND_TASKS, command)) return;
  const pending = pendingActionFor(command, tab?.id, Date.now());
  // Both calls start in this tick: the sidebar API only works inside the gesture, and the sidebar
  // picks the pending action up either on load or, if it is already open, from storage.onChanged.
  if (pending) void browser.storage.session.set({ [PENDING_ACTION_KEY]: pending });
  void openSidebarForWindow(tab?.windowId).catch(() => undefined);
});
