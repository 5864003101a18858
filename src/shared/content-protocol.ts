/**
 * The background -> content part of the protocol (protocol.ts re-exports all of it and keeps it in its one
 * map, payloadSchemas): the payload schemas the content script validates, and its envelope parser. Kept
 * apart because the content script is injected into every messenger page under a 20 KB gzip budget, and
 * protocol.ts pulls the settings and template schemas in with it; this module imports valibot only.
 */
import * as v from 'valibot';

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

/** Drafts are short messages; anything larger is not a draft. */
export const MAX_DRAFT_LENGTH = 20_000;
export const draftText = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_DRAFT_LENGTH));
/** A message id as the reader reports it (the platform's, short). */
export const citedMessageId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const contentPayloadSchemas = {
  /**
   * Reads the open chat. Without `scope`, what is rendered now. With one, the content script first
   * scrolls WhatsApp's virtualized list to load older rows until the scope is covered (or the chat's start,
   * or `MAX_HISTORY_MESSAGES`), restores the user's scroll position, and returns only the messages in scope.
   */
  'background->content:read-conversation': v.object({ scope: v.optional(ReadScopeSchema) }),
  'background->content:insert-draft': v.object({ text: draftText }),
  /** What the user has typed in the message box (rewrite reads it). */
  'background->content:read-draft': v.object({}),
  /** Stops the scoped read running in the tab (the task was stopped): it restores the scroll position and answers with what it has. */
  'background->content:cancel-history': v.object({}),
  /**
   * Turns the content script's watch on the open chat on (a sidebar shows this tab) or off (none does).
   * While on, it reports changes with `content->background:conversation-changed`; while off it does no work.
   */
  'background->content:watch': v.object({ on: v.boolean() }),
  /** Scrolls the open chat to one message (a citation the user clicked) and highlights it briefly. */
  'background->content:scroll-to-message': v.object({ messageId: citedMessageId }),
} as const;

export type ContentMessageType = keyof typeof contentPayloadSchemas;
export type ContentPayload<T extends ContentMessageType> = v.InferOutput<(typeof contentPayloadSchemas)[T]>;

export interface ContentEnvelope<T extends ContentMessageType = ContentMessageType> {
  type: T;
  payload: ContentPayload<T>;
}

/**
 * Parses an untrusted envelope meant for the content script; null for anything that is not exactly one of
 * the background -> content messages (protocol.ts parseEnvelope gives the same answer for these types).
 */
export function parseContentEnvelope(raw: unknown): ContentEnvelope | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(contentPayloadSchemas, type)) return null;
  const contentType = type as ContentMessageType;
  const result = v.safeParse(contentPayloadSchemas[contentType], payload);
  return result.success ? ({ type: contentType, payload: result.output } as ContentEnvelope) : null;
}
