/**
 * Counts tokens with gpt-tokenizer's cl100k_base encoding (GPT-4's). For every other model this is an
 * approximation: Claude, Gemini, Llama, Mistral and Qwen each have their own tokenizer, and none is
 * available offline in a form this small. cl100k was chosen over o200k (GPT-4o's) because it is half
 * the size and, for most languages, counts a little higher than o200k, which errs on the safe side
 * for OpenAI's current models; for the other families a safety margin is added on top (see
 * `tokenizerMargin`).
 *
 * The encoding's tables (~1.2 MB of JS) are imported statically: an extension service worker may not
 * use dynamic import(), and counting only happens in the background.
 */
import { countTokens as countCl100kTokens } from 'gpt-tokenizer/encoding/cl100k_base';
import type { ProviderKind } from '../../shared/settings';

/** Counts the tokens of a text; injectable so tests and other callers can use their own. */
export type TokenCounter = (text: string) => number;

/**
 * Chat text is untrusted: a message that contains "<|endoftext|>" must be counted as text, not
 * rejected (the library throws on special tokens unless told otherwise).
 */
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

export const countTokens: TokenCounter = (text) => (text === '' ? 0 : countCl100kTokens(text, AS_PLAIN_TEXT));

/**
 * How much to scale a cl100k count for a provider's own tokenizer. Claude's and Llama-family
 * tokenizers produce up to about a fifth more tokens than cl100k for the same text, more for code
 * and non-Latin scripts; OpenAI's own models need no margin.
 */
export function tokenizerMargin(kind: ProviderKind, model: string): number {
  if (kind === 'openai' || /^(openai\/)?(gpt-|o[134]\b|chatgpt)/i.test(model.trim())) return 1;
  return 1.2;
}
