/**
 * What a test can ask the fake Ollama server to do. Behaviours describe the protocol peer, never
 * anything about Aside.
 */
import type { AnswerShape } from './answer-pacing';

/** A 200 NDJSON answer from /api/chat, optionally with one scripted failure along the way. */
export interface OllamaStreamBehaviour extends AnswerShape {
  /** Writes every line in two TCP writes, split in its middle byte. */
  splitLinesAcrossWrites?: boolean;
  /** Waits this long before the headers (a model loading into memory). */
  firstByteDelayMs?: number;
  /** done_reason of the last line. Default "stop". */
  doneReason?: string;
  /** Reasoning sent in `message.thinking` before the answer, as thinking models do. */
  thinking?: string;
  /** After this many content lines: `{"error": …}`, then close. */
  midStreamErrorAfter?: number;
  midStreamErrorMessage?: string;
  /** After this many content lines: half of the next line, then the socket is destroyed. */
  cutAfter?: number;
  /** After this many content lines: nothing more is written, the connection stays open. */
  stallAfter?: number;
}

/** An error status before streaming, with Ollama's `{"error": "…"}` body. */
export interface OllamaHttpErrorBehaviour {
  httpError: number;
  message?: string;
  /** Replaces the body: an object is sent as JSON, a string raw ('' for none). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type OllamaBehaviour = OllamaStreamBehaviour | OllamaHttpErrorBehaviour;

export function defaultOllamaErrorMessage(status: number, model: string): string {
  switch (status) {
    case 400:
      return 'invalid request';
    case 404:
      return `model "${model}" not found, try pulling it first`;
    case 503:
      return 'server busy, please try again.  maximum pending requests exceeded';
    default:
      return status >= 500 ? 'model requires more system memory (9.2 GiB) than is available (4.1 GiB)' : `request failed with status ${status}`;
  }
}
