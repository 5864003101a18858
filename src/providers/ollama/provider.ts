/**
 * The provider for Ollama's native API: /api/chat streamed as newline-delimited JSON, with the
 * context window set explicitly, and /api/tags for the model list. See ../types.ts for the failure
 * and cancellation convention; deadlines, retries and transport wording are shared (../shared).
 */
import type { LanguageModelProvider, ModelInfo, ProviderConfig, StreamOptions, StreamPart, Usage } from '../types';
import { endpointOrConfigError } from '../shared/base-url';
import { midStreamFailure } from '../shared/error-wording';
import { isRecord, openExchange, parseJsonOrUndefined, type ExchangeSettings } from '../shared/exchange';
import { readJsonLines } from '../shared/json-lines';
import { resolveRetryPolicy, retryBeforeOutput } from '../shared/retry';
import { connectionClosedError } from '../shared/transport-errors';
import { describeOllamaError } from './http-errors';
import { readOllamaLine, toFinishReason } from './line';
import { buildChatRequest, buildShowRequest, buildTagsRequest, ollamaRoot } from './request';

/** A local model may take a while to load into memory before its first token. */
export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 60_000;
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const BASE_URL_EXAMPLE = 'http://localhost:11434';
const BASE_URL_HINT = `Check that the base URL is Ollama’s address (usually ${BASE_URL_EXAMPLE}).`;

/** Throws ProviderError('config') when the base URL is not an http(s) URL. */
export function createOllamaProvider(config: ProviderConfig): LanguageModelProvider {
  const baseUrl = ollamaRoot(config.baseUrl);
  const endpoint = endpointOrConfigError(baseUrl, BASE_URL_EXAMPLE);
  const retryPolicy = resolveRetryPolicy(config.retry);
  const settingsFor = (callerSignal: AbortSignal): ExchangeSettings => ({
    fetch: config.fetch,
    endpoint,
    callerSignal,
    firstByteTimeoutMs: config.firstByteTimeoutMs ?? DEFAULT_FIRST_BYTE_TIMEOUT_MS,
    stallTimeoutMs: config.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
    describeHttpError: (status, headers, bodyText) =>
      describeOllamaError(status, headers, bodyText, { endpoint, model: config.model, extensionOrigin: config.extensionOrigin }),
    baseUrlHint: BASE_URL_HINT,
  });

  async function* streamOnce(options: StreamOptions): AsyncGenerator<StreamPart> {
    const request = buildChatRequest({ ...config, baseUrl }, options);
    const exchange = await openExchange(settingsFor(options.signal), request.url, request.init);
    try {
      const contentType = exchange.response.headers.get('content-type') ?? '';
      if (/\btext\/html\b/i.test(contentType)) throw exchange.unreadable('it was a web page, not a stream of JSON lines');

      for await (const line of exchange.readStream(readJsonLines)) {
        const reading = readOllamaLine(line.text);
        if (reading.type === 'malformed') {
          // Half a line at the very end is a cut connection, not a server speaking another protocol.
          throw line.terminated ? exchange.unreadable(reading.reason) : connectionClosedError();
        }
        if (reading.type === 'error') throw midStreamFailure(endpoint, { message: reading.message }, undefined);
        if (reading.text !== undefined) yield { type: 'text-delta', text: reading.text };
        if (reading.done) {
          const usage: Usage | undefined = reading.usage;
          const reason = toFinishReason(reading.doneReason);
          yield usage ? { type: 'finish', reason, usage } : { type: 'finish', reason };
          return;
        }
      }
      // Ollama always ends with a `done: true` line; without it the connection was cut.
      throw connectionClosedError();
    } finally {
      exchange.close();
    }
  }

  return {
    kind: 'ollama',

    doStream(options) {
      return retryBeforeOutput(() => streamOnce(options), retryPolicy, options.signal);
    },

    async listModels(signal) {
      const request = buildTagsRequest({ baseUrl });
      const exchange = await openExchange(settingsFor(signal), request.url, request.init);
      try {
        const json = parseJsonOrUndefined(await exchange.readText());
        if (!isRecord(json) || !Array.isArray(json.models)) throw exchange.unreadable('the model list was not in the expected format');
        const ids = new Set<string>();
        for (const entry of json.models) {
          if (!isRecord(entry)) continue;
          const id = typeof entry.name === 'string' && entry.name !== '' ? entry.name : typeof entry.model === 'string' ? entry.model : '';
          if (id !== '') ids.add(id);
        }
        return [...ids].map((id): ModelInfo => ({ id }));
      } finally {
        exchange.close();
      }
    },

    async probe(signal) {
      const request = buildShowRequest({ ...config, baseUrl });
      const exchange = await openExchange(settingsFor(signal), request.url, request.init);
      try {
        await exchange.readText();
      } finally {
        exchange.close();
      }
    },
  };
}
