// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isOriginAllowedByOllama } from './origin-check';
import { splitIntoTokenPieces } from './token-pieces';

describe('splitIntoTokenPieces', () => {
  it('joins back to the exact text, for any Unicode, markdown or HTML', () => {
    for (const text of ['', ' ', 'Hello, world!', '**bold**\n\n- item\n<script>x</script>', '👨‍👩‍👧 e\u0301 日本語テキスト\u200b\u202e', '  lead and trail  ']) {
      expect(splitIntoTokenPieces(text).join('')).toBe(text);
    }
  });

  it('never splits a surrogate pair', () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const piece of splitIntoTokenPieces('😀😀😀😀😀😀😀😀😀')) expect(piece).not.toMatch(loneSurrogate);
  });
});

describe('isOriginAllowedByOllama', () => {
  it('allows Ollama’s defaults and configured entries, with one * wildcard', () => {
    expect(isOriginAllowedByOllama('http://localhost:3000', [])).toBe(true);
    expect(isOriginAllowedByOllama('chrome-extension://abc', [])).toBe(false);
    expect(isOriginAllowedByOllama('chrome-extension://abc', ['chrome-extension://abc'])).toBe(true);
    expect(isOriginAllowedByOllama('moz-extension://1234-uuid', ['chrome-extension://*', 'moz-extension://*'])).toBe(true);
    expect(isOriginAllowedByOllama('https://evil.test', ['chrome-extension://*'])).toBe(false);
  });
});
