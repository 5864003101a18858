import { describe, expect, it } from 'vitest';
import { formatHealthNote, HEALTH_NOTES } from '../../shared/health-notes';
import { HEALTH_NOTE_KEYS, healthNoteText, parseHealthNote } from './health-note-text';
import { withCatalogue } from '../i18n/with-catalogue';
import { wording } from '../../shared/wording';

describe('health notes in the user’s language', () => {
  it.each(Object.keys(HEALTH_NOTES) as Array<keyof typeof HEALTH_NOTES>)('%s says in English exactly what the errors catalogue says', (name) => {
    const args = ['7', '40'].slice(0, (HEALTH_NOTES[name].match(/\$\d/g) ?? []).length);
    expect(formatHealthNote(HEALTH_NOTES[name], ...args)).toBe(wording(HEALTH_NOTE_KEYS[name], ...args).text);
  });


  it('recognises every template, with its substitutions, even when a name holds the template’s own words', () => {
    for (const name of Object.keys(HEALTH_NOTES) as Array<keyof typeof HEALTH_NOTES>) {
      const note = formatHealthNote(HEALTH_NOTES[name], '3', 'span[title="x (y)"]; WhatsApp');
      expect(parseHealthNote(note)?.key).toBe(HEALTH_NOTE_KEYS[name]);
    }
    expect(parseHealthNote(formatHealthNote(HEALTH_NOTES.unreadableRows, 2, 30))).toEqual({ key: 'error_healthUnreadableRows', args: ['2', '30'] });
  });

  it('shows a note in German, counts and selectors kept', async () => {
    await withCatalogue('de', () => {
      expect(healthNoteText(formatHealthNote(HEALTH_NOTES.unreadableRows, 2, 30))).toBe(
        'Nachrichtenzeilen, die nicht gelesen werden konnten (keine Richtung oder kein Text gefunden): 2 von 30.',
      );
      expect(healthNoteText(formatHealthNote(HEALTH_NOTES.olderSelector, 'the chat name', '#main header span[title]'))).toBe(
        'Mit einem älteren Selektor gelesen: the chat name (#main header span[title]); WhatsApp hat seine Seite vielleicht geändert.',
      );
    });
  });

  it('shows any other text as it is', async () => {
    await withCatalogue('de', () => {
      expect(healthNoteText('A note from an older version of Aside.')).toBe('A note from an older version of Aside.');
    });
  });
});
