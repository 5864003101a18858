/**
 * One small streaming interface every provider implements, in the spirit of the Vercel AI SDK's
 * provider specification. Providers never touch the DOM or the browser API: they get a `fetch`
 * (the egress guard's) and an abort signal, and yield stream parts.
 *
 * Failure convention, shared by every provider:
 * - Every failure is thrown as a `ProviderError` whose `kind` picks the user-facing wording and whose
 *   `details.hint` says what the user can do next. Failures after some text was yielded are thrown the
 *   same way; the consumer keeps the text it already received.
 * - Cancellation is not a failure. When the caller's `signal` aborts, `doStream` and `listModels` throw
 *   `signal.reason` unchanged (a DOMException named "AbortError" unless the caller chose another reason),
 *   never a ProviderError. Callers tell the two apart with `signal.aborted` or `isAbortError`.
 * - Timeouts that the provider enforces itself (first byte, stall) are failures: ProviderError('timeout').
 */
import type { ErrorKind } from '../shared/errors';
import { englishOf, type Wording, type WordedText } from '../shared/wording';

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

/**
 * Something the user may want to know while the answer is on its way. `retrying` comes before each
 * automatic retry (a rate limit, a server error), so a spinner that waits seconds can say why.
 */
export interface ProviderWarning {
  type: 'unsupported-setting' | 'retrying' | 'other';
  /** One short sentence for the UI, e.g. "Rate limited; retrying in 3 s". */
  message: string;
  /** For `retrying`: the wait before the next attempt, in milliseconds. */
  retryInMs?: number;
  /** For `retrying`: which retry comes next, 1 for the first. */
  attempt?: number;
  /** `message` as a catalogue id and substitutions (src/shared/wording.ts), for the user's language. */
  wording?: Wording;
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
  /**
   * Streams the model's answer: text deltas, then exactly one `finish`. Throws ProviderError for every
   * failure, including mid-stream ones; throws `signal.reason` when the caller aborts.
   */
  doStream(options: StreamOptions): AsyncIterable<StreamPart>;
  /** Models the endpoint offers, where it lists them. Same error convention as doStream. */
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  /**
   * Checks, without generating anything, that a request shaped like a chat's would be accepted, for
   * servers where listing models proves little: Chrome sends no Origin on many GETs, so Ollama lists
   * its models to an extension it will refuse a POST from. Resolves when accepted; same errors as doStream.
   */
  probe?(signal: AbortSignal): Promise<void>;
}

/**
 * The fetch a provider gets: the background's egress guard, bound to one destination origin. An error
 * it throws that is not fetch's own network TypeError (say, a refused destination) reaches the caller
 * unchanged and is never retried.
 */
export type GuardedFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Automatic retries of transient failures (429 rate limits, 5xx, unreachable server). They happen only
 * before the first text delta, so an answer is never duplicated.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Backoff before the first retry, doubled for each later one. Default 500. */
  baseDelayMs?: number;
  /** Upper bound of the computed backoff. Default 8,000. */
  maxDelayMs?: number;
  /**
   * A server's Retry-After longer than this is not waited for: the error is thrown at once with
   * `details.retryAfterMs`, so the user learns when to try again instead of watching a spinner.
   * Default 15,000.
   */
  maxRetryAfterMs?: number;
}

export interface ProviderConfig {
  baseUrl: string;
  model: string;
  apiKey?: string;
  fetch: GuardedFetch;
  /** Milliseconds to wait for the first byte of a response. Default 30,000. */
  firstByteTimeoutMs?: number;
  /** Milliseconds allowed between two chunks of a stream. Default 30,000. */
  stallTimeoutMs?: number;
  /**
   * The extension's own origin (`chrome-extension://<id>`, `moz-extension://<uuid>`). Used only to word
   * hints, such as the exact OLLAMA_ORIGINS value a local server needs; never sent anywhere.
   */
  extensionOrigin?: string;
  /**
   * The context window to ask a local server for (Ollama's `options.num_ctx`). Hosted APIs fix their
   * own and ignore it.
   */
  contextWindowTokens?: number;
  retry?: RetryPolicy;
}

export interface ProviderErrorDetails {
  status?: number;
  retryAfterMs?: number;
  code?: string;
  /** What the user can do next, one sentence. */
  hint?: string;
  /** The provider's own words, shortened and with secrets removed, for a "details" disclosure. */
  providerMessage?: string;
}

/** The details as a provider builds them: the hint may be worded, to be shown in the user's language. */
export type ProviderErrorInit = Omit<ProviderErrorDetails, 'hint'> & { hint?: WordedText | string };

/**
 * `message` and `details.hint` are the English text; `messageWording`/`hintWording` carry the same
 * sentences as catalogue ids (src/shared/wording.ts) when they were built with `wording(…)`.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly details: ProviderErrorDetails;
  readonly messageWording?: WordedText;
  readonly hintWording?: WordedText;
  constructor(
    readonly kind: ErrorKind,
    message: WordedText | string,
    details: ProviderErrorInit = {},
  ) {
    super(englishOf(message));
    const { hint, ...rest } = details;
    this.details = hint === undefined ? rest : { ...rest, hint: englishOf(hint) };
    if (typeof message === 'object') this.messageWording = message;
    if (typeof hint === 'object') this.hintWording = hint;
  }
}

/** True for the error a cancelled fetch or stream throws (see the failure convention above). */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
