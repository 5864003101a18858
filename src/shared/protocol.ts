/**
 * The one request/response protocol between Aside's contexts, named by direction.
 * Each entry has a payload schema (validated by the receiver, never trusted) and a response type.
 * Streams (model output) go over ports: see stream-protocol.ts.
 */
import * as v from 'valibot';
import type { Conversation, InsertResult } from './conversation';
import type { AssistantView, PrivacySettings } from './settings';
import { AssistantSchema, ReadScopeSettingSchema } from './settings';
import type { UserFacingError } from './errors';
import type { Wording } from './wording';
import { TemplateIdSchema, TemplateListSchema, type PromptTemplate } from './templates';
import { citedMessageId, contentPayloadSchemas, draftText, MAX_HISTORY_MESSAGES } from './content-protocol';

// The background -> content schemas live in content-protocol.ts (the content script's budget); this stays the one map.
export { MAX_DRAFT_LENGTH, MAX_HISTORY_MESSAGES, ReadScopeSchema, parseContentEnvelope, type ReadScope } from './content-protocol';

/**
 * What the content script's watch reports when the open chat changes: enough for the sidebar's status line
 * (TabState's conversation) and to tell new messages apart, and no message text.
 */
const shortText = v.pipe(v.string(), v.maxLength(1_000));
export const ConversationSummarySchema = v.object({
  site: v.pipe(v.string(), v.maxLength(64)),
  title: shortText,
  isGroup: v.boolean(),
  chatKey: v.optional(shortText),
  health: v.object({
    status: v.picklist(['ok', 'degraded', 'unreadable']),
    notes: v.optional(v.pipe(v.array(shortText), v.maxLength(50))),
  }),
  messageCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lastMessageId: v.nullable(v.pipe(v.string(), v.maxLength(200))),
});
export type ConversationSummary = v.InferOutput<typeof ConversationSummarySchema>;

/**
 * The live watch's port (sidebar <-> background): the sidebar names the tab it shows (again when it moves to
 * another); the background sends that tab's chat summaries while the port is open. Closing the port (the
 * sidebar closed) ends the watch, and with the last watcher of a tab the content script's observer stops.
 */
export const WATCH_PORT_NAME = 'aside-conversation-watch';
export const WatchClientMessageSchema = v.object({ type: v.literal('watch'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });
export type WatchClientMessage = v.InferOutput<typeof WatchClientMessageSchema>;
export interface WatchServerMessage {
  type: 'conversation-changed';
  tabId: number;
  summary: ConversationSummary;
}

/** A settings file larger than this is not one Aside wrote (a few hundred assistants fit in far less). */
export const MAX_SETTINGS_FILE_CHARACTERS = 512_000;

/** What Options → Data → Export downloads. `settings` is the whole validated settings object; keys are never in it. */
export interface SettingsFile {
  format: 'aside-settings';
  version: 1;
  exportedAt: string;
  settings: Record<string, unknown>;
  /** Assistants that had an API key here: the key is not in the file, and must be entered again after import. */
  assistantsNeedingKey: Array<{ id: string; name: string }>;
}

export interface SettingsImportResult {
  /** How many assistants the file held. */
  assistants: number;
  /** Imported assistants without a key here that need one: the user enters it in the assistant's form. */
  needsKey: Array<{ id: string; name: string }>;
  /** What the user should know, e.g. that key fields in the file were ignored. */
  notices: string[];
  /** `notices` as catalogue ids (src/shared/wording.ts), index for index, for the user's language. */
  noticeWordings?: Wording[];
}

/** The most egress-log entries one request returns. */
export const EGRESS_LOG_PAGE = 200;

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
/** The most links one draft's confirmation may name; a real draft holds a handful. */
export const MAX_ALLOWED_URLS = 100;
const allowedUrls = v.pipe(v.array(v.pipe(v.string(), v.maxLength(4_096))), v.maxLength(MAX_ALLOWED_URLS));
/** The most history entries one search returns. */
export const HISTORY_PAGE = 200;
export const MAX_HISTORY_QUERY_LENGTH = 200;
const historyChatKey = v.pipe(v.string(), v.minLength(1), v.maxLength(1_000));

/** One message the user may choose to reply to: who wrote it and its start, shown as text in the sidebar. */
export interface ReplyTarget {
  id: string;
  sender: string | null;
  /** The message's text, cut to REPLY_TARGET_TEXT_LENGTH characters. */
  text: string;
  timestamp: string | null;
}
export const REPLY_TARGET_TEXT_LENGTH = 120;
/** How many recent messages from others the sidebar offers to reply to. */
export const REPLY_TARGET_COUNT = 8;

/** A WebLLM model id, e.g. Llama-3.2-1B-Instruct-q4f32_1-MLC. */
const localModelId = v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^[\w.-]+$/));

export const payloadSchemas = {
  // ui -> background
  'ui->background:get-assistants': v.object({}),
  'ui->background:save-assistant': v.object({
    assistant: AssistantSchema,
    /** undefined keeps the stored key; '' removes it. */
    apiKey: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  'ui->background:delete-assistant': v.object({ id: v.string() }),
  'ui->background:set-active-assistant': v.object({ id: v.string() }),
  'ui->background:test-assistant': v.object({ id: v.string() }),
  /**
   * The models an assistant being edited would offer (the options page's "Load models"), before it is
   * saved. The request goes through the egress guard for the draft's own origin only. The key is the
   * one typed in the form; without one, the stored key of `assistantId` is used, and only when that
   * saved assistant lives on the same origin, so a key never reaches another server.
   */
  'ui->background:list-models': v.object({
    kind: AssistantSchema.entries.kind,
    baseUrl: AssistantSchema.entries.baseUrl,
    assistantId: v.optional(v.pipe(v.string(), v.maxLength(64))),
    apiKey: v.optional(v.pipe(v.string(), v.maxLength(500))),
  }),
  'ui->background:get-tab-state': v.object({ tabId }),
  'ui->background:insert-draft': v.object({
    tabId,
    text: draftText,
    /**
     * Links in `text` the user has seen and accepted although they are not in the chat (the sidebar's
     * "Insert anyway", or links from the user's own draft). The background re-reads the chat and refuses
     * a draft holding any other link that is not in it.
     */
    allowedUrls: v.optional(allowedUrls),
  }),
  'ui->background:get-history': v.object({ tabId }),
  /** The egress log, newest first (at most EGRESS_LOG_PAGE entries). */
  'ui->background:get-egress-log': v.object({
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(EGRESS_LOG_PAGE))),
  }),
  'ui->background:clear-egress-log': v.object({}),
  /** The privacy choices for the chat open in a tab (its local-only flag, its standing consent). */
  'ui->background:get-chat-privacy': v.object({ tabId }),
  /**
   * Changes the chat open in `tabId`: `localOnly` sets its local-only flag; `revokeConsent` forgets its
   * "always allow" grants. The background reads the chat itself, so the change lands on the chat the tab shows.
   */
  'ui->background:set-chat-privacy': v.object({
    tabId,
    localOnly: v.optional(v.boolean()),
    revokeConsent: v.optional(v.literal(true)),
  }),
  'ui->background:open-sidebar': v.object({ tabId: v.optional(tabId), windowId: v.optional(v.number()) }),
  /** Options → Data → History: one row per chat with stored results. */
  'ui->background:list-history-chats': v.object({}),
  /**
   * Stored results, newest first: of one chat and/or holding `query` (case-insensitive, in outputs and
   * suggestions), at most HISTORY_PAGE. Both absent: the newest of all chats.
   */
  'ui->background:search-history': v.object({
    chatKey: v.optional(historyChatKey),
    query: v.optional(v.pipe(v.string(), v.maxLength(MAX_HISTORY_QUERY_LENGTH))),
  }),
  /** Every stored result, for the user's own JSON download. */
  'ui->background:export-history': v.object({}),
  /** Deletes one result, one chat's results, or all of them (the options page confirms first). */
  'ui->background:delete-history': v.variant('scope', [
    v.object({ scope: v.literal('entry'), id: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
    v.object({ scope: v.literal('chat'), chatKey: historyChatKey }),
    v.object({ scope: v.literal('all') }),
  ]),
  /**
   * The assistant chosen for the chat open in `tabId` (the popup's "For this chat"); the background reads
   * the chat key itself. `assistantId` null on set: back to the default assistant.
   */
  'ui->background:get-chat-assistant': v.object({ tabId }),
  'ui->background:set-chat-assistant': v.object({ tabId, assistantId: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(64))) }),
  /** Opens the browser's own page for remapping extension shortcuts (pages cannot link to it). */
  'ui->background:open-shortcut-settings': v.object({}),
  /** Options → Privacy: pseudonymisation, the default read scope, incognito. */
  'ui->background:get-privacy-settings': v.object({}),
  /** Changes only the fields given. */
  'ui->background:set-privacy-settings': v.object({
    pseudonymise: v.optional(v.boolean()),
    readScope: v.optional(ReadScopeSettingSchema),
    incognito: v.optional(v.boolean()),
  }),
  /** Options → Data: every setting as a JSON file, never an API key. */
  'ui->background:export-settings': v.object({}),
  /**
   * The text of a settings file the user picked. The background validates all of it (size, format, version,
   * every field) and never takes an API key from it: keys stay as stored, per assistant id and origin.
   */
  'ui->background:import-settings': v.object({ text: v.pipe(v.string(), v.maxLength(MAX_SETTINGS_FILE_CHARACTERS * 2)) }),
  /** In-browser models (WebLLM): the picker's list for this GPU, what is downloaded, the download under way. */
  'ui->background:local-models': v.object({}),
  /** The download under way or last finished, as the background last heard of it (polled while it runs). */
  'ui->background:local-model-progress': v.object({}),
  'ui->background:local-model-download': v.object({ model: localModelId }),
  'ui->background:local-model-cancel': v.object({ model: localModelId }),
  'ui->background:local-model-delete': v.object({ model: localModelId }),
  // background -> content (content-protocol.ts)
  ...contentPayloadSchemas,
  // content -> background (a content script's messages: the background checks the sender is its own content script in a tab)
  /** How far a scoped read has got loading history: `target` 0 when it cannot tell how many it needs. */
  'content->background:history-progress': v.object({
    loaded: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_HISTORY_MESSAGES)),
    target: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_HISTORY_MESSAGES)),
  }),
  /** The open chat changed (another chat, new messages, new health): a summary, never message text. */
  'content->background:conversation-changed': ConversationSummarySchema,
  /** The sidebar's citation buttons: scroll the chat in `tabId` to the message with this id. */
  'ui->background:scroll-to-message': v.object({ tabId, messageId: citedMessageId }),
  /** The recent messages from others, newest last, that the sidebar offers to reply to (see ReplyTarget). */
  'ui->background:list-reply-targets': v.object({ tabId }),
  /** The user's prompt templates; with `tabId`, also the default template of the chat that tab shows. */
  'ui->background:get-templates': v.object({ tabId: v.optional(tabId) }),
  /** Replaces every template (the options page saves the whole list: edit, delete, import). */
  'ui->background:save-templates': v.object({ templates: TemplateListSchema }),
  /** Makes a template the default of the chat open in `tabId` (null: no default); the background reads the chat key. */
  'ui->background:set-chat-template': v.object({ tabId, templateId: v.nullable(TemplateIdSchema) }),
} as const;

export type MessageType = keyof typeof payloadSchemas;
export type Payload<T extends MessageType> = v.InferOutput<(typeof payloadSchemas)[T]>;

export interface TabState {
  supported: boolean;
  /** Present when the tab has a readable messenger. */
  conversation?: Pick<Conversation, 'site' | 'title' | 'isGroup' | 'health' | 'chatKey'> & { messageCount: number };
  error?: UserFacingError;
}

export interface HistoryEntry {
  id?: number;
  chatKey: string;
  task: string;
  createdAt: number;
  suggestions: string[];
  /** The answer of a task the user reads (summary, translation, answer); absent for drafting tasks. */
  output?: string;
  assistantName: string;
  model: string;
  /** Catch up: the id of the newest message it covered, so the next catch-up can start after it. */
  lastMessageId?: string;
}

/** One chat in the stored history (options → Data). */
export interface HistoryChatSummary {
  chatKey: string;
  count: number;
  /** When its newest result was stored. */
  lastAt: number;
}

/**
 * The per-chat assistant choice for the chat a tab shows. `chatKey` null: no identifiable chat there.
 * `assistantId` null: the chat uses the default (active) assistant.
 */
export interface ChatAssistantChoice {
  chatKey: string | null;
  chatTitle: string | null;
  assistantId: string | null;
}

/** One outbound request, as the egress guard recorded it. */
export interface EgressLogEntry {
  id?: number;
  time: number;
  origin: string;
  method: string;
  bytes: number;
  chatKey: string | null;
  action: string;
  status: number | null;
}

/** A chat's privacy choices. `chatKey` null: the tab shows no identifiable chat (nothing can be stored). */
export interface ChatPrivacy {
  chatKey: string | null;
  localOnly: boolean;
  /** Destination origins the user chose "Always for this chat" for. */
  alwaysAllowed: string[];
}

/** One model of the in-browser picker (WebLLM's prebuilt list, checked against this GPU). */
export interface LocalModelView {
  id: string;
  vramMB: number | null;
  parametersB: number | null;
  quality: 'basic' | 'good' | 'better' | 'best';
  /** Empty when it can run on this GPU; else why not. */
  unsupportedReason: string;
  lowResource: boolean;
  downloaded: boolean;
}

export interface LocalDownloadView {
  model: string;
  status: 'downloading' | 'done' | 'failed' | 'cancelled';
  loadedBytes: number;
  totalBytes: number;
  startedAt: number;
  updatedAt: number;
  error?: UserFacingError;
}

export type LocalModelsResult =
  | { ok: true; gpu: { webgpu: boolean; adapter: boolean; shaderF16: boolean; isFallbackAdapter: boolean }; models: LocalModelView[]; download: LocalDownloadView | null }
  | { ok: false; error: UserFacingError };

export interface ResponseMap {
  'ui->background:get-assistants': { assistants: AssistantView[]; activeAssistantId: string | null };
  'ui->background:save-assistant': { assistant: AssistantView };
  'ui->background:delete-assistant': { deleted: boolean };
  'ui->background:set-active-assistant': { activeAssistantId: string };
  'ui->background:test-assistant': { ok: true; detail: string; detailWording?: Wording } | { ok: false; error: UserFacingError };
  'ui->background:list-models': { ok: true; models: string[] } | { ok: false; error: UserFacingError };
  'ui->background:get-tab-state': TabState;
  'ui->background:insert-draft': InsertResult;
  'ui->background:get-history': { entries: HistoryEntry[] };
  'ui->background:get-egress-log': { entries: EgressLogEntry[] };
  'ui->background:clear-egress-log': { cleared: true };
  'ui->background:get-chat-privacy': ChatPrivacy;
  'ui->background:set-chat-privacy': ChatPrivacy;
  'ui->background:open-sidebar': { opened: boolean };
  'ui->background:list-history-chats': { chats: HistoryChatSummary[] };
  'ui->background:search-history': { entries: HistoryEntry[]; truncated: boolean };
  'ui->background:export-history': { entries: HistoryEntry[] };
  'ui->background:delete-history': { deleted: number };
  'ui->background:get-chat-assistant': ChatAssistantChoice;
  'ui->background:set-chat-assistant': ChatAssistantChoice;
  'ui->background:open-shortcut-settings': { opened: boolean };
  'ui->background:get-privacy-settings': PrivacySettings;
  'ui->background:set-privacy-settings': PrivacySettings;
  'ui->background:export-settings': { file: SettingsFile; fileName: string };
  'ui->background:import-settings': SettingsImportResult;
  'ui->background:local-models': LocalModelsResult;
  'ui->background:local-model-progress': { download: LocalDownloadView | null };
  'ui->background:local-model-download': { ok: true; download: LocalDownloadView } | { ok: false; error: UserFacingError };
  'ui->background:local-model-cancel': { cancelled: boolean };
  'ui->background:local-model-delete': { ok: true } | { ok: false; error: UserFacingError };
  'background->content:read-conversation': Conversation;
  'background->content:insert-draft': InsertResult;
  'background->content:read-draft': { text: string };
  'background->content:cancel-history': { cancelled: boolean };
  'background->content:watch': { watching: boolean };
  /** `watching` false: no sidebar watches this tab any more, so the content script stops. */
  'content->background:history-progress': { received: boolean };
  'content->background:conversation-changed': { watching: boolean };
  'background->content:scroll-to-message': { found: boolean };
  'ui->background:scroll-to-message': { found: boolean };
  'ui->background:list-reply-targets': { messages: ReplyTarget[] };
  'ui->background:get-templates': { templates: PromptTemplate[]; chatKey: string | null; chatDefaultId: string | null };
  'ui->background:save-templates': { templates: PromptTemplate[] };
  'ui->background:set-chat-template': { chatKey: string; chatDefaultId: string | null };
}

export type Response<T extends MessageType> = ResponseMap[T];

/** The envelope on the wire. Responses are wrapped so that a handler's failure is data, not a thrown string. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Payload<T>;
}

export type Reply<T extends MessageType> =
  | { ok: true; value: Response<T> }
  | { ok: false; error: UserFacingError };

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(payloadSchemas, type);
}

/** Parses an untrusted envelope; returns null for anything that is not exactly a known message. */
export function parseEnvelope(raw: unknown): Envelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (!isMessageType(type)) return null;
  const result = v.safeParse(payloadSchemas[type], payload);
  return result.success ? ({ type, payload: result.output } as Envelope) : null;
}
