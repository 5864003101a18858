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

describe('ContainedCursor over rows it was not asked about', () => {
  // Twenty containers of one element each: the row cache answers most rows without the cursor.
  const many = parseHtml(Array.from({ length: 20 }, (_, index) => `<div class="c"><i id="e${index}"></i></div>`).join(''));
  const rows = [...many.querySelectorAll('.c')];

  it('hands a later container its own element after passing over any number of earlier ones', () => {
    for (const skipTo of [1, 2, 3, 7, 8, 13, 19]) {
      const cursor = new ContainedCursor(many.querySelectorAll('i'));
      expect(cursor.next(rows[0]!)?.id).toBe('e0');
      expect(cursor.next(rows[skipTo]!)?.id).toBe(`e${skipTo}`);
      expect(cursor.next(rows[skipTo]!)).toBeNull();
    }
  });

  it('queries its list only when first asked', () => {
    let queried = 0;
    const cursor = new ContainedCursor(() => {
      queried++;
      return many.querySelectorAll('i');
    });
    expect(queried).toBe(0);
    expect(cursor.next(rows[5]!)?.id).toBe('e5');
    expect(cursor.next(rows[6]!)?.id).toBe('e6');
    expect(queried).toBe(1);
  });
});
