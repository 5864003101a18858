/** Helpers for the renderer's tests: render to a detached container and audit what came out. Test-only. */
import { render } from 'preact';
import { beforeAll } from 'vitest';
import { loadMarkdownParser } from './markdown-loader';
import { SafeMarkdown } from './SafeMarkdown';

// The parser loads lazily in the product; tests render with it already there.
beforeAll(() => loadMarkdownParser());
import type { LinkOpener } from './SafeLink';

/** Elements that must never come out of text, whatever it says. */
export const FORBIDDEN_ELEMENTS = [
  'img', 'iframe', 'frame', 'frameset', 'object', 'embed', 'video', 'audio', 'source', 'track', 'picture', 'svg',
  'math', 'link', 'meta', 'style', 'form', 'input', 'base', 'script', 'a', 'area', 'image', 'portal', 'template',
  'textarea', 'select',
];

/** The only attributes the renderer sets. Anything else came from somewhere it should not have. */
const ALLOWED_ATTRIBUTES = new Set(['class', 'type', 'data-testid', 'aria-expanded', 'aria-haspopup', 'aria-label', 'role', 'start', 'title']);

export function renderMarkdown(text: string, options: { verbatim?: boolean; openLink?: LinkOpener } = {}): HTMLElement {
  const container = document.createElement('div');
  render(<SafeMarkdown text={text} verbatim={options.verbatim} openLink={options.openLink ?? (() => undefined)} />, container);
  return container;
}

/** Every way the rendered DOM breaks the renderer's promise, in words; empty when it keeps it. */
export function violations(container: Element): string[] {
  const problems: string[] = [];
  for (const element of container.querySelectorAll('*')) {
    const name = element.localName;
    if (FORBIDDEN_ELEMENTS.includes(name)) problems.push(`<${name}> element`);
    for (const attribute of element.getAttributeNames()) {
      if (!ALLOWED_ATTRIBUTES.has(attribute)) problems.push(`${attribute} attribute on <${name}>`);
    }
    if (name === 'button' && element.getAttribute('type') !== 'button') problems.push('button that could submit');
  }
  return problems;
}
