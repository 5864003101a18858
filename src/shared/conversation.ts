/**
 * What an adapter reads from the open chat. Mirrors ../shared/contracts/conversation.schema.json;
 * `conversation.test.ts` checks the two stay in step.
 */
export type Direction = 'in' | 'out' | 'system';

export type MediaKind =
  | 'image' | 'video' | 'gif' | 'audio' | 'voice' | 'document'
  | 'sticker' | 'location' | 'contact' | 'poll' | 'other';

export interface Quote {
  sender?: string | null;
  text: string;
}

export interface Media {
  kind: MediaKind;
  fileName?: string;
  duration?: string;
  /**
   * A poll's options, each one's label only (never its vote count or voters), in display order; at most
   * POLL_OPTIONS_MAX, each trimmed and at most MEDIA_LABEL_MAX characters. Absent when they could not all be read.
   */
  options?: string[];
  /** A shared contact's name as the card shows it (a card of several: its whole line), at most MEDIA_LABEL_MAX characters. */
  contactName?: string;
}

/** WhatsApp allows at most 12 options in a poll. */
export const POLL_OPTIONS_MAX = 12;
/** Longest poll option or contact name kept: other people's words, bounded before they reach a prompt. */
export const MEDIA_LABEL_MAX = 200;

export interface Message {
  /** The platform's id where the DOM has one, else a stable derived id. */
  id: string;
  direction: Direction;
  /** Display name or phone as shown; null for system notices and, usually, for 'out'. */
  sender: string | null;
  /** ISO 8601 local date-time without zone, or null when the DOM does not give one. */
  timestamp: string | null;
  text: string;
  quote?: Quote;
  media?: Media;
  deleted?: boolean;
  edited?: boolean;
  forwarded?: boolean;
}

export type HealthStatus = 'ok' | 'degraded' | 'unreadable';

export interface Health {
  status: HealthStatus;
  notes?: string[];
}

export interface Conversation {
  /** Adapter id, e.g. `whatsapp`. */
  site: string;
  title: string;
  isGroup: boolean;
  messages: Message[];
  health: Health;
  /** A stable key for the open chat, for per-chat history. Not part of the contract's required fields. */
  chatKey?: string;
  /** Id of the first message after WhatsApp's "N unread messages" divider, when the chat shows one. */
  unreadFromId?: string;
  /**
   * How a scoped read (see protocol.ts ReadScope) went: `complete` false when the scope could not be fully
   * covered (the chat's start was reached first, the history limit, or the user cancelled), so the UI can say so.
   */
  coverage?: { scope: 'visible' | 'last' | 'since-unread' | 'selection'; complete: boolean; reachedChatStart: boolean; note?: string };
}

/** What a composer writer reports after an insert. */
export interface InsertResult {
  ok: boolean;
  /** Which insertion technique put the text there (for diagnostics). */
  method?: 'execCommand' | 'paste' | 'beforeinput';
  /** Why it failed, in words a user can act on. */
  error?: string;
}
