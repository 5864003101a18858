/**
 * Makes a task's prompt fit the model it goes to: the chat's newest messages are kept and the oldest
 * left out until the whole prompt (system text, instructions, transcript) plus the answer's room fits the
 * model's context window, and the user is told how many fit. Without this a long chat sent to a small
 * local model fails with "context too long", or worse, the server silently cuts the start of the prompt
 * (Ollama does), which is where the rules that mark messages as data are.
 *
 * It wraps a task's own builder and never changes what a prompt says; it only chooses how many of the
 * newest messages the builder sees. Each task's own character budget still applies on top.
 */
import { wording, type WordedText } from '../../shared/wording';
import type { Conversation } from '../../shared/conversation';
import {
  contextWindowFor,
  countTokens,
  RESERVED_TOKENS,
  tokenizerMargin,
  TOKENS_PER_PROMPT_MESSAGE,
  type TokenCounter,
} from '../../providers/context';
import type { BuiltPrompt, ContextLimit, PromptOptions } from './types';

type PromptBuilder = (conversation: Conversation, options: PromptOptions) => BuiltPrompt;

export interface FitOptions {
  /** The answer's cap for the task (its maxOutputTokens): kept free in the window. */
  maxOutputTokens: number;
  /** Defaults to the calibrated estimate (providers/context/estimate-tokens.ts). */
  countTokens?: TokenCounter;
}

/** What a prompt costs the model, with each message's role markers. */
export function promptTokens(prompt: BuiltPrompt, limit: ContextLimit, count: TokenCounter = countTokens): number {
  const margin = tokenizerMargin(limit.kind, limit.model);
  return prompt.messages.reduce((total, message) => total + Math.ceil(count(message.content) * margin) + TOKENS_PER_PROMPT_MESSAGE, 0);
}

/** Tokens the prompt may use in `limit`'s window once the answer and a reserve are set aside. */
export function promptBudget(limit: ContextLimit, maxOutputTokens: number): number {
  return Math.max(0, contextWindowFor(limit) - maxOutputTokens - RESERVED_TOKENS);
}

/** "Only the last 120 of 400 messages fit this model’s context." */
export function contextNotice(kept: number, total: number): WordedText {
  if (kept <= 1) return wording('error_noticeContextNewestOnly', total);
  return wording('error_noticeContextKept', kept, total);
}

/**
 * `build` as it would run, but with as many of the newest messages as fit `options.context`'s window
 * (all of them when it fits, or when no context is given). Keeps at least the newest message: a reply
 * needs it, and if even that is too long the provider says so in its own error (kind `context`).
 */
export function fitToContext(build: PromptBuilder, fit: FitOptions): (conversation: Conversation, options: PromptOptions) => BuiltPrompt {
  return (conversation, options) => {
    const full = build(conversation, options);
    const limit = options.context;
    if (!limit) return full;
    const count = fit.countTokens ?? countTokens;
    const budget = promptBudget(limit, fit.maxOutputTokens);
    const fits = (prompt: BuiltPrompt) => promptTokens(prompt, limit, count) <= budget;
    if (fits(full)) return full;

    const total = conversation.messages.length;
    // Nothing older to leave out: the provider's own "too long" error (kind context) will say what to do.
    if (total <= 1) return full;
    const newest = (kept: number) => build({ ...conversation, messages: conversation.messages.slice(total - kept) }, options);
    // The most messages that fit: a prompt only grows with more messages, so halve the range each time.
    let low = 1;
    let high = total - 1;
    let best = newest(1);
    let bestKept = 1;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const candidate = newest(middle);
      if (fits(candidate)) {
        best = candidate;
        bestKept = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return {
      ...best,
      omittedMessages: best.omittedMessages + (total - bestKept),
      contextNotice: contextNotice(bestKept, total),
    };
  };
}
