/**
 * Splits an answer into pieces shaped like model tokens: a word with its leading space, long words cut
 * every few characters. Code-point aware, so no piece holds half a surrogate pair, but a grapheme
 * (an emoji with a skin tone, a ZWJ family) may span two pieces, as it does with real tokenizers.
 * Joining the pieces gives back the text exactly.
 */
const TOKEN_LIKE = /\s*\S{1,4}|\s+/gu;

export function splitIntoTokenPieces(text: string): string[] {
  return text.match(TOKEN_LIKE) ?? [];
}
