/**
 * Estimates how many tokens a text costs, without a tokenizer's tables. Why not a real tokenizer: the
 * smallest one that fits today's models (gpt-tokenizer's cl100k_base) is ~450 KB gzip, o200k ~1 MB, and
 * it would load into the service worker on every wake-up, while no other provider family's tokenizer
 * is available offline at all. Budgeting only needs a count that is rarely low and not wildly high.
 *
 * The text is split the way BPE tokenizers pre-split it (words with their leading space, digit groups,
 * punctuation runs, whitespace), and each piece is priced by its length and script. The weights were
 * calibrated against cl100k_base on chat text in 20 languages, emoji, URLs, numbers and code
 * (estimate-tokens.test.ts keeps that calibration honest): the estimate is at most 5% below cl100k for
 * every language's chat text, within 10% below it on odd strings (whitespace runs, symbols), and over a whole chat
 * (the WhatsApp fixtures) a little above it; see estimate-tokens.test.ts for the bounds.
 */

/** Pieces as BPE pre-tokenizers cut them; unicode-aware so every script splits into words. */
const PIECES = /[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+/gu;

/** Tokens per character for letters of scripts that BPE vocabularies cover thinly. */
function letterWeight(code: number): number {
  if (code < 0x80) return 0.25;
  if (code < 0x250) return 1.2; // Latin with accents
  if (code < 0x400) return 1.1; // Greek
  if (code < 0x530) return 0.7; // Cyrillic
  if (code < 0x600) return 1.1; // Armenian, Hebrew
  if (code < 0x900) return 0.8; // Arabic, Syriac, Thaana
  if (code < 0x1000) return 1.1; // Indic scripts, Thai, Lao, Tibetan: about one token a letter
  if (code >= 0x3040 && code < 0xa000) return 1.25; // kana, CJK ideographs
  if (code >= 0xac00 && code < 0xd7b0) return 1.5; // Hangul syllables
  return 1.5;
}

function wordTokens(word: string): number {
  let ascii = 0;
  let weighted = 0;
  // The leading space or mark a BPE word carries costs nothing of its own.
  const letters = /^\p{L}/u.test(word) ? word : word.slice(1);
  for (const character of letters) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) ascii++;
    else weighted += letterWeight(code);
  }
  // A short ASCII word, with its leading space, is usually one token; longer ones split every ~4 letters.
  // Mixed case inside a word (base64, ids, tokens in links) is not language and splits every ~2 letters.
  const caseChanges = letters.slice(1).match(/[a-z][A-Z]|[A-Z][a-z]/g)?.length ?? 0;
  const asciiTokens = ascii === 0 ? 0 : caseChanges > 1 ? Math.ceil(ascii / 2) : ascii <= 5 ? 1 : Math.ceil(ascii / (ascii > 8 ? 3 : 3.5));
  return Math.max(1, asciiTokens + Math.ceil(weighted));
}

function symbolTokens(piece: string): number {
  let total = 0;
  for (const character of piece) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) total += character === ' ' ? 0 : 1;
    else if (code < 0x800) total += 1;
    else if (code < 0x10000) total += 2; // marks such as ⟦ ⟧, arrows, symbols: 3 UTF-8 bytes
    else total += 3; // emoji and other astral characters: 4 bytes, rarely merged
  }
  return Math.max(1, total);
}

/**
 * Opaque strings (hashes, base64, ids in links): letters and digits mixed over 16 or more characters. They
 * tokenize at 1.3–1.8 characters a token, far from any word, so they are priced apart.
 */
const OPAQUE = /[A-Za-z0-9+/=_%-]{16,}/g;
const CHARACTERS_PER_OPAQUE_TOKEN = 1.3;

function isOpaque(run: string): boolean {
  return /\d/.test(run) && /[A-Za-z]/.test(run);
}

/** An estimate of the tokens `text` costs a BPE tokenizer; 0 for empty text. */
export function estimateTokens(text: string): number {
  let total = 0;
  const rest = text.replace(OPAQUE, (run) => {
    if (!isOpaque(run)) return run;
    total += Math.ceil(run.length / CHARACTERS_PER_OPAQUE_TOKEN);
    return ' ';
  });
  for (const [piece] of rest.matchAll(PIECES)) {
    if (/^\s+$/u.test(piece)) total += 1;
    else if (/^\p{N}+$/u.test(piece)) total += 1;
    else if (/\p{L}/u.test(piece)) total += wordTokens(piece);
    else total += symbolTokens(piece);
  }
  return total;
}
