import type { HistoryEntry } from '../shared/protocol';
import type { AsideDatabase } from './database';

/** Keeps a chat's history useful without letting one busy chat grow without bound. */
const MAX_ENTRIES_PER_CHAT = 50;

export interface HistoryStore {
  add(entry: HistoryEntry): Promise<void>;
  forChat(chatKey: string, limit?: number): Promise<HistoryEntry[]>;
}

export function createHistoryStore(database: AsideDatabase): HistoryStore {
  return {
    async add(entry) {
      await database.transaction('rw', database.history, async () => {
        await database.history.add(entry);
        const keys = await database.history
          .where('[chatKey+createdAt]')
          .between([entry.chatKey, -Infinity], [entry.chatKey, Infinity])
          .primaryKeys();
        if (keys.length > MAX_ENTRIES_PER_CHAT) {
          await database.history.bulkDelete(keys.slice(0, keys.length - MAX_ENTRIES_PER_CHAT));
        }
      });
    },
    async forChat(chatKey, limit = 10) {
      return database.history
        .where('[chatKey+createdAt]')
        .between([chatKey, -Infinity], [chatKey, Infinity])
        .reverse()
        .limit(limit)
        .toArray();
    },
  };
}
