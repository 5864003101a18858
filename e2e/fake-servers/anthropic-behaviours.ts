/**
 * What a test can ask the fake Anthropic server to do. Behaviours describe the protocol peer (status
 * codes, error types, stream shapes, failures), never anything about Aside.
 */
import type { AnswerShape } from './answer-pacing';

/** A 200 streamed answer, optionally with one scripted failure along the way. */
export interface AnthropicStreamBehaviour extends AnswerShape {
  /** Writes every event in two TCP writes, split in its middle byte. */
  splitEventsAcrossWrites?: boolean;
  /** Waits this long before sending the response headers. */
  firstByteDelayMs?: number;
  /** SSE line ending. Default "\n". */
  lineEnding?: '\n' | '\r\n';
  /** stop_reason of the message_delta. Default "end_turn". */
  stopReason?: string;
  /** A thinking block (thinking_delta, signature_delta) before the text block. */
  thinking?: string;
  /** After this many text deltas: `event: error` with this error type (default overloaded_error), then close. */
  midStreamErrorAfter?: number;
  midStreamErrorType?: string;
  /** After this many text deltas: the socket is destroyed; no message_delta, no message_stop. */
  cutAfter?: number;
  /** After this many text deltas: nothing more is written, the connection stays open. */
  stallAfter?: number;
}

/** An error status before any streaming, with Anthropic's `{"type":"error","error":{type,message}}` body. */
export interface AnthropicHttpErrorBehaviour {
  httpError: number;
  /** `error.type`; defaults to the type Anthropic uses for the status. */
  errorType?: string;
  message?: string;
  /** Replaces the whole body: an object is sent as JSON, a string raw ('' for none). */
  body?: unknown;
  /** Extra headers, e.g. { 'retry-after': '1' }. Defaults add retry-after to a 429. */
  headers?: Record<string, string>;
}

/** 400 invalid_request_error "prompt is too long: N tokens > 200000 maximum". */
export interface AnthropicPromptTooLongBehaviour {
  promptTooLong: true;
}

export type AnthropicBehaviour = AnthropicStreamBehaviour | AnthropicHttpErrorBehaviour | AnthropicPromptTooLongBehaviour;

/** The `error.type` Anthropic sends for each status (research notes §2). */
export const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

const DEFAULT_MESSAGES: Record<string, string> = {
  invalid_request_error: 'Invalid request.',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'Not found.',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'This request would exceed the rate limit for your organization of 50 requests per minute.',
  api_error: 'Internal server error',
  timeout_error: 'Request timed out',
  overloaded_error: 'Overloaded',
};

export function anthropicErrorBody(errorType: string, message = DEFAULT_MESSAGES[errorType] ?? 'Error'): unknown {
  return { type: 'error', error: { type: errorType, message }, request_id: 'req_fake_0001' };
}
