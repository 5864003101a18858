import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../shared/conversation';
import { ReadScopeSchema } from '../../shared/protocol';
import { ReadScopeSettingSchema } from '../../shared/settings';
import { coverageNotice, scopeForRun, selectionUnsupported, trimToScope } from './minimise';

function chat(count: number, extra: Partial<Conversation> = {}): Conversation {
  return {
    site: 'whatsapp',
    title: 'Ana',
    isGroup: false,
    health: { status: 'ok' },
    messages: Array.from({ length: count }, (_, index) => ({ id: `m${index + 1}`, direction: 'in' as const, sender: 'Ana', timestamp: null, text: `message ${index + 1}` })),
    ...extra,
  };
}

describe('minimisation', () => {
  it('the setting and the protocol accept exactly the same scopes', () => {
    const candidates = [
      { kind: 'visible' },
      { kind: 'last', count: 1 },
      { kind: 'last', count: 2_000 },
      { kind: 'last', count: 0 },
      { kind: 'last', count: 2_001 },
      { kind: 'last', count: 2.5 },
      { kind: 'last' },
      { kind: 'since-unread' },
      { kind: 'selection' },
      { kind: 'everything' },
    ];
    for (const candidate of candidates) {
      expect(v.safeParse(ReadScopeSettingSchema, candidate).success, JSON.stringify(candidate)).toBe(v.safeParse(ReadScopeSchema, candidate).success);
    }
  });

  it('a run’s own scope wins over the setting', () => {
    expect(scopeForRun({ kind: 'last', count: 50 }, undefined)).toEqual({ kind: 'last', count: 50 });
    expect(scopeForRun({ kind: 'last', count: 50 }, { kind: 'selection' })).toEqual({ kind: 'selection' });
  });

  it('keeps only the last N, or the messages from the unread divider on, whatever the reader returned', () => {
    expect(trimToScope(chat(80), { kind: 'last', count: 50 }).messages.map((m) => m.id)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i + 31}`));
    expect(trimToScope(chat(10, { unreadFromId: 'm8' }), { kind: 'since-unread' }).messages.map((m) => m.id)).toEqual(['m8', 'm9', 'm10']);
    expect(trimToScope(chat(3), { kind: 'since-unread' }).messages).toHaveLength(3);
    expect(trimToScope(chat(3), { kind: 'last', count: 50 }).messages).toHaveLength(3);
  });

  it('says when the scope could not be covered, and nothing when it was', () => {
    // A chat shorter than N was read whole: nothing is missing, so nothing to say.
    expect(coverageNotice(chat(12, { coverage: { scope: 'last', complete: false, reachedChatStart: true, note: 'The chat holds only 12 messages.' } }), { kind: 'last', count: 50 })).toBeNull();
    expect(coverageNotice(chat(30, { coverage: { scope: 'last', complete: false, reachedChatStart: false, note: 'Reading was cancelled after 30 of 50 messages.' } }), { kind: 'last', count: 50 })).toBe(
      'Aside read 30 messages, not the last 50 you asked for. Reading was cancelled after 30 of 50 messages.',
    );
    expect(coverageNotice(chat(30, { coverage: { scope: 'since-unread', complete: false, reachedChatStart: false, note: 'The history limit was reached.' } }), { kind: 'since-unread' })).toBe(
      'Aside read 30 messages, but could not reach the first unread message. The history limit was reached.',
    );
    expect(coverageNotice(chat(50, { coverage: { scope: 'last', complete: true, reachedChatStart: false } }), { kind: 'last', count: 50 })).toBeNull();
    expect(coverageNotice(chat(50), { kind: 'last', count: 50 })).toBeNull();
  });

  it('words the notice for the interface language when the page added no note of its own', () => {
    const start = coverageNotice(chat(1, { coverage: { scope: 'since-unread', complete: false, reachedChatStart: true } }), { kind: 'since-unread' });
    expect(start).toMatchObject({
      key: 'error_coverageSinceUnreadOneChatStart',
      text: 'Aside read 1 message, but could not reach the first unread message. The chat has no older messages.',
    });
    const short = coverageNotice(chat(30, { coverage: { scope: 'last', complete: false, reachedChatStart: false } }), { kind: 'last', count: 50 });
    expect(short).toMatchObject({ key: 'error_coverageLastMany', args: ['30', '50'], text: 'Aside read 30 messages, not the last 50 you asked for.' });
  });

  it('does not trust a reader that did not say it read the selection', () => {
    expect(selectionUnsupported(chat(5), { kind: 'selection' })).toBe(true);
    expect(selectionUnsupported(chat(5, { coverage: { scope: 'visible', complete: true, reachedChatStart: false } }), { kind: 'selection' })).toBe(true);
    expect(selectionUnsupported(chat(2, { coverage: { scope: 'selection', complete: true, reachedChatStart: false } }), { kind: 'selection' })).toBe(false);
    expect(selectionUnsupported(chat(5), { kind: 'last', count: 5 })).toBe(false);
  });
});
