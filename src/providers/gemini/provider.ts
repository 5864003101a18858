/**
 * The provider for Google's Gemini API (Generative Language API): streamed answers over SSE and the
 * model list. See ../types.ts for the failure and cancellation convention; the deadlines, retries and
 * transport wording are shared with every other provider (../shared).
 */
import { wording } from '../../shared/wording';
import { ProviderError, type LanguageModelProvider, type ProviderConfig, type Usage } from '../types';
import { withDefaultPath } from '../shared/base-url';
import { collectModelPages, createStreamingProvider } from '../shared/create-streaming-provider';
import { midStreamFailure } from '../shared/error-wording';
import { isRecord, parseJsonOrUndefined } from '../shared/exchange';
import { readServerSentEvents } from '../shared/server-sent-events';
import { connectionClosedError } from '../shared/transport-errors';
import { readGeminiChunk, toFinishReason } from './chunk';
import { describeGeminiError } from './http-errors';
import { buildModelsRequest, buildStreamRequest, modelName } from './request';

export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 30_000;
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const BASE_URL_EXAMPLE = 'https://generativelanguage.googleapis.com/v1beta';
const BASE_URL_HINT = wording('error_geminiApiHint', BASE_URL_EXAMPLE);
const MAX_MODEL_PAGES = 10;

/** Throws ProviderError('config') when the base URL is not an http(s) URL. */
export function createGeminiProvider(config: ProviderConfig): LanguageModelProvider {
  const baseUrl = withDefaultPath(config.baseUrl, '/v1beta');
  const streaming = createStreamingProvider({
    config,
    baseUrl,
    baseUrlExample: BASE_URL_EXAMPLE,
    baseUrlHint: BASE_URL_HINT,
    defaultFirstByteTimeoutMs: DEFAULT_FIRST_BYTE_TIMEOUT_MS,
    defaultStallTimeoutMs: DEFAULT_STALL_TIMEOUT_MS,
    describeHttpError: (status, headers, bodyText, endpoint) =>
      describeGeminiError(status, headers, bodyText, { endpoint, model: modelName(config.model), apiKey: config.apiKey }),
    buildStreamRequest: (options) => buildStreamRequest({ ...config, baseUrl }, options),
    async *readStream(exchange, endpoint) {
      const contentType = exchange.response.headers.get('content-type') ?? '';
      if (!/\btext\/event-stream\b/i.test(contentType)) throw exchange.unreadable('it was not an event stream');

      let finishReason: string | undefined;
      let usage: Usage | undefined;
      let sawText = false;
      for await (const event of exchange.readStream(readServerSentEvents)) {
        if (event.data.trim() === '') continue;
        const reading = readGeminiChunk(event.data);
        if (reading.type === 'malformed') throw exchange.unreadable(reading.reason);
        if (reading.type === 'error') throw midStreamFailure(endpoint, reading, config.apiKey);
        if (reading.blockReason !== undefined) throw blockedPromptError(reading.blockReason);
        if (reading.text !== undefined) {
          sawText = true;
          yield { type: 'text-delta', text: reading.text };
        }
        if (reading.finishReason !== undefined) finishReason = reading.finishReason;
        if (reading.usage) usage = { ...usage, ...reading.usage };
      }
      // No terminator exists: the body just ends. Without any finishReason, it was cut.
      if (finishReason === undefined) throw connectionClosedError();
      const reason = toFinishReason(finishReason);
      if (reason === 'content-filter' && !sawText) throw withheldAnswerError(finishReason);
      yield usage ? { type: 'finish', reason, usage } : { type: 'finish', reason };
    },
  });

  const listModelPage = (signal: AbortSignal, pageToken: string | undefined) =>
    streaming.exchange(signal, buildModelsRequest({ ...config, baseUrl }, pageToken), async (exchange) => {
      const json = parseJsonOrUndefined(await exchange.readText());
      if (!isRecord(json)) throw exchange.unreadable('the model list was not in the expected format');
      // An account with no models answers `{}`: no `models` key at all.
      const entries = Array.isArray(json.models) ? json.models : [];
      const ids = entries.flatMap((entry) => {
        if (!isRecord(entry) || typeof entry.name !== 'string') return [];
        const methods = Array.isArray(entry.supportedGenerationMethods) ? entry.supportedGenerationMethods : [];
        // Embedding, TTS and image models are listed too; only chat-capable ones are of use here.
        return methods.includes('generateContent') ? [modelName(entry.name)] : [];
      });
      return { ids, next: typeof json.nextPageToken === 'string' && json.nextPageToken !== '' ? json.nextPageToken : undefined };
    });

  return {
    kind: 'gemini',

    doStream: streaming.doStream,
    listModels: (signal) => collectModelPages((pageToken) => listModelPage(signal, pageToken), MAX_MODEL_PAGES),
  };
}

/**
 * Gemini declined the prompt itself (`promptFeedback.blockReason`): no answer will come, and
 * retrying the same chat gives the same result.
 */
function blockedPromptError(blockReason: string): ProviderError {
  return new ProviderError('model', wording('error_geminiBlocked', blockReason), {
    code: blockReason,
    hint: wording('error_geminiBlockedHint'),
  });
}

function withheldAnswerError(finishReason: string): ProviderError {
  return new ProviderError('model', wording('error_geminiWithheld', finishReason), {
    code: finishReason,
    hint: wording('error_geminiWithheldHint'),
  });
}
