/**
 * The popup's "For this chat": which assistant answers in the chat a tab shows. The chat key is read by
 * the background from the tab itself, never taken from the caller, so a choice lands on the chat the
 * user is looking at.
 */
import type { Payload, Response } from '../../shared/protocol';
import { isSupportedMessengerUrl } from '../supported-sites';
import { BackgroundError, userError } from '../errors';
import { wording } from '../../shared/wording';
import type { BackgroundServices } from '../services';
import { requireMessengerTab } from './tabs';

export function chatAssistantHandlers(services: BackgroundServices) {
  async function chatOf(tabId: number): Promise<{ chatKey: string | null; chatTitle: string | null }> {
    const conversation = await services.tabs.sendToContent(tabId, 'background->content:read-conversation', {});
    return { chatKey: conversation.chatKey ?? null, chatTitle: conversation.chatKey ? conversation.title || null : null };
  }

  /** The stored choice, if it still names an existing assistant. */
  async function choiceFor(chatKey: string | null): Promise<string | null> {
    if (chatKey === null || !services.chatAssistants) return null;
    const id = await services.chatAssistants.get(chatKey);
    if (id === null) return null;
    const { settings } = await services.settings.load();
    return settings.assistants.some((assistant) => assistant.id === id) ? id : null;
  }

  return {
    async 'ui->background:get-chat-assistant'(
      payload: Payload<'ui->background:get-chat-assistant'>,
    ): Promise<Response<'ui->background:get-chat-assistant'>> {
      // Any other tab simply has no chat to choose for: not an error the popup should shout about.
      if (!isSupportedMessengerUrl(await services.tabs.urlOf(payload.tabId))) return { chatKey: null, chatTitle: null, assistantId: null };
      const chat = await chatOf(payload.tabId);
      return { ...chat, assistantId: await choiceFor(chat.chatKey) };
    },

    async 'ui->background:set-chat-assistant'(
      payload: Payload<'ui->background:set-chat-assistant'>,
    ): Promise<Response<'ui->background:set-chat-assistant'>> {
      await requireMessengerTab(services, payload.tabId);
      const chat = await chatOf(payload.tabId);
      if (chat.chatKey === null) {
        throw new BackgroundError(
          userError('adapter', wording('error_assistantChatUnknown'), wording('error_openChatHint')),
        );
      }
      if (!services.chatAssistants) {
        throw new BackgroundError(userError('config', wording('error_perChatAssistantUnsupported'), wording('error_perChatAssistantUnsupportedHint')));
      }
      if (payload.assistantId !== null) {
        const { settings } = await services.settings.load();
        if (!settings.assistants.some((assistant) => assistant.id === payload.assistantId)) {
          throw new BackgroundError(userError('config', wording('error_assistantGone'), wording('error_assistantGoneHint')));
        }
      }
      await services.chatAssistants.set(chat.chatKey, payload.assistantId);
      return { ...chat, assistantId: await choiceFor(chat.chatKey) };
    },
  };
}
