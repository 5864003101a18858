/** Handlers that act on a messenger tab: its state, inserting a draft, and its chat's history. */
import type { Payload, Response, TabState } from '../../shared/protocol';
import { BackgroundError, toUserFacingError, userError } from '../errors';
import type { BackgroundServices } from '../services';
import { isSupportedMessengerUrl } from '../supported-sites';

export async function requireMessengerTab(services: BackgroundServices, tabId: number): Promise<void> {
  const url = await services.tabs.urlOf(tabId);
  if (url === null) throw new BackgroundError(userError('adapter', 'That tab is closed.', 'Open WhatsApp Web and try again.'));
  if (!isSupportedMessengerUrl(url)) {
    throw new BackgroundError(userError('adapter', 'This tab is not a messenger Aside supports.', 'Switch to a WhatsApp Web tab.'));
  }
}

export function tabHandlers(services: BackgroundServices) {
  return {
    async 'ui->background:get-tab-state'(payload: Payload<'ui->background:get-tab-state'>): Promise<TabState> {
      const url = await services.tabs.urlOf(payload.tabId);
      if (!isSupportedMessengerUrl(url)) return { supported: false };
      try {
        const conversation = await services.tabs.sendToContent(payload.tabId, 'background->content:read-conversation', {});
        const { site, title, isGroup, health, chatKey } = conversation;
        return { supported: true, conversation: { site, title, isGroup, health, chatKey, messageCount: conversation.messages.length } };
      } catch (error) {
        return { supported: true, error: toUserFacingError(error) };
      }
    },

    async 'ui->background:insert-draft'(payload: Payload<'ui->background:insert-draft'>): Promise<Response<'ui->background:insert-draft'>> {
      await requireMessengerTab(services, payload.tabId);
      return services.tabs.sendToContent(payload.tabId, 'background->content:insert-draft', { text: payload.text });
    },

    async 'ui->background:get-history'(payload: Payload<'ui->background:get-history'>): Promise<Response<'ui->background:get-history'>> {
      await requireMessengerTab(services, payload.tabId);
      const conversation = await services.tabs.sendToContent(payload.tabId, 'background->content:read-conversation', {});
      if (!conversation.chatKey) return { entries: [] };
      return { entries: await services.history.forChat(conversation.chatKey) };
    },
  };
}
