import { describe, expect, it } from 'vitest';
import { NEW_MESSAGES_LINE, NEW_SINCE_CATCH_UP_LINE } from '../prompt/transcript';
import { buildSummarizePrompt, catchUpStart } from './summarize';
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

describe('catch up since the last catch-up', () => {
  it('matches the snapshot of a group catch-up that starts after the previous one', () => {
    expect(buildSummarizePrompt(group, { lastCatchUpId: '1' }, fixedMarker()).messages).toMatchSnapshot();
  });

  it('marks the first message after the previous catch-up and asks for a summary of what follows', () => {
    const [system, user] = buildSummarizePrompt(group, { lastCatchUpId: '1' }, fixedMarker()).messages;
    expect(user!.content).toContain(`${NEW_SINCE_CATCH_UP_LINE}\n[m2] [2026-05-14 09:15] You (the user):`);
    expect(user!.content.indexOf('[m1]')).toBeLessThan(user!.content.indexOf(NEW_SINCE_CATCH_UP_LINE));
    expect(system!.content).toContain('came after the user’s previous catch-up begin. Summarise those');
    expect(catchUpStart(group, '1')).toEqual({ kind: 'last-catch-up', fromId: '2', newMessages: 2 });
  });

  it('prefers the unread divider when the chat shows one', () => {
    const [system, user] = buildSummarizePrompt({ ...group, unreadFromId: '3' }, { lastCatchUpId: '1' }, fixedMarker()).messages;
    expect(user!.content).toContain(`${NEW_MESSAGES_LINE}\n[m3]`);
    expect(user!.content).not.toContain(NEW_SINCE_CATCH_UP_LINE);
    expect(system!.content).not.toContain('previous catch-up');
  });

  it('catches up as before when the remembered message is gone or nothing came after it', () => {
    for (const lastCatchUpId of ['gone', '3']) {
      const prompt = buildSummarizePrompt(group, { lastCatchUpId }, fixedMarker());
      expect(prompt.messages[1]!.content).not.toContain(NEW_SINCE_CATCH_UP_LINE);
      expect(prompt.messages[0]!.content).not.toContain('previous catch-up');
      expect(prompt.messages).toEqual(buildSummarizePrompt(group, {}, fixedMarker()).messages);
    }
  });
});
