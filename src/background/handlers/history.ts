/**
 * Handlers for the options page's Data → History: list the chats with stored results, search them,
 * export them, delete one result, one chat or everything. The router has already checked the sender
 * (an extension page) and validated the payload; what is stored is the user's own, so nothing here
 * reads a tab.
 */
import { HISTORY_PAGE, type Payload, type Response } from '../../shared/protocol';
import type { BackgroundServices } from '../services';

export function historyHandlers(services: BackgroundServices) {
  return {
    async 'ui->background:list-history-chats'(): Promise<Response<'ui->background:list-history-chats'>> {
      return { chats: await services.history.chats() };
    },

    async 'ui->background:search-history'(
      payload: Payload<'ui->background:search-history'>,
    ): Promise<Response<'ui->background:search-history'>> {
      // One more than a page, to tell the user the list was cut rather than cutting it silently.
      const found = await services.history.search({ chatKey: payload.chatKey, query: payload.query, limit: HISTORY_PAGE + 1 });
      return { entries: found.slice(0, HISTORY_PAGE), truncated: found.length > HISTORY_PAGE };
    },

    async 'ui->background:export-history'(): Promise<Response<'ui->background:export-history'>> {
      return { entries: await services.history.all() };
    },

    async 'ui->background:delete-history'(
      payload: Payload<'ui->background:delete-history'>,
    ): Promise<Response<'ui->background:delete-history'>> {
      switch (payload.scope) {
        case 'entry':
          return { deleted: await services.history.deleteEntry(payload.id) };
        case 'chat':
          return { deleted: await services.history.deleteChat(payload.chatKey) };
        case 'all':
          return { deleted: await services.history.clear() };
      }
    },
  };
}
