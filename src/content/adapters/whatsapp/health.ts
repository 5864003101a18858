/**
 * Whether a read can be trusted, in words a user can act on. The rule: a page we do not understand must
 * never read as ok with wrong data. Anything we had to skip, guess or could not find lowers the status.
 */
import type { Health, HealthStatus } from '../../../shared/conversation';
import { describeTier, whatsAppSelectors, type SelectorEntry, type SelectorName } from './selectors';

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

export const NO_CHAT_OPEN_NOTE = 'No chat is open. Open a chat in WhatsApp, then try again.';

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
    notes.push('No message rows were found in the open chat; WhatsApp may have changed its page.');
  } else if (input.messages === 0) {
    status = 'unreadable';
    notes.push('The open chat shows rows but none could be read as a message; WhatsApp may have changed its page.');
  }
  if (input.unreadableRows > 0) {
    degrade(
      `${input.unreadableRows} of ${plural(input.messageRows, 'message row')} could not be read ` +
        '(no direction or no text found).',
    );
  }
  if (input.guessedTextRows > 0) {
    degrade(`The text of ${plural(input.guessedTextRows, 'message')} was found by a best guess and may be wrong.`);
  }
  if (input.unknownIdRows > 0) {
    const verb = input.unknownIdRows === 1 ? 'carries' : 'carry';
    degrade(`${plural(input.unknownIdRows, 'message')} ${verb} an unfamiliar id; WhatsApp may have changed its page.`);
  }
  // Media and deleted rows carry no metadata; rows with text always have, so none at all means a change.
  if (input.textMessages > 0 && input.messagesWithMetadata === 0) {
    degrade('No message had its time and sender details; WhatsApp may have changed its page.');
  } else if (input.unparseableMetadata > 0) {
    notes.push(`The time of ${plural(input.unparseableMetadata, 'message')} could not be read.`);
  }
  if (!input.titleFound) degrade("The chat's name could not be read.");
  if (!input.composerFound) degrade('The message box was not found, so drafts cannot be inserted into this chat.');
  for (const [name, tier] of input.fallbacks) {
    const entry: SelectorEntry = whatsAppSelectors[name];
    // Passing over a tier that only English pages match says nothing about a redesign.
    if (entry.tiers.slice(0, tier - 1).every((skipped) => skipped.localized)) continue;
    notes.push(
      `Read ${entry.purpose} with an older selector (${describeTier(entry.tiers[tier - 1]!)}); ` +
        'WhatsApp may have changed its page.',
    );
  }
  return notes.length ? { status, notes } : { status };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
