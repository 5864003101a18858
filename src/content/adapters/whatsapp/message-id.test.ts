import { describe, expect, it } from 'vitest';
import { classifyMessageId, isGroupJid } from './message-id';

describe('classifyMessageId', () => {
  it('reads packed one-to-one ids', () => {
    expect(classifyMessageId('true_447700900123@c.us_3EB0C431A2F9E6B8D5A1')).toEqual({
      format: 'packed',
      outgoing: true,
      chatJid: '447700900123@c.us',
      messageId: '3EB0C431A2F9E6B8D5A1',
    });
  });

  it('reads packed group ids with a participant, including @lid ones', () => {
    expect(classifyMessageId('false_120363403498637789@g.us_AC186CE91CBE1B7EA49A2127E5DDE29D_100000000000@lid')).toEqual({
      format: 'packed',
      outgoing: false,
      chatJid: '120363403498637789@g.us',
      messageId: 'AC186CE91CBE1B7EA49A2127E5DDE29D',
    });
  });

  it('reads bare hex and digit ids', () => {
    expect(classifyMessageId('3EB0041865291286CF6A5D')).toEqual({ format: 'bare', messageId: '3EB0041865291286CF6A5D' });
    expect(classifyMessageId('36959035441778309954')).toEqual({ format: 'bare', messageId: '36959035441778309954' });
  });

  it('keeps anything else as an unknown id', () => {
    expect(classifyMessageId('msg:01J8Z3K5W7')).toEqual({ format: 'unknown', messageId: 'msg:01J8Z3K5W7' });
    expect(classifyMessageId('')).toEqual({ format: 'unknown', messageId: '' });
    // Hex of the wrong length, or with anything but 0-9, a-f and A-F in it.
    for (const value of ['3EB0C43', '3'.repeat(65), '3EB0C431G2F9', '3EB0C431 A2F9', '\u00103EB0C431', '3eb0c431a2f9-e6b8']) {
      expect(classifyMessageId(value).format, JSON.stringify(value)).toBe('unknown');
    }
    expect(classifyMessageId('3eb0c431a2f9E6B8').format).toBe('bare');
    expect(classifyMessageId('3'.repeat(64)).format).toBe('bare');
  });
});

describe('isGroupJid', () => {
  it('tells group chats by @g.us', () => {
    expect(isGroupJid('120363403498637789@g.us')).toBe(true);
    expect(isGroupJid('447700900123@c.us')).toBe(false);
  });
});
