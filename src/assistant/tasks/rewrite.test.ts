import { describe, expect, it } from 'vitest';
import { buildRewritePrompt } from './rewrite';
import { everyMessageMarked, FIXED_CLOSE, FIXED_OPEN, fixedMarker, oneToOne } from './test-conversations';

const DRAFT = 'ok sure, tickets at https://tickets.example.org/event/42 ill bring snacks';

describe('buildRewritePrompt', () => {
  it('matches the snapshot of a rewrite', () => {
    expect(buildRewritePrompt(oneToOne, { draft: DRAFT, tone: 'friendly' }, fixedMarker()).messages).toMatchSnapshot();
  });

  it('marks the chat, the draft and the tone, the last two labelled as the user’s own words', () => {
    const [system, user] = buildRewritePrompt(oneToOne, { draft: DRAFT, tone: 'formal' }, fixedMarker()).messages;
    expect(everyMessageMarked(user!.content, oneToOne, FIXED_OPEN, FIXED_CLOSE)).toBe(true);
    expect(user!.content).toContain(`My draft (my own words): ${FIXED_OPEN}${DRAFT}${FIXED_CLOSE}`);
    expect(user!.content).toContain(`Tone I want (my own words): ${FIXED_OPEN}formal${FIXED_CLOSE}`);
    expect(system!.content).toContain('add none');
  });

  it('counts the draft as a source of known links', () => {
    expect(buildRewritePrompt(oneToOne, { draft: DRAFT }, fixedMarker()).sourceTexts).toContain(DRAFT);
  });
});
