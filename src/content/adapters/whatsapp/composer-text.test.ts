import { describe, expect, it } from 'vitest';
import { readComposerText, sameDraftText } from './composer-text';

function composer(html: string): Element {
  const element = document.createElement('div');
  element.setAttribute('contenteditable', 'true');
  element.innerHTML = html;
  return element;
}

const p = (inner: string) => `<p class="selectable-text copyable-text" dir="ltr">${inner}</p>`;
const span = (text: string) => `<span data-lexical-text="true">${text}</span>`;

describe('readComposerText', () => {
  it.each([
    ['an empty Lexical editor', p('<br>'), ''],
    ['one paragraph', p(span('Hello')), 'Hello'],
    ['paragraphs, one a line', p(span('one')) + p(span('two')), 'one\ntwo'],
    ['an empty paragraph between two', p(span('one')) + p('<br>') + p(span('three')), 'one\n\nthree'],
    ['line breaks inside a paragraph', p(`${span('a')}<br>${span('b')}`), 'a\nb'],
    ['a paragraph ending in a line break (plus the caret <br>)', p(`${span('a')}<br><br>`), 'a\n'],
    ['trailing line breaks', p(`${span('See you at 8!')}<br><br><br><br>`), 'See you at 8!\n\n\n'],
    ['emoji images', p(`${span('ok ')}<img class="emoji" alt="👍" data-plain-text="👍">`), 'ok 👍'],
    ['bare text (no paragraphs)', 'plain', 'plain'],
    ['nested spans', p(`<span><strong>bold</strong> text</span>`), 'bold text'],
  ])('reads %s', (_name, html, expected) => {
    expect(readComposerText(composer(html))).toBe(expected);
  });
});

describe('sameDraftText', () => {
  it('treats no-break spaces as spaces and CRLF as LF', () => {
    expect(sameDraftText('a\u00a0b\nc', 'a b\r\nc')).toBe(true);
  });

  it('ignores trailing blank lines and spaces, nothing else', () => {
    expect(sameDraftText('See you at 8!', 'See you at 8!\n\n\n')).toBe(true);
    expect(sameDraftText(' lead', 'lead')).toBe(false);
    expect(sameDraftText('a\nb', 'ab')).toBe(false);
  });
});
