import { describe, expect, it } from 'vitest';
import { buildSummarizePrompt } from './summarize';
import { everyMessageMarked, FIXED_CLOSE, FIXED_OPEN, fixedMarker, group, oneToOne } from './test-conversations';

describe('buildSummarizePrompt', () => {
  it('matches the snapshot of a group catch-up', () => {
    expect(buildSummarizePrompt(group, { targetLanguage: 'Portuguese' }, fixedMarker()).messages).toMatchSnapshot();
  });

  it('asks a group summary for decisions, plans and dates, open questions for the user, and action items', () => {
    const [system] = buildSummarizePrompt(group, {}, fixedMarker()).messages;
    for (const section of ['Decisions', 'Plans and dates', 'Open questions for you', 'Action items']) {
      expect(system!.content).toContain(section);
    }
    expect(system!.content).toContain('Write in the language of the chat.');
  });

  it('keeps a one-to-one summary short and says what the other person waits for', () => {
    const [system] = buildSummarizePrompt(oneToOne, {}, fixedMarker()).messages;
    expect(system!.content).not.toContain('Action items');
    expect(system!.content).toContain('waiting for from the user');
  });

  it('marks every message and quote, and the reader language as the user’s own words', () => {
    const [, user] = buildSummarizePrompt(group, { targetLanguage: 'Portuguese' }, fixedMarker()).messages;
    expect(everyMessageMarked(user!.content, group, FIXED_OPEN, FIXED_CLOSE)).toBe(true);
    expect(user!.content).toContain(`Language I read (my own words): ${FIXED_OPEN}Portuguese${FIXED_CLOSE}`);
  });

  it('reports the texts the model saw, for the chat’s links', () => {
    expect(buildSummarizePrompt(oneToOne, {}, fixedMarker()).sourceTexts).toContain('Tickets: https://tickets.example.org/event/42');
  });
});
