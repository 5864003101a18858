import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPOSER_GONE, COMPOSER_NOT_FOUND, COMPOSER_REJECTED, EMPTY_DRAFT, insertDraft } from './composer';
import { findComposer as findComposerMatch } from './composer-lookup';
import { readComposerText } from './composer-text';
import { renderWhatsAppChat } from './fixtures/render-chat';

const FAST = { settleTimeoutMs: 20 };

/** What a Lexical editor does with inserted text, enough to read back: one paragraph, <br> per line break. */
function renderLikeLexical(composer: Element, text: string): void {
  const lines = text.split('\n');
  const paragraph = composer.ownerDocument.createElement('p');
  lines.forEach((line, index) => {
    if (index > 0) paragraph.append(composer.ownerDocument.createElement('br'));
    if (line) {
      const span = composer.ownerDocument.createElement('span');
      span.setAttribute('data-lexical-text', 'true');
      span.textContent = line;
      paragraph.append(span);
    }
  });
  // Lexical's caret placeholder after a trailing line break, or in an empty paragraph.
  if (text.endsWith('\n') || text === '') paragraph.append(composer.ownerDocument.createElement('br'));
  composer.replaceChildren(paragraph);
}

type Method = 'paste' | 'execCommand' | 'beforeinput';

/** Makes the fixture composer accept only the given methods, as a stand-in for Lexical; records attempts. */
function installEditor(doc: Document, accepts: Method[]) {
  const composer = findComposer(doc)!;
  const attempts: Method[] = [];
  composer.addEventListener('paste', (event) => {
    attempts.push('paste');
    event.preventDefault();
    if (accepts.includes('paste')) renderLikeLexical(composer, (event as ClipboardEvent).clipboardData!.getData('text/plain'));
  });
  composer.addEventListener('beforeinput', (event) => {
    const input = event as InputEvent;
    if (input.inputType !== 'insertReplacementText') return;
    attempts.push('beforeinput');
    event.preventDefault();
    if (accepts.includes('beforeinput')) renderLikeLexical(composer, input.dataTransfer?.getData('text/plain') ?? input.data ?? '');
  });
  // happy-dom has no execCommand; the browser's acts on the focused editable.
  (doc as { execCommand: Document['execCommand'] }).execCommand = (command: string, _ui?: boolean, value?: string) => {
    attempts.push('execCommand');
    if (command !== 'insertText' || doc.activeElement !== composer || !accepts.includes('execCommand')) return false;
    renderLikeLexical(composer, value ?? '');
    return true;
  };
  return { composer, attempts };
}

const findComposer = (doc: Document) => findComposerMatch(doc)?.element ?? null;

let doc: Document;
const forbidden: string[] = [];

beforeEach(() => {
  document.body.innerHTML = renderWhatsAppChat({
    title: 'Jo',
    isGroup: false,
    messages: [{ direction: 'in', text: 'hi' }],
  });
  doc = document;
  forbidden.length = 0;
  for (const type of ['keydown', 'keypress', 'keyup', 'click', 'submit']) {
    doc.addEventListener(type, (event) => forbidden.push(`${type} on ${(event.target as Element).outerHTML.slice(0, 40)}`), true);
  }
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('insertDraft', () => {
  it('refuses, in words, when there is no composer', async () => {
    doc.querySelector('#main footer')!.remove();
    expect(await insertDraft(doc, 'hello', FAST)).toEqual({ ok: false, error: COMPOSER_NOT_FOUND });
  });

  it('writes only into the composer under #main footer, never the search box or other editables', async () => {
    doc.querySelector('#main header')!.insertAdjacentHTML(
      'afterend',
      '<div id="decoy" contenteditable="true" data-lexical-editor="true" data-tab="10"></div>',
    );
    const { composer } = installEditor(doc, ['execCommand']);
    expect(composer.closest('#main footer')).not.toBeNull();
    await insertDraft(doc, 'hello', FAST);
    expect(readComposerText(composer)).toBe('hello');
    expect(doc.querySelector('#side [contenteditable]')!.innerHTML).toBe('');
    expect(doc.querySelector('#decoy')!.innerHTML).toBe('');
  });

  it('refuses an empty draft', async () => {
    expect(await insertDraft(doc, '', FAST)).toEqual({ ok: false, error: EMPTY_DRAFT });
  });

  it('inserts a single line with execCommand first', async () => {
    const { composer, attempts } = installEditor(doc, ['execCommand', 'paste', 'beforeinput']);
    expect(await insertDraft(doc, 'See you at 8', FAST)).toEqual({ ok: true, method: 'execCommand' });
    expect(attempts).toEqual(['execCommand']);
    expect(readComposerText(composer)).toBe('See you at 8');
  });

  it('pastes a multi-line draft first, keeping its lines', async () => {
    const { composer, attempts } = installEditor(doc, ['execCommand', 'paste', 'beforeinput']);
    expect(await insertDraft(doc, 'Yes!\nSee you at 8', FAST)).toEqual({ ok: true, method: 'paste' });
    expect(attempts).toEqual(['paste']);
    expect(readComposerText(composer)).toBe('Yes!\nSee you at 8');
  });

  it('replaces the draft the user had started', async () => {
    const { composer } = installEditor(doc, ['execCommand']);
    renderLikeLexical(composer, 'half-typed');
    await insertDraft(doc, 'Complete reply', FAST);
    expect(readComposerText(composer)).toBe('Complete reply');
    expect(doc.getSelection()?.anchorNode && composer.contains(doc.getSelection()!.anchorNode)).toBe(true);
  });

  it('falls back to the other method, then to beforeinput', async () => {
    const paste = installEditor(doc, ['paste']);
    expect(await insertDraft(doc, 'one line', FAST)).toEqual({ ok: true, method: 'paste' });
    expect(paste.attempts).toEqual(['execCommand', 'paste']);
  });

  it('uses beforeinput only when neither landed', async () => {
    const { attempts } = installEditor(doc, ['beforeinput']);
    expect(await insertDraft(doc, 'a\nb', FAST)).toEqual({ ok: true, method: 'beforeinput' });
    expect(attempts).toEqual(['paste', 'execCommand', 'beforeinput']);
  });

  it('says so when nothing worked', async () => {
    const { attempts } = installEditor(doc, []);
    expect(await insertDraft(doc, 'hello', FAST)).toEqual({ ok: false, error: COMPOSER_REJECTED });
    expect(attempts).toEqual(['execCommand', 'paste', 'beforeinput']);
  });

  it('stops when the composer goes away (the user switched chats)', async () => {
    const { composer } = installEditor(doc, []);
    composer.addEventListener('paste', () => composer.closest('footer')!.remove());
    expect(await insertDraft(doc, 'hello', FAST)).toEqual({ ok: false, error: COMPOSER_GONE });
  });

  it('accepts text that shows a little differently (no-break spaces, trailing newlines)', async () => {
    const { composer } = installEditor(doc, []);
    composer.addEventListener('paste', (event) => {
      renderLikeLexical(composer, (event as ClipboardEvent).clipboardData!.getData('text/plain').trimEnd().replace(/ /g, '\u00a0'));
    });
    expect(await insertDraft(doc, 'See you at 8!\n\n\n', FAST)).toEqual({ ok: true, method: 'paste' });
  });

  it('never presses a key, clicks, or touches the Send button', async () => {
    const send = doc.querySelector('#main footer button[aria-label="Send"]') as HTMLButtonElement;
    let sendClicks = 0;
    send.addEventListener('click', () => sendClicks++);
    installEditor(doc, ['paste']);
    await insertDraft(doc, 'line one\nline two\n', FAST);
    installEditor(doc, []);
    await insertDraft(doc, 'no luck', FAST);
    expect(sendClicks).toBe(0);
    expect(forbidden).toEqual([]);
  });

  it('waits for an editor that updates after a tick, as Lexical does', async () => {
    const composer = findComposer(doc)!;
    composer.addEventListener('paste', (event) => {
      const text = (event as ClipboardEvent).clipboardData!.getData('text/plain');
      queueMicrotask(() => setTimeout(() => renderLikeLexical(composer, text), 5));
    });
    expect(await insertDraft(doc, 'a\nb', { settleTimeoutMs: 200 })).toEqual({ ok: true, method: 'paste' });
  });
});
