/**
 * Whether a message shows WhatsApp's "Edited" mark. The mark is a label beside the time, in the bubble's
 * last block (after the metadata element that holds the text), so it is looked for there only: the message
 * text is never searched, and a message that just says "Edited" is not taken for an edited one. Only rows
 * with metadata can carry it (text and captions are what can be edited).
 *
 * Asked only about rows where the pane-wide pass (sparse-features.ts) saw a span reading a known label, so
 * this decides where that span sits: beside the time, or anywhere else (a quote, a caption, a card).
 */
import { EDITED_TEXTS } from './locale-labels';
import { EDITED_LABEL } from './selectors';
import { collapseWhitespace, readVisibleText } from './text';
import type { TierLog } from './tier-log';

/** Whether `label` reads exactly "Edited" in a known language (locale-labels.ts). */
export function readsEdited(label: Element): boolean {
  const text = readVisibleText(label);
  // Most spans asked are times (2026-08 draws each message's time in a span of the label's shape): a label never
  // starts with a digit, so those are passed over without tidying their text.
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  return EDITED_TEXTS.has(collapseWhitespace(text));
}

export function isEdited(metadataElement: Element, log: TierLog): boolean {
  const timeBlock = metadataElement.parentElement?.lastElementChild;
  if (!timeBlock || timeBlock === metadataElement || timeBlock.contains(metadataElement)) return false;
  for (const label of timeBlock.querySelectorAll(EDITED_LABEL)) {
    if (readsEdited(label)) {
      log.record('editedMark', 1);
      return true;
    }
  }
  return false;
}
