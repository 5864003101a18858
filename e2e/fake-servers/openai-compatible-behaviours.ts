/**
 * What a test can ask the fake OpenAI-compatible server to do. Behaviours describe the protocol peer
 * (status codes, stream shapes, failures), never anything about Aside.
 */

/** A 200 streamed answer, optionally with one scripted failure along the way. */
export interface StreamBehaviour {
  /**
   * The model's answer, sent verbatim in content deltas split into token-like pieces. Any Unicode,
   * markdown or HTML: red-team tests script a hijacked model's output here. Default "Hello from the fake model."
   */
  text?: string;
  /** Exact content deltas, used instead of splitting `text`. */
  deltas?: string[];
  /** Pace of the deltas; unset sends them as fast as the socket takes them (still one write each). */
  tokensPerSecond?: number;
  /** Writes every event in two TCP writes, split in its middle byte (which may fall inside a UTF-8 sequence). */
  splitEventsAcrossWrites?: boolean;
  /** Waits this long before sending the response headers (first byte). */
  firstByteDelayMs?: number;
  /** finish_reason of the finish chunk. Default "stop". */
  finishReason?: string;
  /** SSE line ending. Default "\n". */
  lineEnding?: '\n' | '\r\n';
  /** Mistral style: usage inside the finish chunk, and no separate usage chunk. */
  mistralUsage?: boolean;
  /** OpenRouter style: `: OPENROUTER PROCESSING` comment lines first and mid-stream. */
  openRouterComments?: boolean;
  /** After this many content deltas: `data: {"error":…}`, then the response ends without [DONE]. */
  midStreamErrorAfter?: number;
  midStreamErrorMessage?: string;
  /** After this many content deltas: the socket is destroyed, no finish, no [DONE]. */
  cutAfter?: number;
  /** After this many content deltas: nothing more is written, the connection stays open. */
  stallAfter?: number;
  /** After this many content deltas: one event whose JSON is truncated, then the stream goes on. */
  malformedChunkAfter?: number;
}

/** An error status before any streaming. Bodies default to OpenAI's shape for the status. */
export interface HttpErrorBehaviour {
  httpError: number;
  /** An object is sent as JSON; a string is sent raw (use '' for an empty body). */
  body?: unknown;
  /** Extra response headers, e.g. { 'retry-after': '1' } or { 'retry-after-ms': '20' }. */
  headers?: Record<string, string>;
}

/** 429 with OpenAI's `insufficient_quota`: out of credits, not a rate limit. */
export interface QuotaBehaviour {
  quota429: true;
}

/** 400 with OpenAI's `context_length_exceeded`. */
export interface ContextTooLongBehaviour {
  contextTooLong: true;
}

export type RequestBehaviour = StreamBehaviour | HttpErrorBehaviour | QuotaBehaviour | ContextTooLongBehaviour;

/** Server-wide settings; they apply to every later request, preflights included, until changed. */
export interface ServerPolicy {
  /** When set, requests need `Authorization: Bearer <apiKey>` (401 `invalid_api_key` otherwise). */
  apiKey: string | null;
  /** Ids served by GET /v1/models. */
  models: string[];
  /**
   * Mirrors Ollama's OLLAMA_ORIGINS check: a request (OPTIONS included) whose Origin is neither in this
   * list nor one of Ollama's defaults gets 403 with an empty body. No Origin header passes. Entries are
   * exact origins or patterns with `*` (`chrome-extension://*`). null turns the check off.
   */
  ollamaOriginCheck: string[] | null;
  /** Preflights get 403 and responses carry no Access-Control-Allow-Origin. */
  rejectOrigin: boolean;
}

/** Accepted by `script` for convenience: sets the named server policy at once and for good. */
export type PolicyBehaviour = { ollamaOriginCheck: string[] | null } | { rejectOrigin: boolean };

export type Behaviour = RequestBehaviour | PolicyBehaviour;

export interface ScriptOptions {
  /** Which endpoint the behaviour applies to. Default 'chat'. Only error behaviours apply to 'models'. */
  route?: 'chat' | 'models';
  /** How many next requests get it. Default 1. */
  times?: number;
  /** Make it the default for every request once the queue is empty (until `reset`). */
  persistent?: boolean;
}

export function isPolicyBehaviour(behaviour: Behaviour): behaviour is PolicyBehaviour {
  return 'ollamaOriginCheck' in behaviour || 'rejectOrigin' in behaviour;
}
