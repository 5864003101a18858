/** Fakes of the background's services for unit tests. */
import { openDatabase } from '../storage/database';
import { createHistoryStore } from '../storage/history-store';
import { createConsentStore } from '../storage/consent-store';
import { createSecretStore } from '../storage/secret-store';
import { createSettingsStore, type KeyValueArea } from '../storage/settings-store';
import type { Conversation, InsertResult } from '../shared/conversation';
import type { LanguageModelProvider, ProviderConfig, StreamPart } from '../providers/types';
import type { EgressEntry } from './egress';
import type { BackgroundServices } from './services';

export const EXTENSION = { id: 'aside-test-id', origin: 'chrome-extension://aside-test-id' };
export const PAGE_SENDER = { id: EXTENSION.id, url: `${EXTENSION.origin}/extension-pages/sidebar.html?tab=7` };

export function memoryArea(): KeyValueArea {
  const data: Record<string, unknown> = {};
  return {
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

export const sampleConversation: Conversation = {
  site: 'whatsapp',
  title: 'Ana',
  isGroup: false,
  chatKey: 'whatsapp:Ana',
  health: { status: 'ok' },
  messages: [{ id: '1', direction: 'in', sender: 'Ana', timestamp: '2026-03-22T13:52:00', text: 'Dinner tonight?' }],
};

export interface FakeWorld {
  services: BackgroundServices;
  egress: EgressEntry[];
  providerCalls: ProviderConfig[];
  contentCalls: Array<{ tabId: number; type: string; payload: unknown }>;
  setStream(parts: (signal: AbortSignal) => AsyncIterable<StreamPart>): void;
  conversation: Conversation;
  tabUrl: string | null;
  insertResult: InsertResult;
}

export function createFakeWorld(): FakeWorld {
  const database = openDatabase(`test-${Math.random()}`);
  let stream: (signal: AbortSignal) => AsyncIterable<StreamPart> = async function* () {
    yield { type: 'text-delta', text: 'Yes!\n---\nSure\n---\nMaybe' };
    yield { type: 'finish', reason: 'stop' };
  };
  const world: FakeWorld = {
    egress: [],
    providerCalls: [],
    contentCalls: [],
    conversation: structuredClone(sampleConversation),
    tabUrl: 'https://web.whatsapp.com/',
    insertResult: { ok: true, method: 'paste' },
    setStream(parts) {
      stream = parts;
    },
    services: undefined as unknown as BackgroundServices,
  };
  world.services = {
    extension: EXTENSION,
    settings: createSettingsStore(memoryArea()),
    secrets: createSecretStore(database),
    history: createHistoryStore(database),
    recordEgress: (entry) => world.egress.push(entry),
    egressLog: {
      async recent(limit) {
        return world.egress.map((entry, index) => ({ id: index + 1, ...entry })).reverse().slice(0, limit);
      },
      async clear() {
        world.egress.length = 0;
      },
    },
    consents: createConsentStore(database),
    tabs: {
      async urlOf() {
        return world.tabUrl;
      },
      async sendToContent(tabId, type, payload) {
        world.contentCalls.push({ tabId, type, payload });
        return (type === 'background->content:read-conversation' ? world.conversation : world.insertResult) as never;
      },
    },
    createProvider(_kind, config): LanguageModelProvider {
      world.providerCalls.push(config);
      return {
        kind: 'fake',
        doStream: (options) => stream(options.signal),
        async listModels() {
          await config.fetch(`${config.baseUrl}/models`, { method: 'GET' });
          return [{ id: config.model }];
        },
      };
    },
    fetchImplementation: async () => new Response('{}', { status: 200 }),
    newId: () => 'generated-id',
  };
  return world;
}

export const localAssistant = {
  id: 'a1',
  name: 'Ollama',
  kind: 'openai-compatible' as const,
  baseUrl: 'http://127.0.0.1:11434/v1',
  model: 'llama3.2',
};

/** A hosted assistant: its requests leave the user's machine, so they need consent. */
export const remoteAssistant = {
  id: 'r1',
  name: 'Hosted',
  kind: 'openai-compatible' as const,
  baseUrl: 'https://api.example.com/v1',
  model: 'gpt-test',
};
