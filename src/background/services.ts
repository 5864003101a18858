/**
 * Everything the background's logic needs from the outside world, passed in. The entry file builds
 * the real ones from the browser API (browser-services.ts); tests pass fakes.
 */
import type { MessageType, Payload, Response } from '../shared/protocol';
import type { ProviderKind } from '../shared/settings';
import type { LanguageModelProvider, ProviderConfig } from '../providers/types';
import type { HistoryStore } from '../storage/history-store';
import type { SecretStore } from '../storage/secret-store';
import type { SettingsStore } from '../storage/settings-store';
import type { ConsentStore } from '../storage/consent-store';
import type { ChatAssistantStore } from '../storage/chat-assistant-store';
import type { EgressLogEntry } from '../shared/protocol';
import type { EgressEntry } from './egress';
import type { ExtensionIdentity } from './sender';

export type ContentMessageType = Extract<MessageType, `background->content:${string}`>;

export interface TabAccess {
  /** The tab's URL, or null when the tab does not exist (closed). */
  urlOf(tabId: number): Promise<string | null>;
  /** Sends a message to the tab's top-frame content script and unwraps its reply. */
  sendToContent<T extends ContentMessageType>(tabId: number, type: T, payload: Payload<T>): Promise<Response<T>>;
}

export interface BackgroundServices {
  extension: ExtensionIdentity;
  settings: SettingsStore;
  secrets: SecretStore;
  history: HistoryStore;
  recordEgress(entry: EgressEntry): void;
  /** Reads and clears what recordEgress wrote (the options page's log). */
  egressLog: EgressLog;
  /** Per-chat consent grants and local-only flags. */
  consents: ConsentStore;
  /** The assistant chosen per chat (popup: "For this chat"); absent: every chat uses the active one. */
  chatAssistants?: ChatAssistantStore;
  tabs: TabAccess;
  createProvider(kind: ProviderKind, config: ProviderConfig): LanguageModelProvider;
  fetchImplementation?: typeof fetch;
  newId(): string;
}

export interface EgressLog {
  /** The newest `limit` entries, newest first. */
  recent(limit: number): Promise<EgressLogEntry[]>;
  clear(): Promise<void>;
}
