/**
 * A chat's health notes in the user's language. The content script writes them in English from the
 * templates of src/shared/health-notes.ts; a note that matches one is shown from the catalogue, anything
 * else (a note from an older content script) as it is.
 */
import { HEALTH_NOTES } from '../../shared/health-notes';
import type { Wording, WordingKey } from '../../shared/wording';
import { translated } from '../common/error-text';

function healthNoteKey(key: WordingKey): WordingKey {
  return key;
}

/** The catalogue id of each template. */
export const HEALTH_NOTE_KEYS: Record<keyof typeof HEALTH_NOTES, WordingKey> = {
  noChatOpen: healthNoteKey('error_healthNoChatOpen'),
  noRows: healthNoteKey('error_healthNoRows'),
  noMessages: healthNoteKey('error_healthNoMessages'),
  unreadableRows: healthNoteKey('error_healthUnreadableRows'),
  guessedText: healthNoteKey('error_healthGuessedText'),
  unknownIds: healthNoteKey('error_healthUnknownIds'),
  noMetadata: healthNoteKey('error_healthNoMetadata'),
  unreadableTimes: healthNoteKey('error_healthUnreadableTimes'),
  noTitle: healthNoteKey('error_healthNoTitle'),
  noComposer: healthNoteKey('error_healthNoComposer'),
  olderSelector: healthNoteKey('error_healthOlderSelector'),
};

const PATTERNS = (Object.keys(HEALTH_NOTES) as Array<keyof typeof HEALTH_NOTES>).map((name) => ({
  key: HEALTH_NOTE_KEYS[name] as string,
  pattern: new RegExp(`^${HEALTH_NOTES[name].replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$(\d)/g, '(.+?)')}$`, 's'),
}));

/** The id and substitutions of a note written from a template; null for any other text. */
export function parseHealthNote(note: string): Wording | null {
  for (const { key, pattern } of PATTERNS) {
    const match = pattern.exec(note);
    if (match) return { key, args: match.slice(1) };
  }
  return null;
}

export function healthNoteText(note: string): string {
  return translated(parseHealthNote(note), note);
}
