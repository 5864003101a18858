/**
 * The sidebar's ways of pointing at one message of the open chat: the recent messages from others it offers
 * to reply to, and scrolling the chat to a message a citation names. Both act on a messenger tab only.
 */
import type { Message } from '../../shared/conversation';
import { REPLY_TARGET_COUNT, REPLY_TARGET_TEXT_LENGTH, type Payload, type ReplyTarget, type Response } from '../../shared/protocol';
import type { BackgroundServices } from '../services';
import { requireMessengerTab } from './tabs';

export function chatNavigationHandlers(services: BackgroundServices) {
  return {
    async 'ui->background:list-reply-targets'(
      payload: Payload<'ui->background:list-reply-targets'>,
    ): Promise<Response<'ui->background:list-reply-targets'>> {
      await requireMessengerTab(services, payload.tabId);
      const conversation = await services.tabs.sendToContent(payload.tabId, 'background->content:read-conversation', {});
      return { messages: replyTargetsOf(conversation.messages) };
    },

    async 'ui->background:scroll-to-message'(
      payload: Payload<'ui->background:scroll-to-message'>,
    ): Promise<Response<'ui->background:scroll-to-message'>> {
      await requireMessengerTab(services, payload.tabId);
      return services.tabs.sendToContent(payload.tabId, 'background->content:scroll-to-message', { messageId: payload.messageId });
    },
  };
}

/** The newest messages from others that have text (a reply to a sticker alone is rare), oldest first. */
export function replyTargetsOf(messages: readonly Message[]): ReplyTarget[] {
  return messages
    .filter((message) => message.direction === 'in' && !message.deleted && message.text.trim().length > 0)
    .slice(-REPLY_TARGET_COUNT)
    .map((message) => ({
      id: message.id,
      sender: message.sender,
      text: cut(message.text.replace(/\s+/g, ' ').trim()),
      timestamp: message.timestamp,
    }));
}

function cut(text: string): string {
  const characters = Array.from(text);
  return characters.length <= REPLY_TARGET_TEXT_LENGTH ? text : `${characters.slice(0, REPLY_TARGET_TEXT_LENGTH - 1).join('')}…`;
}
