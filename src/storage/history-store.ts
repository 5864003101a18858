import type { HistoryChatSummary, HistoryEntry } from '../shared/protocol';
import type { AsideDatabase } from './database';

/** Keeps a chat's history useful without letting one busy chat grow without bound. */
const MAX_ENTRIES_PER_CHAT = 50;

export interface HistorySearch {
  chatKey?: string;
  /** Matched case-insensitively against the output and every suggestion. */
  query?: string;
  limit: number;
}

export interface HistoryStore {
  add(entry: HistoryEntry): Promise<void>;
  forChat(chatKey: string, limit?: number): Promise<HistoryEntry[]>;
  /** The chat's newest entry of `task` (catch up reads where the previous one ended), if any. */
  latestOfTask(chatKey: string, task: string): Promise<HistoryEntry | undefined>;
  /** One row per chat, the most recently used first. */
  chats(): Promise<HistoryChatSummary[]>;
  /** Newest first, at most `limit`. */
  search(search: HistorySearch): Promise<HistoryEntry[]>;
  /** Every entry, newest first (the user's export). */
  all(): Promise<HistoryEntry[]>;
  /** Each resolves to how many entries went. */
  deleteEntry(id: number): Promise<number>;
  deleteChat(chatKey: string): Promise<number>;
  clear(): Promise<number>;
}

/** True when the entry's own text (not its metadata) holds `needle`, already lower-cased. */
export function entryMatches(entry: HistoryEntry, needle: string): boolean {
  if (needle === '') return true;
  if (entry.output?.toLocaleLowerCase().includes(needle)) return true;
  return entry.suggestions.some((suggestion) => suggestion.toLocaleLowerCase().includes(needle));
}

export function createHistoryStore(database: AsideDatabase): HistoryStore {
  const ofChat = (chatKey: string) =>
    database.history.where('[chatKey+createdAt]').between([chatKey, -Infinity], [chatKey, Infinity]);

  return {
    async add(entry) {
      await database.transaction('rw', database.history, async () => {
        await database.history.add(entry);
        const keys = await ofChat(entry.chatKey).primaryKeys();
        if (keys.length > MAX_ENTRIES_PER_CHAT) {
          await database.history.bulkDelete(keys.slice(0, keys.length - MAX_ENTRIES_PER_CHAT));
        }
      });
    },
    async forChat(chatKey, limit = 10) {
      return ofChat(chatKey).reverse().limit(limit).toArray();
    },
    async latestOfTask(chatKey, task) {
      // At most MAX_ENTRIES_PER_CHAT rows per chat: a filter over them needs no index of its own.
      return ofChat(chatKey)
        .reverse()
        .filter((entry) => entry.task === task)
        .first();
    },
    async chats() {
      const byChat = new Map<string, HistoryChatSummary>();
      await database.history.each((entry) => {
        const summary = byChat.get(entry.chatKey) ?? { chatKey: entry.chatKey, count: 0, lastAt: 0 };
        summary.count += 1;
        summary.lastAt = Math.max(summary.lastAt, entry.createdAt);
        byChat.set(entry.chatKey, summary);
      });
      return [...byChat.values()].sort((a, b) => b.lastAt - a.lastAt);
    },
    async search({ chatKey, query, limit }) {
      const needle = (query ?? '').trim().toLocaleLowerCase();
      const rows = chatKey === undefined ? database.history.orderBy('createdAt').reverse() : ofChat(chatKey).reverse();
      return rows
        .filter((entry) => entryMatches(entry, needle))
        .limit(limit)
        .toArray();
    },
    async all() {
      return database.history.orderBy('createdAt').reverse().toArray();
    },
    async deleteEntry(id) {
      return database.transaction('rw', database.history, async () => {
        if (!(await database.history.get(id))) return 0;
        await database.history.delete(id);
        return 1;
      });
    },
    async deleteChat(chatKey) {
      return ofChat(chatKey).delete();
    },
    async clear() {
      return database.transaction('rw', database.history, async () => {
        const count = await database.history.count();
        await database.history.clear();
        return count;
      });
    },
  };
}
