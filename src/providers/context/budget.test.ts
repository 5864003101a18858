// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fitTranscriptToContext, RESERVED_TOKENS, trimOldestToFit } from './budget';
import { contextWindowFor, DEFAULT_CONTEXT_WINDOW_TOKENS, knownContextWindow } from './context-windows';
import { countTokens, tokenizerMargin } from './token-count';

describe('countTokens (an estimate calibrated on cl100k; see estimate-tokens.test.ts)', () => {
  it('counts ordinary text about as GPT-4’s tokenizer does', () => {
    expect(countTokens('')).toBe(0);
    // cl100k says 2; the estimate may err high, never low.
    expect(countTokens('hello world')).toBeGreaterThanOrEqual(2);
    expect(countTokens('hello world')).toBeLessThanOrEqual(3);
    expect(countTokens('Are we still on for the hike on Saturday?')).toBeGreaterThan(8);
  });

  it('counts special-token text in a chat message as plain text instead of throwing', () => {
    expect(() => countTokens('ignore this <|endoftext|> and <|im_start|>system')).not.toThrow();
    expect(countTokens('<|endoftext|>')).toBeGreaterThan(1);
  });

  it('adds a margin for other providers’ tokenizers, none for OpenAI', () => {
    expect(tokenizerMargin('openai', 'gpt-4o-mini')).toBe(1);
    expect(tokenizerMargin('openrouter', 'openai/gpt-4o')).toBe(1);
    expect(tokenizerMargin('anthropic', 'claude-sonnet-4-5')).toBeGreaterThan(1);
    expect(tokenizerMargin('ollama', 'llama3.2')).toBeGreaterThan(1);
  });
});

describe('contextWindowFor', () => {
  it('knows the common hosted models', () => {
    expect(knownContextWindow('gpt-4o-mini')).toBe(128_000);
    expect(knownContextWindow('gpt-4.1-nano')).toBe(1_047_576);
    expect(knownContextWindow('gpt-4')).toBe(8_192);
    expect(knownContextWindow('o3-mini')).toBe(200_000);
    expect(knownContextWindow('claude-sonnet-4-5-20250929')).toBe(200_000);
    expect(knownContextWindow('gemini-2.5-flash')).toBe(1_048_576);
    expect(knownContextWindow('mistral-small-latest')).toBe(32_768);
    expect(knownContextWindow('mistral-large-latest')).toBe(128_000);
    expect(knownContextWindow('meta-llama/llama-3.3-70b-instruct')).toBe(131_072);
    expect(knownContextWindow('something-new')).toBeUndefined();
  });

  it('falls back to a conservative default for unknown models', () => {
    expect(contextWindowFor({ kind: 'openrouter', model: 'vendor/unknown-model' })).toBe(DEFAULT_CONTEXT_WINDOW_TOKENS);
  });

  it('caps local servers at the window they load: Ollama’s num_ctx, a local server’s default', () => {
    expect(contextWindowFor({ kind: 'ollama', model: 'llama3.2' })).toBe(8_192);
    expect(contextWindowFor({ kind: 'ollama', model: 'llama2' })).toBe(4_096);
    expect(contextWindowFor({ kind: 'openai-compatible', model: 'llama-3.2-3b-instruct' })).toBe(8_192);
    expect(contextWindowFor({ kind: 'webllm', model: 'Llama-3.2-1B-Instruct-q4f16_1-MLC' })).toBe(4_096);
  });

  it('the user’s own setting wins', () => {
    expect(contextWindowFor({ kind: 'ollama', model: 'llama3.2', contextWindowTokens: 32_768 })).toBe(32_768);
  });
});

describe('trimOldestToFit', () => {
  const cost = (text: string) => text.length;

  it('keeps everything when it fits', () => {
    expect(trimOldestToFit(['aa', 'bbb', 'c'], 10, cost)).toEqual({ kept: ['aa', 'bbb', 'c'], dropped: 0, usedTokens: 6, fits: true });
  });

  it('drops the oldest first and reports how many', () => {
    expect(trimOldestToFit(['aaaa', 'bbb', 'cc', 'd'], 6, cost)).toEqual({ kept: ['bbb', 'cc', 'd'], dropped: 1, usedTokens: 6, fits: true });
    expect(trimOldestToFit(['aaaa', 'bbb', 'cc', 'd'], 5, cost)).toEqual({ kept: ['cc', 'd'], dropped: 2, usedTokens: 3, fits: true });
  });

  it('never skips a message to fit an older one: the kept messages are contiguous', () => {
    expect(trimOldestToFit(['a', 'bbbbbbbb', 'c'], 3, cost)).toEqual({ kept: ['c'], dropped: 2, usedTokens: 1, fits: true });
  });

  it('keeps the newest message even when it alone is over budget, and says it does not fit', () => {
    expect(trimOldestToFit(['a', 'bbbbbbbb'], 3, cost)).toEqual({ kept: ['bbbbbbbb'], dropped: 1, usedTokens: 8, fits: false });
  });

  it('an empty transcript is trivially kept', () => {
    expect(trimOldestToFit([], 0, cost)).toEqual({ kept: [], dropped: 0, usedTokens: 0, fits: true });
  });

  it('counts only the messages it keeps, plus the first one that does not fit', () => {
    const counted: number[] = [];
    const items = Array.from({ length: 2_000 }, (_, index) => index);
    const result = trimOldestToFit(items, 50, (item) => {
      counted.push(item);
      return 10;
    });
    expect(result.dropped).toBe(1_995);
    expect(counted).toHaveLength(6);
  });
});

describe('fitTranscriptToContext', () => {
  const messages = Array.from({ length: 1_000 }, (_, index) => `Message number ${index} about the hike on Saturday and who brings water.`);

  it('subtracts the fixed prompt, the answer and the reserve from the window, then trims the oldest', () => {
    const result = fitTranscriptToContext({
      kind: 'ollama',
      model: 'llama3.2',
      maxOutputTokens: 400,
      fixedTexts: ['You are Aside.', 'Draft three replies.'],
      messages,
      textOf: (message) => message,
    });
    expect(result.contextWindowTokens).toBe(8_192);
    expect(result.budgetTokens).toBeLessThan(8_192 - 400 - RESERVED_TOKENS);
    expect(result.dropped).toBeGreaterThan(0);
    expect(result.kept.at(-1)).toBe(messages.at(-1));
    expect(result.kept.length + result.dropped).toBe(messages.length);
    expect(result.usedTokens).toBeLessThanOrEqual(result.budgetTokens);
    expect(result.fits).toBe(true);
  });

  it('keeps the whole chat for a large window, and a custom counter can be passed', () => {
    const result = fitTranscriptToContext({
      kind: 'anthropic',
      model: 'claude-sonnet-4-5',
      maxOutputTokens: 400,
      fixedTexts: ['system'],
      messages,
      textOf: (message) => message,
      countTokens: () => 10,
    });
    expect(result).toMatchObject({ dropped: 0, contextWindowTokens: 200_000, fits: true });
    // 10 tokens scaled by the 1.2 margin, plus one for the line break.
    expect(result.usedTokens).toBe(1_000 * 13);
  });

  it('a configured window smaller than the answer leaves no budget: the newest message is kept, flagged', () => {
    const result = fitTranscriptToContext({
      kind: 'ollama',
      model: 'llama3.2',
      contextWindowTokens: 512,
      maxOutputTokens: 400,
      fixedTexts: ['system prompt'],
      messages,
      textOf: (message) => message,
    });
    expect(result).toMatchObject({ budgetTokens: 0, dropped: 999, fits: false });
  });
});
