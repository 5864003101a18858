/** Handlers for the user's privacy controls: the egress log, and each chat's consent and local-only choices. */
import { EGRESS_LOG_PAGE, type ChatPrivacy, type Payload, type Response } from '../../shared/protocol';
import type { BackgroundServices } from '../services';
import { requireMessengerTab } from './tabs';
import { BackgroundError, userError } from '../errors';
import { wording } from '../../shared/wording';

export function privacyHandlers(services: BackgroundServices) {
  /** The chat the tab shows now, read by the background itself (never taken from the caller). */
  async function chatKeyOf(tabId: number): Promise<string | null> {
    await requireMessengerTab(services, tabId);
    const conversation = await services.tabs.sendToContent(tabId, 'background->content:read-conversation', {});
    return conversation.chatKey ?? null;
  }

  async function privacyOf(chatKey: string | null): Promise<ChatPrivacy> {
    if (chatKey === null) return { chatKey, localOnly: false, alwaysAllowed: [] };
    const record = await services.consents.get(chatKey);
    return { chatKey, localOnly: record?.localOnly ?? false, alwaysAllowed: record?.alwaysAllowed ?? [] };
  }

  return {
    async 'ui->background:get-egress-log'(
      payload: Payload<'ui->background:get-egress-log'>,
    ): Promise<Response<'ui->background:get-egress-log'>> {
      return { entries: await services.egressLog.recent(payload.limit ?? EGRESS_LOG_PAGE) };
    },

    async 'ui->background:clear-egress-log'(): Promise<Response<'ui->background:clear-egress-log'>> {
      await services.egressLog.clear();
      return { cleared: true };
    },

    async 'ui->background:get-chat-privacy'(payload: Payload<'ui->background:get-chat-privacy'>): Promise<ChatPrivacy> {
      return privacyOf(await chatKeyOf(payload.tabId));
    },

    async 'ui->background:set-chat-privacy'(payload: Payload<'ui->background:set-chat-privacy'>): Promise<ChatPrivacy> {
      const chatKey = await chatKeyOf(payload.tabId);
      if (chatKey === null) {
        throw new BackgroundError(userError('adapter', wording('error_privacyChatUnknown'), wording('error_openChatHint')));
      }
      if (payload.localOnly !== undefined) await services.consents.setLocalOnly(chatKey, payload.localOnly);
      if (payload.revokeConsent) await services.consents.revoke(chatKey);
      return privacyOf(chatKey);
    },
  };
}
