/**
 * Whatever the text, the renderer makes no element that loads, runs or submits anything, and sets no
 * attribute but its own. Random strings, and strings built from the pieces attacks are made of.
 */
import fc from 'fast-check';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, violations } from './render-test-support';
import { SafeMarkdown } from './SafeMarkdown';

/** Hundreds of renders each: generous, for a busy CI machine. */
const PROPERTY_TIMEOUT_MS = 120_000;

const ATTACK_FRAGMENTS = [
  '<img', ' src=', 'x', ' onerror=', '"alert(1)"', '>', '![', '](', ')', 'javascript:', 'JaVaScRiPt:', 'data:text/html,',
  'vbscript:', '<svg', '<iframe', '<script>', '</script>', '<a href=', '<form action=', '<input', ' formaction=', '<style>',
  '<link rel=stylesheet href=', '<meta http-equiv=refresh content=0;url=', '<base href=', '<object data=', '<embed',
  '<video', '<audio', '<source', '<math', '[r]: ', '[r]', '[x][r]', '![a][r]', 'http://127.0.0.2:8099/p?c=CANARY',
  'https://example.org/a', 'www.example.com', '<https://x.example>', '\n', '\n\n', '    ', '> ', '- ', '1. ', '* ', '`',
  '```', '~~', '**', '_', '|', '|-|', '[^1]', '[^1]: ', '&lt;', '&#x3C;img', '&amp;', '\\', ' style=', 'color:red',
  '\u202E', '\u200B', 'раураl.com', 'xn--80ak6aa92e.com', ' ', '"', "'", '=',
];

const attackText = fc.array(fc.constantFrom(...ATTACK_FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 200 }), attackText);

describe('SafeMarkdown properties', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('never produces a forbidden element or attribute from arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(violations(renderMarkdown(text))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never produces a forbidden element or attribute from attack-shaped text', () => {
    fc.assert(
      fc.property(attackText, (text) => {
        expect(violations(renderMarkdown(text))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('verbatim mode renders exactly the text, as one text node', () => {
    fc.assert(
      fc.property(anyText.filter((text) => !/[\u202A-\u202E\u2066-\u2069]/.test(text)), (text) => {
        const container = renderMarkdown(text, { verbatim: true });
        expect(violations(container)).toEqual([]);
        expect(container.textContent).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same text renders the same HTML', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(renderMarkdown(text).innerHTML).toBe(renderMarkdown(text).innerHTML);
      }),
      { numRuns: 200 },
    );
  });

  it('renders a streamed text, once complete, as it renders the same text at once', () => {
    fc.assert(
      fc.property(attackText, fc.integer({ min: 1, max: 5 }), (text, pieces) => {
        // Growing text through the same mounted component must not leave stale blocks behind.
        const step = Math.max(1, Math.ceil(text.length / pieces));
        const container = document.createElement('div');
        let shown = '';
        for (let end = step; end < text.length + step; end += step) {
          shown = text.slice(0, end);
          renderInto(container, shown);
        }
        renderInto(container, text);
        expect(container.innerHTML).toBe(renderMarkdown(text).innerHTML);
      }),
      { numRuns: 150 },
    );
  });
});

function renderInto(container: HTMLElement, text: string) {
  render(<SafeMarkdown text={text} openLink={() => undefined} />, container);
}
