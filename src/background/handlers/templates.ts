/**
 * The user's prompt templates: listed for the sidebar (with the open chat's default) and the options page,
 * saved as a whole list (edit, delete, import), and a chat's default set from the sidebar. The chat key is
 * always read from the tab itself, so a default lands on the chat the user sees.
 */
import type { Payload, Response } from '../../shared/protocol';
import type { TemplateStore } from '../../storage/template-store';
import { BackgroundError, userError } from '../errors';
import { wording } from '../../shared/wording';
import type { BackgroundServices } from '../services';
import { requireMessengerTab } from './tabs';

export function templateHandlers(services: BackgroundServices, store: TemplateStore) {
  const chatKeyOf = async (tabId: number): Promise<string | null> => {
    await requireMessengerTab(services, tabId);
    const conversation = await services.tabs.sendToContent(tabId, 'background->content:read-conversation', {});
    return conversation.chatKey ?? null;
  };
  return {
    async 'ui->background:get-templates'(payload: Payload<'ui->background:get-templates'>): Promise<Response<'ui->background:get-templates'>> {
      const templates = await store.list();
      if (payload.tabId === undefined) return { templates, chatKey: null, chatDefaultId: null };
      const chatKey = await chatKeyOf(payload.tabId).catch(() => null);
      return { templates, chatKey, chatDefaultId: chatKey === null ? null : await store.chatDefault(chatKey) };
    },

    async 'ui->background:save-templates'(payload: Payload<'ui->background:save-templates'>): Promise<Response<'ui->background:save-templates'>> {
      await store.replaceAll(payload.templates);
      return { templates: await store.list() };
    },

    async 'ui->background:set-chat-template'(payload: Payload<'ui->background:set-chat-template'>): Promise<Response<'ui->background:set-chat-template'>> {
      const chatKey = await chatKeyOf(payload.tabId);
      if (chatKey === null) {
        throw new BackgroundError(userError('adapter', wording('error_templateChatUnknown'), wording('error_openChatHint')));
      }
      if (payload.templateId !== null && !(await store.list()).some((template) => template.id === payload.templateId)) {
        throw new BackgroundError(userError('config', wording('error_templateGone'), wording('error_templateGoneHint')));
      }
      await store.setChatDefault(chatKey, payload.templateId);
      return { chatKey, chatDefaultId: payload.templateId };
    },
  };
}
