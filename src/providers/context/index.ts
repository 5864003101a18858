export { fitTranscriptToContext, trimOldestToFit, RESERVED_TOKENS, TOKENS_PER_PROMPT_MESSAGE } from './budget';
export type { TranscriptBudget, TranscriptBudgetInput, TrimResult } from './budget';
export { contextWindowFor, knownContextWindow, DEFAULT_CONTEXT_WINDOW_TOKENS } from './context-windows';
export { countTokens, tokenizerMargin, type TokenCounter } from './token-count';
