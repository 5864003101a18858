import { describe, expect, it } from 'vitest';
import { ContainedCursor } from './contained-cursor';
import { parseHtml } from './testing/load-fixture';

const doc = parseHtml(`
  <b id="stray"></b>
  <div class="c" id="c1"><i id="a"></i><i id="b"></i></div>
  <div class="c" id="c2"></div>
  <div class="c" id="c3"><i id="d"></i></div>`);
const containers = [...doc.querySelectorAll('.c')];

describe('ContainedCursor', () => {
  it('hands each container its own elements, none for an empty one', () => {
    const cursor = new ContainedCursor(doc.querySelectorAll('i'));
    expect(containers.map((container) => cursor.next(container)?.id ?? null)).toEqual(['a', null, 'd']);
  });

  it('passes over elements outside every container and ones a container did not take', () => {
    const cursor = new ContainedCursor(doc.querySelectorAll('#stray, i'));
    expect(cursor.next(containers[0]!)?.id).toBe('a');
    expect(cursor.next(containers[1]!)).toBeNull();
    expect(cursor.next(containers[2]!)?.id).toBe('d');
  });

  it('skips elements the caller refuses', () => {
    const cursor = new ContainedCursor(doc.querySelectorAll('i'));
    expect(cursor.next(containers[0]!, (element) => element.id !== 'a')?.id).toBe('b');
  });
});
