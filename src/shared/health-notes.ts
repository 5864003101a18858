/**
 * The notes a chat's health carries (Conversation.health.notes): why a read is degraded or unreadable.
 * They stay plain English strings in the Conversation, which bug reports and the extract command show as
 * they are. Each is written from one template here: the content script fills it in, and the interface
 * recognises the same template in a note and shows it in the user's language. Counts come last, after a
 * colon, so no language needs a plural form.
 *
 * Each template's English equals its entry in locales/en/errors.json (health-notes.test.ts), the catalogue
 * the interface translates from. The catalogue ids live with the interface (src/ui/sidebar/health-note-text.ts),
 * so the content script carries only the English it carried before.
 */

/** The English with `$1`…`$9` for the substitutions. */
export type HealthNoteTemplate = string;

export const HEALTH_NOTES = {
  noChatOpen: 'No chat is open. Open a chat in WhatsApp, then try again.',
  noRows: 'No message rows were found in the open chat; WhatsApp may have changed its page.',
  noMessages: 'The open chat shows rows but none could be read as a message; WhatsApp may have changed its page.',
  unreadableRows: 'Message rows that could not be read (no direction or no text found): $1 of $2.',
  guessedText: 'Messages whose text was found by a best guess and may be wrong: $1.',
  unknownIds: 'Messages with an unfamiliar id: $1; WhatsApp may have changed its page.',
  noMetadata: 'No message had its time and sender details; WhatsApp may have changed its page.',
  unreadableTimes: 'Messages whose time could not be read: $1.',
  noTitle: 'The chat’s name could not be read.',
  noComposer: 'The message box was not found, so drafts cannot be inserted into this chat.',
  olderSelector: 'Read $1 with an older selector ($2); WhatsApp may have changed its page.',
} as const;

/** The note's English with its substitutions filled in. */
export function formatHealthNote(template: HealthNoteTemplate, ...args: Array<string | number>): string {
  return template.replace(/\$(\d)/g, (_, digit: string) => String(args[Number(digit) - 1] ?? ''));
}
