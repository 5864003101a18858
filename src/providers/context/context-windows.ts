/**
 * How many tokens a model can read, for the models people commonly pick, and a conservative default
 * for the rest. The numbers are the providers' published context windows (input and output
 * together); being a little low only drops a few more old messages, being high makes the request
 * fail, so every doubtful case rounds down.
 */
import type { ProviderKind } from '../../shared/settings';
import { DEFAULT_CONTEXT_WINDOW_TOKENS as OLLAMA_DEFAULT_NUM_CTX } from '../ollama/request';

/** An unknown model on an unknown server: small enough for almost anything still in use. */
export const DEFAULT_CONTEXT_WINDOW_TOKENS = 8_192;

/** In-browser models run with small windows to fit in GPU memory (WebLLM's prebuilt ones use 4,096). */
const IN_BROWSER_CONTEXT_WINDOW_TOKENS = 4_096;

/** First match wins: more specific names come before the families that contain them. */
const KNOWN_WINDOWS: ReadonlyArray<readonly [RegExp, number]> = [
  // OpenAI
  [/gpt-4\.1/, 1_047_576],
  [/gpt-5/, 400_000],
  [/gpt-4o|gpt-4-turbo|gpt-4-(0125|1106)/, 128_000],
  [/gpt-4-32k/, 32_768],
  [/gpt-4(?![.o0-9])/, 8_192],
  [/gpt-3\.5-turbo/, 16_385],
  [/(^|\/)o[134](-mini|-pro)?\b/, 200_000],
  [/gpt-oss/, 131_072],
  // Anthropic: every current Claude model reads 200k.
  [/claude/, 200_000],
  // Google
  [/gemini-1\.5-pro/, 2_097_152],
  [/gemini/, 1_048_576],
  [/gemma-?3n/, 32_768],
  [/gemma-?3(?!n)(.*[:-]1b)/, 32_768],
  [/gemma-?3/, 131_072],
  [/gemma/, 8_192],
  // Mistral: small models had 32k before 2025; round down.
  [/codestral/, 256_000],
  [/mistral-(large|medium)|pixtral|ministral|mistral-nemo|open-mistral-nemo/, 128_000],
  [/mistral|mixtral/, 32_768],
  // Open-weight families seen on Ollama and OpenRouter.
  [/llama-?3\.[123]|llama-?4/, 131_072],
  [/llama-?3/, 8_192],
  [/llama-?2/, 4_096],
  [/qwen-?2\.5|qwen-?3/, 32_768],
  [/deepseek/, 65_536],
  [/phi-?4/, 16_384],
  [/phi-?3/, 4_096],
];

export interface ContextWindowQuery {
  kind: ProviderKind;
  model: string;
  /** What the user set for this assistant, if anything: it wins. */
  contextWindowTokens?: number;
}

/** The number of tokens the model can hold for this assistant, prompt and answer together. */
export function contextWindowFor({ kind, model, contextWindowTokens }: ContextWindowQuery): number {
  if (contextWindowTokens !== undefined && contextWindowTokens > 0) return contextWindowTokens;
  if (kind === 'webllm' || kind === 'chrome-ai') return IN_BROWSER_CONTEXT_WINDOW_TOKENS;
  const known = knownContextWindow(model);
  // Ollama loads the model with the num_ctx we send; a local OpenAI-compatible server loads it with
  // whatever it was started with, which is rarely the model's maximum.
  // Ollama's window is what we ask for in `num_ctx` (../ollama/request.ts), whatever the model could do.
  if (kind === 'ollama') return Math.min(known ?? OLLAMA_DEFAULT_NUM_CTX, OLLAMA_DEFAULT_NUM_CTX);
  if (kind === 'openai-compatible') return Math.min(known ?? DEFAULT_CONTEXT_WINDOW_TOKENS, DEFAULT_CONTEXT_WINDOW_TOKENS);
  return known ?? DEFAULT_CONTEXT_WINDOW_TOKENS;
}

/** The published window of a model id, or undefined for a model this table does not know. */
export function knownContextWindow(model: string): number | undefined {
  const id = model.trim().toLowerCase();
  for (const [pattern, tokens] of KNOWN_WINDOWS) if (pattern.test(id)) return tokens;
  return undefined;
}
