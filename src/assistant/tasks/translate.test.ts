import { describe, expect, it } from 'vitest';
import { buildTranslatePrompt, incomingMessagesOf, TRANSLATED_MESSAGE_COUNT } from './translate';
import { everyMessageMarked, FIXED_CLOSE, FIXED_OPEN, fixedMarker, group, oneToOne } from './test-conversations';

describe('buildTranslatePrompt', () => {
  it('matches the snapshot of a translation', () => {
    expect(buildTranslatePrompt(oneToOne, { targetLanguage: 'German' }, fixedMarker()).messages).toMatchSnapshot();
  });

  it('sends only messages from others, each marked, and the target language as the user’s words', () => {
    const [system, user] = buildTranslatePrompt(group, { targetLanguage: 'German' }, fixedMarker()).messages;
    const incoming = incomingMessagesOf(group);
    expect(incoming.messages.map((message) => message.id)).toEqual(['1', '3']);
    expect(everyMessageMarked(user!.content, incoming, FIXED_OPEN, FIXED_CLOSE)).toBe(true);
    expect(user!.content).not.toContain('Trailhead at 8');
    expect(user!.content).toContain(`Language I read (my own words): ${FIXED_OPEN}German${FIXED_CLOSE}`);
    expect(system!.content).toContain('Only translate');
  });

  it('keeps the most recent messages from others', () => {
    const many = {
      ...group,
      messages: Array.from({ length: 50 }, (_, index) => ({
        id: String(index),
        direction: 'in' as const,
        sender: 'Ana',
        timestamp: null,
        text: `message ${index}`,
      })),
    };
    const kept = incomingMessagesOf(many).messages;
    expect(kept).toHaveLength(TRANSLATED_MESSAGE_COUNT);
    expect(kept.at(-1)?.text).toBe('message 49');
  });
});
