/** Handlers that act on a messenger tab: its state, inserting a draft, and its chat's history. */
import { findForeignUrls } from '../../assistant/drafts/foreign-urls';
import type { Conversation } from '../../shared/conversation';
import type { Payload, Response, TabState } from '../../shared/protocol';
import { BackgroundError, toUserFacingError, userError } from '../errors';
import { wording } from '../../shared/wording';
import type { BackgroundServices } from '../services';
import { isSupportedMessengerUrl } from '../supported-sites';

export async function requireMessengerTab(services: BackgroundServices, tabId: number): Promise<void> {
  const url = await services.tabs.urlOf(tabId);
  if (url === null) throw new BackgroundError(userError('adapter', wording('error_tabClosed'), wording('error_tabClosedHint')));
  if (!isSupportedMessengerUrl(url)) {
    throw new BackgroundError(userError('adapter', wording('error_tabUnsupported'), wording('error_tabUnsupportedHint')));
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
      await refuseUnconfirmedLinks(services, payload);
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

/**
 * Defence in depth behind the sidebar's warning: a draft may hold a link that is not in the chat only when
 * the caller names it in `allowedUrls` (the user confirmed it). WhatsApp fetches a preview of every link
 * on send, so an unconfirmed one could carry chat data out. The chat is read again, here, because the
 * sidebar's copy of its links may be stale or wrong.
 */
async function refuseUnconfirmedLinks(services: BackgroundServices, payload: Payload<'ui->background:insert-draft'>): Promise<void> {
  const allowed = payload.allowedUrls ?? [];
  // Most drafts hold no link outside the allowed ones: no need to read the chat again for them.
  if (findForeignUrls(payload.text, allowed).length === 0) return;
  const conversation = await services.tabs.sendToContent(payload.tabId, 'background->content:read-conversation', {});
  const foreign = findForeignUrls(payload.text, [...chatTextsOf(conversation), ...allowed]);
  if (foreign.length === 0) return;
  const list = foreign.join(', ');
  throw new BackgroundError(
    userError(
      'config',
      foreign.length === 1 ? wording('error_unconfirmedLink', list) : wording('error_unconfirmedLinks', list),
      wording('error_unconfirmedLinkHint'),
    ),
  );
}

function chatTextsOf(conversation: Conversation): string[] {
  return conversation.messages.flatMap((message) => (message.quote ? [message.quote.text, message.text] : [message.text]));
}
