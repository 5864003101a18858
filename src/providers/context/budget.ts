/**
 * Fits a chat into a model's context window by leaving out its oldest messages, and says how many it
 * left out so the prompt and the UI can mention it. Pure: the token counter is passed in.
 */
import type { ProviderKind } from '../../shared/settings';
import { contextWindowFor } from './context-windows';
import { countTokens, tokenizerMargin, type TokenCounter } from './token-count';

/** Role markers and separators each chat message costs beyond its text, in OpenAI's chat format. */
export const TOKENS_PER_PROMPT_MESSAGE = 4;

/**
 * Kept free besides the answer: the counts are approximations, and some servers add their own
 * template text (chat templates, a default system prompt).
 */
export const RESERVED_TOKENS = 256;

export interface TrimResult<T> {
  /** The newest items that fit, oldest first. */
  kept: T[];
  /** How many of the oldest items were left out. */
  dropped: number;
  /** Tokens the kept items cost. */
  usedTokens: number;
  /**
   * False when even the newest item alone exceeds the budget; it is kept anyway (a reply needs the
   * last message), and the provider's own error will say the prompt is too long.
   */
  fits: boolean;
}

/**
 * Keeps the newest items whose costs add up to at most `budgetTokens`, dropping the oldest.
 * Stops counting at the first item that does not fit, so a 2,000-message chat costs only the
 * messages that are kept. Items are oldest first, as a chat reads.
 */
export function trimOldestToFit<T>(items: readonly T[], budgetTokens: number, tokensOf: (item: T) => number): TrimResult<T> {
  let usedTokens = 0;
  let firstKept = items.length;
  for (let index = items.length - 1; index >= 0; index--) {
    const cost = tokensOf(items[index]!);
    if (usedTokens + cost > budgetTokens) break;
    usedTokens += cost;
    firstKept = index;
  }
  if (firstKept === items.length && items.length > 0) {
    const newest = items[items.length - 1]!;
    return { kept: [newest], dropped: items.length - 1, usedTokens: tokensOf(newest), fits: false };
  }
  return { kept: items.slice(firstKept), dropped: firstKept, usedTokens, fits: true };
}

export interface TranscriptBudgetInput<T> {
  kind: ProviderKind;
  model: string;
  /** The user's setting for this assistant, when there is one (Ollama's num_ctx). */
  contextWindowTokens?: number;
  /** The answer's cap (StreamOptions.maxOutputTokens): kept free for the answer. */
  maxOutputTokens: number;
  /** Every prompt message text sent whatever the chat (system prompt, instructions, framing); each costs its role markers too. */
  fixedTexts: readonly string[];
  /** The chat's messages, oldest first. */
  messages: readonly T[];
  /** The text a message becomes in the prompt (as rendered, markers included). */
  textOf(message: T): string;
  /** Defaults to the cl100k counter; see token-count.ts on why it is an approximation. */
  countTokens?: TokenCounter;
}

export interface TranscriptBudget<T> extends TrimResult<T> {
  contextWindowTokens: number;
  /** Tokens left for the chat's messages after the fixed texts, the answer and the reserve. */
  budgetTokens: number;
}

/**
 * The chat's newest messages that fit the model's window together with the fixed prompt texts and
 * the answer, and how many of the oldest were dropped. For the task runner, before building the prompt.
 */
export function fitTranscriptToContext<T>(input: TranscriptBudgetInput<T>): TranscriptBudget<T> {
  const count = input.countTokens ?? countTokens;
  const margin = tokenizerMargin(input.kind, input.model);
  const tokensOf = (text: string) => Math.ceil(count(text) * margin);
  const contextWindowTokens = contextWindowFor(input);
  const fixedTokens = input.fixedTexts.reduce((total, text) => total + tokensOf(text) + TOKENS_PER_PROMPT_MESSAGE, 0);
  const budgetTokens = Math.max(0, contextWindowTokens - input.maxOutputTokens - RESERVED_TOKENS - fixedTokens);
  // One more token a message for the line break that joins it to the next.
  const trimmed = trimOldestToFit(input.messages, budgetTokens, (message) => tokensOf(input.textOf(message)) + 1);
  return { ...trimmed, contextWindowTokens, budgetTokens };
}
