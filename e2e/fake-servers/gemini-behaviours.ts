/**
 * What a test can ask the fake Gemini server to do. Behaviours describe the protocol peer, never
 * anything about Aside.
 */
import type { AnswerShape } from './answer-pacing';

/** A 200 streamed answer (`alt=sse`), optionally with one scripted failure along the way. */
export interface GeminiStreamBehaviour extends AnswerShape {
  splitEventsAcrossWrites?: boolean;
  firstByteDelayMs?: number;
  /** SSE line ending. Default "\r\n", as in Google's own capture. */
  lineEnding?: '\n' | '\r\n';
  /** finishReason of the last chunk. Default "STOP". */
  finishReason?: string;
  /** The 2024 shape: finishReason, index and safetyRatings on every chunk. */
  finishOnEveryChunk?: boolean;
  /** A thought part (`thought: true`) before the answer. */
  thought?: string;
  /** The prompt is blocked: one chunk with `promptFeedback.blockReason` and no candidates. */
  blockReason?: string;
  /** After this many text chunks: a chunk with a top-level `error`, then close. */
  midStreamErrorAfter?: number;
  /** After this many text chunks: the socket is destroyed, no finishReason. */
  cutAfter?: number;
  /** After this many text chunks: nothing more is written, the connection stays open. */
  stallAfter?: number;
}

/** An error status before streaming, with Google's `{"error":{code,message,status,details}}` body. */
export interface GeminiHttpErrorBehaviour {
  httpError: number;
  /** The status word; defaults to Google's for the HTTP status. */
  status?: string;
  message?: string;
  /** ErrorInfo reason, e.g. API_KEY_INVALID. */
  reason?: string;
  /** RetryInfo retryDelay, e.g. "1s" (429 only). */
  retryDelay?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export type GeminiBehaviour = GeminiStreamBehaviour | GeminiHttpErrorBehaviour;

const STATUS_WORDS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const DEFAULT_MESSAGES: Record<string, string> = {
  INVALID_ARGUMENT: 'Request contains an invalid argument.',
  UNAUTHENTICATED: 'Request had invalid authentication credentials.',
  PERMISSION_DENIED: 'The caller does not have permission',
  NOT_FOUND: 'Requested entity was not found.',
  RESOURCE_EXHAUSTED: 'You exceeded your current quota, please check your plan and billing details.',
  INTERNAL: 'An internal error has occurred.',
  UNAVAILABLE: 'The model is overloaded. Please try again later.',
  DEADLINE_EXCEEDED: 'Deadline exceeded.',
};

export function googleErrorBody(
  code: number,
  options: { status?: string; message?: string; reason?: string; retryDelay?: string } = {},
): unknown {
  const status = options.status ?? STATUS_WORDS[code] ?? (code >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT');
  const details: unknown[] = [];
  if (options.reason) {
    details.push({
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: options.reason,
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    });
  }
  if (status === 'RESOURCE_EXHAUSTED') {
    details.push({ '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests' }] });
    if (options.retryDelay) details.push({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: options.retryDelay });
  }
  return { error: { code, message: options.message ?? DEFAULT_MESSAGES[status] ?? 'Error', status, ...(details.length ? { details } : {}) } };
}
