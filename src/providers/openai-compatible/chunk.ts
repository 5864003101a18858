/**
 * Reads one SSE event of a chat-completions stream. Servers add keys freely (obfuscation, provider,
 * system_fingerprint, x_groq…), so only the few fields we use are looked at and everything else is
 * ignored. Only choice 0 matters: we never ask for n > 1.
 */
import type { FinishReason, Usage } from '../types';

export type ChunkReading =
  | { type: 'done' }
  | { type: 'error'; message?: string; code?: string }
  | { type: 'chunk'; text?: string; finishReason?: string; usage?: Usage }
  | { type: 'malformed'; reason: string };

const DONE_SENTINEL = '[DONE]';

export function readChunk(data: string, eventName?: string): ChunkReading {
  if (data.trim() === DONE_SENTINEL) return { type: 'done' };

  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { type: 'malformed', reason: 'an event was not valid JSON' };
  }
  if (!isRecord(json)) return { type: 'malformed', reason: 'an event was not a JSON object' };

  // openai-node treats both an `error` field and an `event: error` as a failure; so do we.
  if (json.error !== undefined && json.error !== null) return readError(json.error);
  if (eventName === 'error') return readError(json);

  const reading: { type: 'chunk'; text?: string; finishReason?: string; usage?: Usage } = { type: 'chunk' };
  const choice = firstChoice(json.choices);
  if (choice) {
    const delta = isRecord(choice.delta) ? choice.delta : undefined;
    if (typeof delta?.content === 'string' && delta.content !== '') reading.text = delta.content;
    if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') reading.finishReason = choice.finish_reason;
  }
  const usage = readUsage(json.usage);
  if (usage) reading.usage = usage;
  return reading;
}

function readError(value: unknown): ChunkReading {
  if (typeof value === 'string') return { type: 'error', message: value };
  if (!isRecord(value)) return { type: 'error' };
  const reading: { type: 'error'; message?: string; code?: string } = { type: 'error' };
  if (typeof value.message === 'string') reading.message = value.message;
  if (typeof value.code === 'string' || typeof value.code === 'number') reading.code = String(value.code);
  return reading;
}

function firstChoice(choices: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(choices)) return undefined;
  const choice = choices.find((candidate) => isRecord(candidate) && (candidate.index === 0 || candidate.index === undefined));
  return isRecord(choice) ? choice : undefined;
}

function readUsage(value: unknown): Usage | undefined {
  if (!isRecord(value)) return undefined;
  const usage: Usage = {};
  if (typeof value.prompt_tokens === 'number') usage.inputTokens = value.prompt_tokens;
  if (typeof value.completion_tokens === 'number') usage.outputTokens = value.completion_tokens;
  return usage.inputTokens === undefined && usage.outputTokens === undefined ? undefined : usage;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Some servers ignore `stream: true` and answer with one JSON completion. Read it as if it were a
 * stream of one chunk, so the user still gets the answer.
 */
export function readCompleteResponse(text: string): ChunkReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { type: 'malformed', reason: 'the JSON answer was not valid JSON' };
  }
  if (!isRecord(json)) return { type: 'malformed', reason: 'the JSON answer was not an object' };
  if (json.error !== undefined && json.error !== null) return readError(json.error);
  const choice = firstChoice(json.choices);
  const message = isRecord(choice?.message) ? choice.message : undefined;
  if (typeof message?.content !== 'string') return { type: 'malformed', reason: 'the JSON answer held no message' };
  const reading: { type: 'chunk'; text?: string; finishReason?: string; usage?: Usage } = { type: 'chunk' };
  if (message.content !== '') reading.text = message.content;
  reading.finishReason = typeof choice?.finish_reason === 'string' ? choice.finish_reason : 'stop';
  const usage = readUsage(json.usage);
  if (usage) reading.usage = usage;
  return reading;
}

/**
 * OpenAI's finish reasons plus the ones compatible servers add (Mistral's `model_length`).
 * `error` never gets here: it is thrown as a mid-stream failure.
 */
export function toFinishReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case undefined:
    case 'stop':
    case 'eos':
      return 'stop';
    case 'length':
    case 'model_length':
      return 'length';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}
