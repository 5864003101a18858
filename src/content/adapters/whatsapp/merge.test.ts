import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/conversation';
import { mergeById } from './merge';

const message = (id: string, text = `text ${id}`, sender: string | null = 'Ana'): Message => ({
  id,
  direction: 'in',
  sender,
  timestamp: null,
  text,
});
const ids = (messages: Message[]) => messages.map((m) => m.id);

describe('mergeById', () => {
  it('puts older rows from a window above the known ones, without repeats', () => {
    const known = [message('c'), message('d'), message('e')];
    expect(ids(mergeById(known, [message('a'), message('b'), message('c'), message('d')]))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps rows that arrived below a known row in their place', () => {
    const known = [message('a'), message('b'), message('d')];
    expect(ids(mergeById(known, [message('b'), message('c'), message('d'), message('e')]))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('treats a window with nothing known as older history', () => {
    expect(ids(mergeById([message('x'), message('y')], [message('a'), message('b')]))).toEqual(['a', 'b', 'x', 'y']);
  });

  it('keeps the longer text and a sender one of the reads could tell', () => {
    const [merged] = mergeById([message('a', 'full text here', 'Ana')], [message('a', 'full', null)]);
    expect(merged).toEqual(message('a', 'full text here', 'Ana'));
  });
});
