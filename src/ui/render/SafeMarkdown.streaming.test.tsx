/**
 * A streamed answer is split into blocks incrementally (only the last block is split and parsed again as
 * tokens arrive). What the user sees must not depend on that: at every step the stream shows what the same
 * text shows rendered at once, across blank lines, fences that hold blank lines, and reference definitions.
 */
import fc from 'fast-check';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { splitBlocksFrom, splitIntoBlocks } from './markdown-chunks';
import './render-test-support';
import { SafeMarkdown } from './SafeMarkdown';

const FRAGMENTS = [
  'word', ' ', '**bold**', '_it_', '`code`', '\n', '\n\n', '\n\n\n', '- item', '1. one', '> quote', '```', '```js', '~~~', '    ',
  '[notes](https://notes.example/1)', '[x][r]', '[r]: https://ref.example/r', '| a | b |', '|-|-|', '# Title', '---', '\t',
];
const markdownish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const cuts = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 60 });

function renderOnce(text: string, streaming = false): string {
  const container = document.createElement('div');
  render(<SafeMarkdown text={text} streaming={streaming} openLink={() => undefined} />, container);
  return container.innerHTML;
}

describe('streaming through the incremental split', { timeout: 120_000 }, () => {
  it('splitting again from the last block’s start gives the blocks of a split of the whole text', () => {
    fc.assert(
      fc.property(markdownish, fc.nat(), (text, at) => {
        const prefix = text.slice(0, at % (text.length + 1));
        const { blocks: before, lastStart } = splitBlocksFrom(prefix, 0);
        // As the renderer does: blocks settle (and the split moves on) only once a later block has begun.
        const settled = before.slice(0, -1);
        const { blocks: after } = splitBlocksFrom(text, settled.length > 0 ? lastStart : 0);
        expect([...settled, ...after]).toEqual(splitIntoBlocks(text));
      }),
      { numRuns: 500 },
    );
  });

  it('at every step of a stream, and at its end, the output equals the same text rendered at once', () => {
    fc.assert(
      fc.property(markdownish, cuts, (text, sizes) => {
        const container = document.createElement('div');
        let end = 0;
        for (const size of sizes) {
          if (end >= text.length) break;
          end = Math.min(text.length, end + size);
          const shown = text.slice(0, end);
          render(<SafeMarkdown text={shown} streaming openLink={() => undefined} />, container);
          expect(container.innerHTML).toBe(renderOnce(shown, true));
        }
        render(<SafeMarkdown text={text} openLink={() => undefined} />, container);
        expect(container.innerHTML).toBe(renderOnce(text));
      }),
      { numRuns: 150 },
    );
  });

  it('a new answer in the same place replaces the old one entirely', () => {
    const container = document.createElement('div');
    render(<SafeMarkdown text={'First **answer**\n\n- a\n- b\n\nEnd'} streaming openLink={() => undefined} />, container);
    render(<SafeMarkdown text={'Second'} streaming openLink={() => undefined} />, container);
    expect(container.textContent).toBe('Second');
    expect(container.innerHTML).toBe(renderOnce('Second', true));
  });

  it('a settled block keeps its formatting while the next one streams in as text', () => {
    const container = document.createElement('div');
    const text = '**Section 1**\n\n- Ana said the **plan** is settled\n- Ben asked about `time`\n\n**Section 2**';
    for (let end = 1; end <= text.length; end += 3) {
      render(<SafeMarkdown text={text.slice(0, end)} streaming openLink={() => undefined} />, container);
    }
    render(<SafeMarkdown text={text} streaming openLink={() => undefined} />, container);
    expect(container.querySelectorAll('strong')).toHaveLength(3);
    expect(container.querySelector('li code')?.textContent).toBe('time');
    expect(container.textContent).toContain('Section 2');
  });
});
