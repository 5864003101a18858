/**
 * One small streaming interface every provider implements, in the spirit of the Vercel AI SDK's
 * provider specification. Providers never touch the DOM or the browser API: they get a `fetch`
 * (the egress guard's) and an abort signal, and yield stream parts.
 */
import type { ErrorKind } from '../shared/errors';

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface StreamOptions {
  messages: PromptMessage[];
  signal: AbortSignal;
  maxOutputTokens?: number;
  temperature?: number;
}

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'abort' | 'other';

export interface ProviderWarning {
  type: 'unsupported-setting' | 'other';
  message: string;
}

export type StreamPart =
  | { type: 'text-delta'; text: string }
  | { type: 'warning'; warning: ProviderWarning }
  | { type: 'finish'; reason: FinishReason; usage?: Usage };

export interface ModelInfo {
  id: string;
}

export interface LanguageModelProvider {
  readonly kind: string;
  /** Streams the model's answer. Throws ProviderError for every failure, including mid-stream ones. */
  doStream(options: StreamOptions): AsyncIterable<StreamPart>;
  /** Models the endpoint offers, where it lists them. */
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
}

/** The fetch a provider gets: the background's egress guard, bound to one destination origin. */
export type GuardedFetch = (url: string, init: RequestInit) => Promise<Response>;

export interface ProviderConfig {
  baseUrl: string;
  model: string;
  apiKey?: string;
  fetch: GuardedFetch;
  /** Milliseconds to wait for the first byte of a response. */
  firstByteTimeoutMs?: number;
  /** Milliseconds allowed between two chunks of a stream. */
  stallTimeoutMs?: number;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; code?: string; hint?: string } = {},
  ) {
    super(message);
  }
}
