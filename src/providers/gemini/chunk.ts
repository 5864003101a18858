/**
 * Reads one `data:` event of a streamGenerateContent?alt=sse answer (research notes §3): a whole
 * GenerateContentResponse per event, with no event names and no terminator. Only the first
 * candidate matters (we never ask for more). Thought parts (`thought: true`) are the model's private
 * reasoning and are skipped. A `finishReason` may be repeated on every chunk by some versions, so
 * the caller treats the last one seen as final only when the stream ends.
 */
import type { FinishReason, Usage } from '../types';
import { isRecord, parseJsonOrUndefined } from '../shared/exchange';

export type GeminiChunkReading =
  | { type: 'chunk'; text?: string; finishReason?: string; usage?: Usage; blockReason?: string }
  | { type: 'error'; message?: string; code?: string }
  | { type: 'malformed'; reason: string };

export function readGeminiChunk(data: string): GeminiChunkReading {
  const json = parseJsonOrUndefined(data);
  if (!isRecord(json)) return { type: 'malformed', reason: 'an event was not a JSON object' };
  // js-genai checks a chunk for a top-level error too: a failure after the 200 went out.
  if (isRecord(json.error)) {
    const reading: { type: 'error'; message?: string; code?: string } = { type: 'error' };
    if (typeof json.error.message === 'string') reading.message = json.error.message;
    const code = json.error.status ?? json.error.code;
    if (typeof code === 'string' || typeof code === 'number') reading.code = String(code);
    return reading;
  }

  const reading: { type: 'chunk'; text?: string; finishReason?: string; usage?: Usage; blockReason?: string } = { type: 'chunk' };
  const candidate = Array.isArray(json.candidates) ? json.candidates.find(isRecord) : undefined;
  if (candidate) {
    const content = isRecord(candidate.content) ? candidate.content : undefined;
    const parts = Array.isArray(content?.parts) ? content.parts : [];
    const text = parts
      .map((part) => (isRecord(part) && part.thought !== true && typeof part.text === 'string' ? part.text : ''))
      .join('');
    if (text !== '') reading.text = text;
    if (typeof candidate.finishReason === 'string' && candidate.finishReason !== '') reading.finishReason = candidate.finishReason;
  }
  const feedback = isRecord(json.promptFeedback) ? json.promptFeedback : undefined;
  if (typeof feedback?.blockReason === 'string' && feedback.blockReason !== '') reading.blockReason = feedback.blockReason;
  const usage = readUsage(json.usageMetadata);
  if (usage) reading.usage = usage;
  return reading;
}

function readUsage(value: unknown): Usage | undefined {
  if (!isRecord(value)) return undefined;
  const usage: Usage = {};
  if (typeof value.promptTokenCount === 'number') usage.inputTokens = value.promptTokenCount;
  // Thinking is billed as output too; candidatesTokenCount alone would under-report it.
  const candidates = typeof value.candidatesTokenCount === 'number' ? value.candidatesTokenCount : undefined;
  const thoughts = typeof value.thoughtsTokenCount === 'number' ? value.thoughtsTokenCount : undefined;
  if (candidates !== undefined || thoughts !== undefined) usage.outputTokens = (candidates ?? 0) + (thoughts ?? 0);
  return usage.inputTokens === undefined && usage.outputTokens === undefined ? undefined : usage;
}

/** Safety-style stops mean the answer was withheld or cut by a filter, not finished. */
const FILTERED = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY']);

export function toFinishReason(reason: string | undefined): FinishReason {
  if (reason === undefined || reason === 'STOP') return 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  if (FILTERED.has(reason)) return 'content-filter';
  return 'other';
}
