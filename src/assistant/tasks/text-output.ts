/** Rules shared by the tasks whose answer the user reads (summary, translation, answer) rather than sends. */
import type { UserInput } from '../prompt/task-prompt';

/** The renderer shows Markdown as text only; asking for no images or HTML keeps the answer readable. */
export const outputFormatRule =
  'Write plain text; simple Markdown (bold, bullet lists) is fine. Never include images, HTML, or links that are not in the chat.';

export const LANGUAGE_LABEL = 'Language I read';

/** The language the user reads, as a marked input. */
export function languageInput(targetLanguage: string | undefined): UserInput[] {
  return targetLanguage?.trim() ? [{ label: LANGUAGE_LABEL, text: targetLanguage.trim() }] : [];
}

export function readerLanguageRule(hasLanguage: boolean): string {
  return hasLanguage
    ? `Write in the language named after “${LANGUAGE_LABEL}”.`
    : 'Write in the language of the chat.';
}

/** Tasks whose answer points at the messages it used: the transcript numbers them, the model cites them. */
export const citationRule =
  'Each message in the transcript starts with a reference such as [m3]. End every point of your answer with the references of the messages it comes from, in square brackets, e.g. [m3] or [m3][m7]. Cite only references that appear in the transcript; never invent one.';
