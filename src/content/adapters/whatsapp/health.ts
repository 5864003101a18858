/**
 * Whether a read can be trusted, in words a user can act on. The rule: a page we do not understand must
 * never read as ok with wrong data. Anything we had to skip, guess or could not find lowers the status.
 */
import type { Health, HealthStatus } from '../../../shared/conversation';
import { describeTier, whatsAppSelectors, type SelectorEntry, type SelectorName } from './selectors';
import { formatHealthNote, HEALTH_NOTES } from '../../../shared/health-notes';

export interface HealthInput {
  chatOpen: true;
  /** Rows that carry a message id (date separators and dividers excluded). */
  messageRows: number;
  /** Whether the pane shows any row at all, message or not. */
  rowsShown: boolean;
  messages: number;
  unreadableRows: number;
  guessedTextRows: number;
  unknownIdRows: number;
  /** Messages with text read by a selector (those carry metadata), and how many messages had metadata. */
  textMessages: number;
  messagesWithMetadata: number;
  unparseableMetadata: number;
  titleFound: boolean;
  composerFound: boolean;
  fallbacks: ReadonlyArray<readonly [SelectorName, number]>;
}

export const NO_CHAT_OPEN_NOTE = formatHealthNote(HEALTH_NOTES.noChatOpen);

export function assessHealth(input: HealthInput | { chatOpen: false }): Health {
  if (!input.chatOpen) return { status: 'unreadable', notes: [NO_CHAT_OPEN_NOTE] };
  let status: HealthStatus = 'ok';
  const notes: string[] = [];
  const degrade = (note: string) => {
    if (status === 'ok') status = 'degraded';
    notes.push(note);
  };

  if (!input.rowsShown) {
    status = 'unreadable';
    notes.push(formatHealthNote(HEALTH_NOTES.noRows));
  } else if (input.messages === 0) {
    status = 'unreadable';
    notes.push(formatHealthNote(HEALTH_NOTES.noMessages));
  }
  if (input.unreadableRows > 0) {
    degrade(formatHealthNote(HEALTH_NOTES.unreadableRows, input.unreadableRows, input.messageRows));
  }
  if (input.guessedTextRows > 0) {
    degrade(formatHealthNote(HEALTH_NOTES.guessedText, input.guessedTextRows));
  }
  if (input.unknownIdRows > 0) {
    degrade(formatHealthNote(HEALTH_NOTES.unknownIds, input.unknownIdRows));
  }
  // Media and deleted rows carry no metadata; rows with text always have, so none at all means a change.
  if (input.textMessages > 0 && input.messagesWithMetadata === 0) {
    degrade(formatHealthNote(HEALTH_NOTES.noMetadata));
  } else if (input.unparseableMetadata > 0) {
    notes.push(formatHealthNote(HEALTH_NOTES.unreadableTimes, input.unparseableMetadata));
  }
  if (!input.titleFound) degrade(formatHealthNote(HEALTH_NOTES.noTitle));
  if (!input.composerFound) degrade(formatHealthNote(HEALTH_NOTES.noComposer));
  for (const [name, tier] of input.fallbacks) {
    const entry: SelectorEntry = whatsAppSelectors[name];
    // Passing over a tier that only English pages match says nothing about a redesign.
    if (entry.tiers.slice(0, tier - 1).every((skipped) => skipped.localized)) continue;
    // Nor does reading a known era by its own hooks (2026-08's direction without message-in/out classes).
    if (entry.tiers[tier - 1]!.knownEra) continue;
    notes.push(formatHealthNote(HEALTH_NOTES.olderSelector, entry.purpose, describeTier(entry.tiers[tier - 1]!)));
  }
  return notes.length ? { status, notes } : { status };
}
