/**
 * Invisible characters let a message say one thing to the model and another to the user
 * (Unicode tag "ASCII smuggling", zero-width joiners, bidi overrides). Before prompting, each is
 * replaced by a visible marker naming its code point, so the model and the user see the same text.
 */
// Also blank-rendering letters that pass for spaces or nothing: the combining grapheme joiner, Hangul fillers
// (U+115F, U+1160, U+3164, U+FFA0: "empty" names and hidden text) and Khmer's invisible inherent vowels.
const INVISIBLE =
  /[\u{E0000}-\u{E007F}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u180E\u034F\u115F\u1160\u17B4\u17B5\u3164\uFFA0]/gu;

export function neutralizeInvisible(text: string): { text: string; replaced: number } {
  let replaced = 0;
  const visible = text.replace(INVISIBLE, (character) => {
    replaced += 1;
    const codePoint = character.codePointAt(0)!;
    return `[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`;
  });
  return { text: visible, replaced };
}
