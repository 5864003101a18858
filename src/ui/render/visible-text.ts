/**
 * Text as the user should see it. Bidi overrides and isolates can reorder what is displayed, so that
 * `moc.elgoog//:sptth` reads as a trusted address; they become visible markers. In URLs every invisible
 * character does (a URL has no business holding one).
 */
import { neutralizeInvisible } from '../../assistant/prompt/neutralize';

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function visibleText(text: string): string {
  return text.replace(BIDI_CONTROLS, (character) => `[U+${character.codePointAt(0)!.toString(16).toUpperCase()}]`);
}

export function visibleUrl(url: string): string {
  return neutralizeInvisible(url).text;
}
