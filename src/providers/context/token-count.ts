/**
 * The token counter the context budget uses: the calibrated estimate of estimate-tokens.ts, scaled for
 * the provider family. No tokenizer library is bundled: cl100k_base alone adds ~450 KB gzip to the
 * service worker, o200k ~1 MB, and neither is any other family's tokenizer. gpt-tokenizer is used only
 * by the tests, as the reference the estimate is calibrated against.
 */
import type { ProviderKind } from '../../shared/settings';
import { estimateTokens } from './estimate-tokens';

/** Counts the tokens of a text; injectable so tests and other callers can use their own. */
export type TokenCounter = (text: string) => number;

/** Chat text is untrusted: "<|endoftext|>" in a message is counted as the text it is, never special. */
export const countTokens: TokenCounter = estimateTokens;

/**
 * How much to scale a cl100k-calibrated count for a provider's own tokenizer. Claude's and
 * Llama-family tokenizers produce up to about a fifth more tokens than cl100k for the same text, more
 * for code and non-Latin scripts; OpenAI's own models need no margin.
 */
export function tokenizerMargin(kind: ProviderKind, model: string): number {
  if (kind === 'openai' || /^(openai\/)?(gpt-|o[134]\b|chatgpt)/i.test(model.trim())) return 1;
  return 1.2;
}
