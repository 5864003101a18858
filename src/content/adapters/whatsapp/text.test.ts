import { describe, expect, it } from 'vitest';
import { collapseWhitespace, readVisibleText } from './text';

function element(html: string): Element {
  const container = document.createElement('div');
  container.innerHTML = html;
  return container.firstElementChild!;
}

describe('readVisibleText', () => {
  it('reads a single text node as is', () => {
    expect(readVisibleText(element('<span>  two  spaces </span>'))).toBe('  two  spaces ');
  });

  it('reads emoji images as their alt text', () => {
    expect(readVisibleText(element('<span>thanks <img class="emoji" alt="🙏🏽" data-plain-text="🙏🏽"> all</span>'))).toBe(
      'thanks 🙏🏽 all',
    );
  });

  it('turns <br> into a line break and keeps newlines in text', () => {
    expect(readVisibleText(element('<span>one<br>two\nthree</span>'))).toBe('one\ntwo\nthree');
  });

  it('drops icon ligatures, scripts and styles', () => {
    expect(
      readVisibleText(element('<span><span data-icon="forward-refreshed">forward-refreshed</span>hi<style>p{}</style><script>x</script></span>')),
    ).toBe('hi');
  });

  it('reads links as their text', () => {
    expect(readVisibleText(element('<span>see <a href="https://example.org/">https://example.org/</a></span>'))).toBe(
      'see https://example.org/',
    );
  });
});

describe('collapseWhitespace', () => {
  it('makes one line with single spaces', () => {
    expect(collapseWhitespace(' ~\u00a0Ravi \n Kumar\u202f')).toBe('~ Ravi Kumar');
  });

  it.each([
    ['Ana Souza', 'Ana Souza'],
    ['', ''],
    ['Ana  Souza', 'Ana Souza'],
    ['Ana\tSouza', 'Ana Souza'],
    ['Ana Souza ', 'Ana Souza'],
    [' Ana', 'Ana'],
    ['Ana\u2003Souza', 'Ana Souza'],
    ['Ana\u3000Souza\ufeff', 'Ana Souza'],
    ['José Ñúñez 🙂', 'José Ñúñez 🙂'],
  ])('tidies %j to %j', (text, expected) => {
    expect(collapseWhitespace(text)).toBe(expected);
  });
});
