import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../shared/conversation';
import { NEW_MESSAGES_LINE } from '../prompt/transcript';
import { buildAskPrompt } from './ask';
import { buildReplyPrompt } from './reply';
import { buildRewritePrompt } from './rewrite';
import { buildSummarizePrompt } from './summarize';
import { fixedMarker, group, oneToOne } from './test-conversations';

const withUnread: Conversation = { ...group, unreadFromId: '3' };

describe('message references', () => {
  it('numbers each message of a catch-up and maps every reference to its message id', () => {
    const prompt = buildSummarizePrompt(group, {}, fixedMarker());
    const [system, user] = prompt.messages;
    expect(user!.content).toContain('[m1] [2026-05-14 09:12] Ana Souza (participant):');
    expect(user!.content).toContain('[m3] [2026-05-14 09:20] Ben Okafor (participant):');
    expect(system!.content).toContain('never invent one');
    expect(prompt.references).toEqual({ m1: '1', m2: '2', m3: '3' });
  });

  it('gives the ask task the same references, and reply none unless one message is chosen', () => {
    expect(buildAskPrompt(group, { question: 'When?' }, fixedMarker()).references).toEqual({ m1: '1', m2: '2', m3: '3' });
    const plain = buildReplyPrompt(group, {}, fixedMarker());
    expect(plain.references).toBeUndefined();
    expect(plain.messages[1]!.content).not.toContain('[m1]');
  });

  it('maps only the messages that fit the budget, numbered by their place in the whole chat', () => {
    const long: Conversation = {
      ...group,
      messages: Array.from({ length: 400 }, (_, index) => ({
        id: `id-${index}`,
        direction: 'in' as const,
        sender: 'Ana',
        timestamp: null,
        text: `message number ${index} `.repeat(5),
      })),
    };
    const prompt = buildSummarizePrompt(long, {}, fixedMarker());
    expect(prompt.omittedMessages).toBeGreaterThan(0);
    expect(prompt.references?.m400).toBe('id-399');
    expect(prompt.references?.m1).toBeUndefined();
    expect(Object.keys(prompt.references ?? {})).toHaveLength(prompt.includedMessages);
  });
});

describe('catch up since the unread divider', () => {
  it('marks where the unread messages begin and asks for a summary of those', () => {
    const [system, user] = buildSummarizePrompt(withUnread, {}, fixedMarker()).messages;
    expect(user!.content).toContain(`${NEW_MESSAGES_LINE}\n[m3] [2026-05-14 09:20] Ben Okafor`);
    expect(system!.content).toContain('Summarise those; use the earlier messages only as context.');
  });

  it('says nothing about unread messages when the divider is not among the messages read', () => {
    const [system, user] = buildSummarizePrompt({ ...group, unreadFromId: 'gone' }, {}, fixedMarker()).messages;
    expect(user!.content).not.toContain(NEW_MESSAGES_LINE);
    expect(system!.content).not.toContain('not read yet');
  });
});

describe('reply to one chosen message', () => {
  it('names the chosen message by its reference and asks every draft to answer it', () => {
    const prompt = buildReplyPrompt(group, { replyTo: '1' }, fixedMarker());
    const [system, user] = prompt.messages;
    expect(system!.content).toContain('Every reply answers the message labelled [m1]');
    expect(user!.content).toContain('[m1] [2026-05-14 09:12] Ana Souza (participant):');
    expect(user!.content.trimEnd().endsWith('Draft 3 replies for me to [m1].')).toBe(true);
    expect(prompt.references?.m1).toBe('1');
  });

  it('falls back to the chat as a whole when the chosen message is no longer in the chat', () => {
    const [system] = buildReplyPrompt(group, { replyTo: 'scrolled-away' }, fixedMarker()).messages;
    expect(system!.content).not.toContain('labelled [m');
  });
});

describe('rewrite modes', () => {
  const draft = 'i cant come tomorow, sorry';
  const systemOf = (options: Parameters<typeof buildRewritePrompt>[1]) => buildRewritePrompt(oneToOne, { draft, ...options }, fixedMarker()).messages[0]!.content;

  it('fixes only spelling and grammar, ignoring a picked tone', () => {
    const prompt = buildRewritePrompt(oneToOne, { draft, rewriteMode: 'fix', tone: 'formal' }, fixedMarker());
    expect(prompt.messages[0]!.content).toContain('Correct the spelling, grammar and punctuation');
    expect(prompt.messages[1]!.content).not.toContain('Tone I want');
  });

  it('shortens, translates into the others’ language, or changes the tone', () => {
    expect(systemOf({ rewriteMode: 'shorten' })).toContain('Shorten the user’s draft');
    expect(systemOf({ rewriteMode: 'translate' })).toContain('into the language the other participants of this chat write in');
    expect(systemOf({ rewriteMode: 'tone', tone: 'brief' })).toContain('in the tone the user asked for');
    // Every mode keeps the draft's facts and links.
    for (const rewriteMode of ['improve', 'fix', 'shorten', 'tone', 'translate'] as const) {
      expect(systemOf({ rewriteMode })).toContain('Keep every fact, name, number and link of the draft, and add none.');
    }
  });
});

describe('reply to an old message', () => {
  it('keeps the chosen message in the transcript even when newer messages fill the budget', () => {
    const long: Conversation = {
      ...group,
      messages: Array.from({ length: 300 }, (_, index) => ({
        id: `id-${index}`,
        direction: 'in' as const,
        sender: 'Ana',
        timestamp: null,
        text: `message number ${index} `.repeat(5),
      })),
    };
    const prompt = buildReplyPrompt(long, { replyTo: 'id-3' }, fixedMarker());
    expect(prompt.references?.m4).toBe('id-3');
    expect(prompt.messages[1]!.content).toContain('[m4] Ana (participant):');
    expect(prompt.messages[1]!.content).toContain('message number 8 ');
    expect(prompt.messages[1]!.content).not.toContain('message number 9 ');
  });
});
