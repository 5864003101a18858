/**
 * Puts a draft into WhatsApp's composer (a Lexical editor), replacing what is there, and checks that it
 * landed. Never sends: no Enter, no keydown of any kind, no click, and the Send button is never looked up.
 *
 * Lexical ignores DOM edits it did not make, so the text goes in through events Lexical handles itself
 * (shared/research/messenger-dom.md §2):
 * - paste: a synthetic ClipboardEvent carrying text/plain; keeps line breaks as line breaks, so it goes
 *   first for multi-line drafts;
 * - execCommand('insertText'): the browser's own editing path, which Lexical's tests accept; first for
 *   single-line drafts;
 * - beforeinput insertReplacementText: the last resort.
 * After each, the composer is read back; the next method runs only if the draft did not land.
 */
import type { InsertResult } from '../../../shared/conversation';
import { readComposerText, sameDraftText } from './composer-text';
import { findComposer } from './composer-lookup';

type InsertMethod = NonNullable<InsertResult['method']>;

export interface InsertOptions {
  /** How long to wait for the editor to show the draft after each attempt. */
  settleTimeoutMs?: number;
}

const DEFAULT_SETTLE_TIMEOUT_MS = 300;

export const COMPOSER_NOT_FOUND =
  'The WhatsApp message box was not found. Open the chat you want to reply in, then try again.';
export const COMPOSER_REJECTED =
  'WhatsApp did not accept the draft into its message box. Copy the suggestion and paste it yourself.';
export const COMPOSER_GONE = 'The chat changed while the draft was being inserted. Try again in the open chat.';
export const EMPTY_DRAFT = 'There is no text to insert.';

export async function insertDraft(doc: Document, text: string, options: InsertOptions = {}): Promise<InsertResult> {
  if (text.length === 0) return { ok: false, error: EMPTY_DRAFT };
  const composer = findComposer(doc)?.element;
  if (!composer) return { ok: false, error: COMPOSER_NOT_FOUND };
  const settleTimeoutMs = options.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS;
  const order: InsertMethod[] = text.includes('\n')
    ? ['paste', 'execCommand', 'beforeinput']
    : ['execCommand', 'paste', 'beforeinput'];

  for (const method of order) {
    if (!composer.isConnected) return { ok: false, error: COMPOSER_GONE };
    await selectAllOf(doc, composer);
    if (!INSERTERS[method](doc, composer, text)) continue;
    if (await waitForText(composer, text, settleTimeoutMs)) return { ok: true, method };
  }
  return { ok: false, error: composer.isConnected ? COMPOSER_REJECTED : COMPOSER_GONE };
}

/** Focus, then select everything, so the insert replaces the user's half-typed draft rather than adding to it. */
async function selectAllOf(doc: Document, composer: HTMLElement): Promise<void> {
  composer.focus();
  const selection = doc.getSelection();
  if (selection) {
    const range = doc.createRange();
    range.selectNodeContents(composer);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  // Lexical keeps its own selection and syncs it on selectionchange: insert before that and the text lands
  // at the old caret (Automattic/harper #2559).
  await nextTask();
}

/** Each returns false when this browser cannot even attempt the method. */
const INSERTERS: Record<InsertMethod, (doc: Document, composer: HTMLElement, text: string) => boolean> = {
  execCommand(doc, _composer, text) {
    if (typeof doc.execCommand !== 'function') return false;
    try {
      return doc.execCommand('insertText', false, text);
    } catch {
      return false;
    }
  },
  paste(doc, composer, text) {
    const view = doc.defaultView;
    if (!view || typeof view.DataTransfer !== 'function' || typeof view.ClipboardEvent !== 'function') return false;
    const data = new view.DataTransfer();
    data.setData('text/plain', text);
    composer.dispatchEvent(new view.ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data }));
    return true;
  },
  beforeinput(doc, composer, text) {
    const view = doc.defaultView;
    if (!view || typeof view.InputEvent !== 'function') return false;
    let data: DataTransfer | null = null;
    if (typeof view.DataTransfer === 'function') {
      data = new view.DataTransfer();
      data.setData('text/plain', text);
    }
    composer.dispatchEvent(
      new view.InputEvent('beforeinput', {
        bubbles: true,
        cancelable: true,
        inputType: 'insertReplacementText',
        data: text,
        dataTransfer: data,
      }),
    );
    return true;
  },
};

/** Resolves true as soon as the composer reads as `text`, false after `timeoutMs`. */
function waitForText(composer: HTMLElement, text: string, timeoutMs: number): Promise<boolean> {
  if (sameDraftText(readComposerText(composer), text)) return Promise.resolve(true);
  const view = composer.ownerDocument.defaultView;
  return new Promise((resolve) => {
    let observer: MutationObserver | null = null;
    const finish = (landed: boolean) => {
      observer?.disconnect();
      clearTimeout(timer);
      resolve(landed);
    };
    const timer = setTimeout(() => finish(sameDraftText(readComposerText(composer), text)), timeoutMs);
    if (view && typeof view.MutationObserver === 'function') {
      observer = new view.MutationObserver(() => {
        if (sameDraftText(readComposerText(composer), text)) finish(true);
      });
      observer.observe(composer, { childList: true, characterData: true, subtree: true });
    }
  });
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
