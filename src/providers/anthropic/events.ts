/**
 * Reads one SSE event of a Messages API stream (research notes §2). Every event names its type twice,
 * in `event:` and in the data's `type`; the data wins, the name is the fallback. Only text deltas and
 * the few fields that end the answer matter: thinking, tool-input and signature deltas, `ping`, and
 * event types added later are ignored rather than failed on.
 */
import type { FinishReason } from '../types';
import { isRecord, parseJsonOrUndefined } from '../shared/exchange';

export type AnthropicEventReading =
  | { type: 'text'; text: string }
  | { type: 'message-start'; inputTokens?: number }
  /** message_delta: why the answer ended, and the running total of output tokens. */
  | { type: 'message-delta'; stopReason?: string; outputTokens?: number; inputTokens?: number }
  /** message_stop: the terminator; nothing follows. */
  | { type: 'message-stop' }
  | { type: 'error'; errorType?: string; message?: string }
  | { type: 'ignored' }
  | { type: 'malformed'; reason: string };

export function readAnthropicEvent(eventName: string | undefined, data: string): AnthropicEventReading {
  if (data.trim() === '') return { type: 'ignored' };
  const json = parseJsonOrUndefined(data);
  if (!isRecord(json)) return { type: 'malformed', reason: 'an event was not a JSON object' };
  const type = typeof json.type === 'string' ? json.type : eventName;

  switch (type) {
    case 'content_block_delta': {
      const delta = isRecord(json.delta) ? json.delta : undefined;
      if (delta?.type === 'text_delta' && typeof delta.text === 'string' && delta.text !== '') return { type: 'text', text: delta.text };
      return { type: 'ignored' };
    }
    case 'message_start': {
      const message = isRecord(json.message) ? json.message : undefined;
      const inputTokens = numberAt(message?.usage, 'input_tokens');
      return inputTokens === undefined ? { type: 'message-start' } : { type: 'message-start', inputTokens };
    }
    case 'message_delta': {
      const reading: { type: 'message-delta'; stopReason?: string; outputTokens?: number; inputTokens?: number } = { type: 'message-delta' };
      const delta = isRecord(json.delta) ? json.delta : undefined;
      if (typeof delta?.stop_reason === 'string') reading.stopReason = delta.stop_reason;
      const outputTokens = numberAt(json.usage, 'output_tokens');
      if (outputTokens !== undefined) reading.outputTokens = outputTokens;
      const inputTokens = numberAt(json.usage, 'input_tokens');
      if (inputTokens !== undefined) reading.inputTokens = inputTokens;
      return reading;
    }
    case 'message_stop':
      return { type: 'message-stop' };
    case 'error': {
      const error = isRecord(json.error) ? json.error : json;
      const reading: { type: 'error'; errorType?: string; message?: string } = { type: 'error' };
      if (typeof error.type === 'string' && error.type !== 'error') reading.errorType = error.type;
      if (typeof error.message === 'string') reading.message = error.message;
      return reading;
    }
    default:
      return { type: 'ignored' };
  }
}

/**
 * end_turn and stop_sequence are a complete answer; max_tokens and a full context window cut it;
 * refusal is the model declining. Tool use never happens here (no tools are offered).
 */
export function toFinishReason(stopReason: string | undefined): FinishReason {
  switch (stopReason) {
    case undefined:
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content-filter';
    default:
      return 'other';
  }
}

function numberAt(value: unknown, key: string): number | undefined {
  if (!isRecord(value)) return undefined;
  const number = value[key];
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}
