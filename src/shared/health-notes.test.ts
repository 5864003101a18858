import { describe, expect, it } from 'vitest';
import { formatHealthNote, HEALTH_NOTES } from './health-notes';

describe('health-note templates', () => {
  it('fills counts and names in order', () => {
    expect(formatHealthNote(HEALTH_NOTES.unreadableRows, 1, 3)).toBe('Message rows that could not be read (no direction or no text found): 1 of 3.');
    expect(formatHealthNote(HEALTH_NOTES.olderSelector, 'the chat name', '#main header span[title]')).toBe(
      'Read the chat name with an older selector (#main header span[title]); WhatsApp may have changed its page.',
    );
  });
});
