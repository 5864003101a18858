/**
 * The provider for Anthropic's Messages API: streamed answers over SSE with named events, and the
 * model list. See ../types.ts for the failure and cancellation convention; the deadlines, retries and
 * transport wording are shared with every other provider (../shared).
 */
import { wording } from '../../shared/wording';
import type { LanguageModelProvider, ProviderConfig, StreamPart, Usage } from '../types';
import { withDefaultPath } from '../shared/base-url';
import { collectModelPages, createStreamingProvider } from '../shared/create-streaming-provider';
import { midStreamFailure } from '../shared/error-wording';
import { isRecord, parseJsonOrUndefined } from '../shared/exchange';
import { readServerSentEvents } from '../shared/server-sent-events';
import { connectionClosedError } from '../shared/transport-errors';
import { readAnthropicEvent, toFinishReason } from './events';
import { describeAnthropicError } from './http-errors';
import { buildMessagesRequest, buildModelsRequest, MAX_TEMPERATURE } from './request';

export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 30_000;
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const BASE_URL_EXAMPLE = 'https://api.anthropic.com/v1';
const BASE_URL_HINT = wording('error_anthropicApiHint', BASE_URL_EXAMPLE);
/** A runaway `has_more` must not page forever. */
const MAX_MODEL_PAGES = 10;

/** Throws ProviderError('config') when the base URL is not an http(s) URL. */
export function createAnthropicProvider(config: ProviderConfig): LanguageModelProvider {
  const baseUrl = withDefaultPath(config.baseUrl, '/v1');
  const streaming = createStreamingProvider({
    config,
    baseUrl,
    baseUrlExample: BASE_URL_EXAMPLE,
    baseUrlHint: BASE_URL_HINT,
    defaultFirstByteTimeoutMs: DEFAULT_FIRST_BYTE_TIMEOUT_MS,
    defaultStallTimeoutMs: DEFAULT_STALL_TIMEOUT_MS,
    describeHttpError: (status, headers, bodyText, endpoint) =>
      describeAnthropicError(status, headers, bodyText, { endpoint, model: config.model, apiKey: config.apiKey }),
    buildStreamRequest: (options) => buildMessagesRequest({ ...config, baseUrl }, options),
    async *readStream(exchange, endpoint) {
      const contentType = exchange.response.headers.get('content-type') ?? '';
      if (!/\btext\/event-stream\b/i.test(contentType)) throw exchange.unreadable('it was not an event stream');

      let usage: Usage = {};
      let stopReason: string | undefined;
      let stopped = false;
      for await (const event of exchange.readStream(readServerSentEvents)) {
        const reading = readAnthropicEvent(event.event, event.data);
        if (reading.type === 'text') yield { type: 'text-delta', text: reading.text };
        else if (reading.type === 'message-start') {
          if (reading.inputTokens !== undefined) usage = { ...usage, inputTokens: reading.inputTokens };
        } else if (reading.type === 'message-delta') {
          if (reading.stopReason !== undefined) stopReason = reading.stopReason;
          if (reading.outputTokens !== undefined) usage = { ...usage, outputTokens: reading.outputTokens };
          if (reading.inputTokens !== undefined) usage = { ...usage, inputTokens: reading.inputTokens };
        } else if (reading.type === 'message-stop') {
          stopped = true;
          break;
        } else if (reading.type === 'error') {
          // Overloaded and rate limits may pass on their own: retryable while nothing was shown.
          const kind = reading.errorType === 'rate_limit_error' ? 'rate-limit' : 'server';
          throw midStreamFailure(endpoint, { message: reading.message, code: reading.errorType }, config.apiKey, kind);
        } else if (reading.type === 'malformed') {
          throw exchange.unreadable(reading.reason);
        }
      }
      // message_stop is the terminator, but a stop reason already says the answer is complete.
      if (!stopped && stopReason === undefined) throw connectionClosedError();
      const finish: StreamPart = { type: 'finish', reason: toFinishReason(stopReason) };
      yield usage.inputTokens !== undefined || usage.outputTokens !== undefined ? { ...finish, usage } : finish;
    },
  });

  const listModelPage = (signal: AbortSignal, afterId: string | undefined) =>
    streaming.exchange(signal, buildModelsRequest({ ...config, baseUrl }, afterId), async (exchange) => {
      const json = parseJsonOrUndefined(await exchange.readText());
      if (!isRecord(json) || !Array.isArray(json.data)) throw exchange.unreadable('the model list was not in the expected format');
      const ids = json.data.flatMap((entry) => (isRecord(entry) && typeof entry.id === 'string' && entry.id !== '' ? [entry.id] : []));
      const lastId = typeof json.last_id === 'string' ? json.last_id : ids.at(-1);
      return { ids, next: json.has_more === true ? lastId : undefined };
    });

  return {
    kind: 'anthropic',

    doStream(options) {
      const clamped = options.temperature !== undefined && options.temperature > MAX_TEMPERATURE;
      const stream = streaming.doStream(options);
      if (!clamped) return stream;
      return (async function* () {
        yield {
          type: 'warning',
          warning: { type: 'unsupported-setting', message: `Anthropic accepts a temperature up to ${MAX_TEMPERATURE}; ${MAX_TEMPERATURE} was used.` },
        } satisfies StreamPart;
        yield* stream;
      })();
    },

    listModels: (signal) => collectModelPages((afterId) => listModelPage(signal, afterId), MAX_MODEL_PAGES),
  };
}
