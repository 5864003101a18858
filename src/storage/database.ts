/**
 * Aside's IndexedDB, in the extension's own origin: content scripts and web pages cannot open it,
 * which is why API keys live here and not in storage.local (readable by content scripts).
 * Every schema change is a new version with its own upgrade; never edit an old version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { HistoryEntry } from '../shared/protocol';

export interface SecretRecord {
  assistantId: string;
  apiKey: string;
}

export interface EgressRecord {
  id?: number;
  time: number;
  origin: string;
  method: string;
  bytes: number;
  chatKey: string | null;
  action: string;
  status: number | null;
}

export type AsideDatabase = Dexie & {
  history: EntityTable<HistoryEntry, 'id'>;
  secrets: EntityTable<SecretRecord, 'assistantId'>;
  egress: EntityTable<EgressRecord, 'id'>;
};

export const DATABASE_NAME = 'aside';

export function openDatabase(name: string = DATABASE_NAME): AsideDatabase {
  const database = new Dexie(name) as AsideDatabase;
  database.version(1).stores({
    history: '++id, chatKey, createdAt, [chatKey+createdAt]',
    secrets: 'assistantId',
    egress: '++id, time',
  });
  return database;
}
