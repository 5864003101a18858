/**
 * Reads one line of an /api/chat NDJSON stream (research notes §5): a chunk with
 * `message.content`, the last one with `done: true`, `done_reason` and the counters, or, when the
 * model fails after the 200 went out, `{"error": "…"}`. Thinking models send their reasoning in
 * `message.thinking`, which is not part of the answer and is skipped.
 */
import type { FinishReason, Usage } from '../types';
import { isRecord, parseJsonOrUndefined } from '../shared/exchange';

export type OllamaLineReading =
  | { type: 'chunk'; text?: string; done: boolean; doneReason?: string; usage?: Usage }
  | { type: 'error'; message: string }
  | { type: 'malformed'; reason: string };

export function readOllamaLine(line: string): OllamaLineReading {
  const json = parseJsonOrUndefined(line);
  if (!isRecord(json)) return { type: 'malformed', reason: 'a line was not a JSON object' };
  if (json.error !== undefined && json.error !== null) {
    return { type: 'error', message: typeof json.error === 'string' ? json.error : JSON.stringify(json.error) };
  }
  const reading: { type: 'chunk'; text?: string; done: boolean; doneReason?: string; usage?: Usage } = { type: 'chunk', done: json.done === true };
  const message = isRecord(json.message) ? json.message : undefined;
  if (typeof message?.content === 'string' && message.content !== '') reading.text = message.content;
  if (typeof json.done_reason === 'string' && json.done_reason !== '') reading.doneReason = json.done_reason;
  const usage: Usage = {};
  if (typeof json.prompt_eval_count === 'number') usage.inputTokens = json.prompt_eval_count;
  if (typeof json.eval_count === 'number') usage.outputTokens = json.eval_count;
  if (usage.inputTokens !== undefined || usage.outputTokens !== undefined) reading.usage = usage;
  return reading;
}

/** `load` and `unload` mean no generation happened at all. */
export function toFinishReason(doneReason: string | undefined): FinishReason {
  if (doneReason === undefined || doneReason === 'stop') return 'stop';
  if (doneReason === 'length') return 'length';
  return 'other';
}
