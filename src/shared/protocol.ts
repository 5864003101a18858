/**
 * The one request/response protocol between Aside's contexts, named by direction.
 * Each entry has a payload schema (validated by the receiver, never trusted) and a response type.
 * Streams (model output) go over ports: see stream-protocol.ts.
 */
import * as v from 'valibot';
import type { Conversation, InsertResult } from './conversation';
import type { AssistantView } from './settings';
import { AssistantSchema } from './settings';
import type { UserFacingError } from './errors';

/**
 * Which messages a task reads (minimisation: only what the task needs is sent).
 * - `visible`: the rows rendered now.
 * - `last`: the newest `count` messages, loading older history when fewer are rendered.
 * - `since-unread`: from the unread divider on (loading history up to it); `visible` when there is none.
 * - `selection`: only the messages the user selected in the page.
 */
export const MAX_HISTORY_MESSAGES = 2_000;
export const ReadScopeSchema = v.variant('kind', [
  v.object({ kind: v.literal('visible') }),
  v.object({ kind: v.literal('last'), count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_HISTORY_MESSAGES)) }),
  v.object({ kind: v.literal('since-unread') }),
  v.object({ kind: v.literal('selection') }),
]);
export type ReadScope = v.InferOutput<typeof ReadScopeSchema>;

/** The most egress-log entries one request returns. */
export const EGRESS_LOG_PAGE = 200;

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Drafts are short messages; anything larger is not a draft. */
export const MAX_DRAFT_LENGTH = 20_000;
const draftText = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_DRAFT_LENGTH));
/** The most links one draft's confirmation may name; a real draft holds a handful. */
export const MAX_ALLOWED_URLS = 100;
const allowedUrls = v.pipe(v.array(v.pipe(v.string(), v.maxLength(4_096))), v.maxLength(MAX_ALLOWED_URLS));

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
  // background -> content
  /**
   * Reads the open chat. Without `scope`, what is rendered now. With one, the content script first
   * scrolls WhatsApp's virtualized list to load older rows until the scope is covered (or the chat's start,
   * or `MAX_HISTORY_MESSAGES`), restores the user's scroll position, and returns only the messages in scope.
   */
  'background->content:read-conversation': v.object({ scope: v.optional(ReadScopeSchema) }),
  'background->content:insert-draft': v.object({ text: draftText }),
  /** What the user has typed in the message box (rewrite reads it). */
  'background->content:read-draft': v.object({}),
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

export interface ResponseMap {
  'ui->background:get-assistants': { assistants: AssistantView[]; activeAssistantId: string | null };
  'ui->background:save-assistant': { assistant: AssistantView };
  'ui->background:delete-assistant': { deleted: boolean };
  'ui->background:set-active-assistant': { activeAssistantId: string };
  'ui->background:test-assistant': { ok: true; detail: string } | { ok: false; error: UserFacingError };
  'ui->background:list-models': { ok: true; models: string[] } | { ok: false; error: UserFacingError };
  'ui->background:get-tab-state': TabState;
  'ui->background:insert-draft': InsertResult;
  'ui->background:get-history': { entries: HistoryEntry[] };
  'ui->background:get-egress-log': { entries: EgressLogEntry[] };
  'ui->background:clear-egress-log': { cleared: true };
  'ui->background:get-chat-privacy': ChatPrivacy;
  'ui->background:set-chat-privacy': ChatPrivacy;
  'ui->background:open-sidebar': { opened: boolean };
  'background->content:read-conversation': Conversation;
  'background->content:insert-draft': InsertResult;
  'background->content:read-draft': { text: string };
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
