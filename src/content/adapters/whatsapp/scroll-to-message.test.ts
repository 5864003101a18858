import { describe, expect, it, vi } from 'vitest';
import { readConversation } from './reader';
import { findMessageRow, scrollToMessage } from './scroll-to-message';
import { loadFixture } from './testing/load-fixture';

describe('scrollToMessage', () => {
  it.each(['2026-05-group.html', '2024-12-packed-group.html'] as const)('finds every message the reader reports by its id (%s)', (fixture) => {
    const doc = loadFixture(fixture);
    const { messages } = readConversation(doc);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(findMessageRow(doc, message.id)).not.toBeNull();
  });

  it('scrolls the row into view and highlights it briefly, adding nothing to the page', () => {
    const doc = loadFixture('2026-05-group.html');
    const target = readConversation(doc).messages.at(-1)!;
    const row = findMessageRow(doc, target.id)!;
    const scrollIntoView = vi.fn();
    const animate = vi.fn();
    Object.assign(row, { scrollIntoView, animate });
    const before = doc.body.innerHTML;
    expect(scrollToMessage(doc, target.id)).toEqual({ ok: true, value: { found: true } });
    expect(scrollIntoView).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });
    expect(animate).toHaveBeenCalledOnce();
    expect(doc.body.innerHTML).toBe(before);
  });

  it('says "not found" for a message that is not loaded, and treats an id as data, not a selector', () => {
    const doc = loadFixture('2026-05-group.html');
    expect(scrollToMessage(doc, 'gone')).toEqual({ ok: true, value: { found: false } });
    expect(scrollToMessage(doc, '"] , * , [x="')).toEqual({ ok: true, value: { found: false } });
  });
});
