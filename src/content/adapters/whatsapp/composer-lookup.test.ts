import { describe, expect, it } from 'vitest';
import { findComposer } from './composer-lookup';
import { renderWhatsAppPage } from './fixtures/render-chat';
import { parseHtml } from './testing/load-fixture';

const page = () => parseHtml(renderWhatsAppPage({ title: 'Jo', isGroup: false, messages: [{ direction: 'in', text: 'hi' }] }));

describe('findComposer', () => {
  it('finds the Lexical composer under #main footer with the first tier', () => {
    const match = findComposer(page());
    expect(match?.element.id).toBe('composer-root');
    expect(match?.tier).toBe(1);
  });

  it('falls back tier by tier as the hooks go away', () => {
    const doc = page();
    const composer = doc.getElementById('composer-root')!;
    composer.removeAttribute('data-lexical-editor');
    expect(findComposer(doc)).toMatchObject({ element: composer, tier: 2 });
    composer.parentElement!.classList.remove('lexical-rich-text-input');
    expect(findComposer(doc)).toMatchObject({ element: composer, tier: 3 });
    composer.removeAttribute('data-tab');
    expect(findComposer(doc)).toBeNull();
  });

  it('finds a footer nested deeper than #main\'s children', () => {
    const doc = page();
    const footer = doc.querySelector('#main > footer')!;
    const wrapper = doc.createElement('div');
    footer.replaceWith(wrapper);
    wrapper.append(footer);
    expect(findComposer(doc)?.element.id).toBe('composer-root');
  });

  it('never returns an editable outside #main footer', () => {
    const doc = page();
    doc.querySelector('#main > footer')!.remove();
    expect(findComposer(doc)).toBeNull();
    expect(findComposer(parseHtml('<div contenteditable="true" data-lexical-editor="true" data-tab="10"></div>'))).toBeNull();
  });
});
