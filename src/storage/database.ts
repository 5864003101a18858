/**
 * Aside's IndexedDB, in the extension's own origin: content scripts and web pages cannot open it,
 * which is why API keys live here and not in storage.local (readable by content scripts).
 * Every schema change is a new version with its own upgrade; never edit an old version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { EgressLogEntry, HistoryEntry } from '../shared/protocol';
import type { PromptTemplate } from '../shared/templates';

export interface SecretRecord {
  assistantId: string;
  apiKey: string;
}

/** The stored row is exactly what the options page lists. */
export type EgressRecord = EgressLogEntry;

/** A chat's privacy choices (schema version 2), keyed by the adapter's chatKey. */
export interface ConsentRecord {
  chatKey: string;
  /** Remote origins the user chose "Always for this chat" for; any other destination asks again. */
  alwaysAllowed: string[];
  /** When true, nothing of this chat goes to a remote assistant. */
  localOnly: boolean;
  updatedAt: number;
}

/** One of the user's prompt templates (schema version 3); `position` keeps the user's order. */
export interface TemplateRecord extends PromptTemplate {
  position: number;
}

/** The template a chat starts with in the sidebar (schema version 3), keyed by the adapter's chatKey. */
export interface ChatTemplateRecord {
  chatKey: string;
  templateId: string;
  updatedAt: number;
}

export type AsideDatabase = Dexie & {
  history: EntityTable<HistoryEntry, 'id'>;
  secrets: EntityTable<SecretRecord, 'assistantId'>;
  egress: EntityTable<EgressRecord, 'id'>;
  consents: EntityTable<ConsentRecord, 'chatKey'>;
  templates: EntityTable<TemplateRecord, 'id'>;
  chatTemplates: EntityTable<ChatTemplateRecord, 'chatKey'>;
};

/** Version 1, as shipped: never edit it (tests open a v1 database with exactly this). */
export const SCHEMA_V1 = {
  history: '++id, chatKey, createdAt, [chatKey+createdAt]',
  secrets: 'assistantId',
  egress: '++id, time',
} as const;

/** Version 2 adds per-chat consent and local-only choices; v1's tables stay as they are. */
export const SCHEMA_V2 = { consents: 'chatKey' } as const;

/** Version 3 adds the user's prompt templates and each chat's default template; earlier tables stay. */
export const SCHEMA_V3 = { templates: 'id, position', chatTemplates: 'chatKey, templateId' } as const;

export const DATABASE_NAME = 'aside';

export function openDatabase(name: string = DATABASE_NAME): AsideDatabase {
  const database = new Dexie(name) as AsideDatabase;
  database.version(1).stores(SCHEMA_V1);
  database.version(2).stores(SCHEMA_V2);
  database.version(3).stores(SCHEMA_V3);
  return database;
}
