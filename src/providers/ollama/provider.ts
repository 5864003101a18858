/**
 * The provider for Ollama's native API: /api/chat streamed as newline-delimited JSON, with the
 * context window set explicitly, and /api/tags for the model list. See ../types.ts for the failure
 * and cancellation convention; deadlines, retries and transport wording are shared (../shared).
 */
import { wording } from '../../shared/wording';
import type { LanguageModelProvider, ModelInfo, ProviderConfig, Usage } from '../types';
import { createStreamingProvider } from '../shared/create-streaming-provider';
import { midStreamFailure } from '../shared/error-wording';
import { isRecord, parseJsonOrUndefined } from '../shared/exchange';
import { readJsonLines } from '../shared/json-lines';
import { connectionClosedError } from '../shared/transport-errors';
import { describeOllamaError } from './http-errors';
import { readOllamaLine, toFinishReason } from './line';
import { buildChatRequest, buildShowRequest, buildTagsRequest, ollamaRoot } from './request';

/** A local model may take a while to load into memory before its first token. */
export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 60_000;
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const BASE_URL_EXAMPLE = 'http://localhost:11434';
const BASE_URL_HINT = wording('error_ollamaApiHint', BASE_URL_EXAMPLE);

/** Throws ProviderError('config') when the base URL is not an http(s) URL. */
export function createOllamaProvider(config: ProviderConfig): LanguageModelProvider {
  const baseUrl = ollamaRoot(config.baseUrl);
  const streaming = createStreamingProvider({
    config,
    baseUrl,
    baseUrlExample: BASE_URL_EXAMPLE,
    baseUrlHint: BASE_URL_HINT,
    defaultFirstByteTimeoutMs: DEFAULT_FIRST_BYTE_TIMEOUT_MS,
    defaultStallTimeoutMs: DEFAULT_STALL_TIMEOUT_MS,
    describeHttpError: (status, headers, bodyText, endpoint) =>
      describeOllamaError(status, headers, bodyText, { endpoint, model: config.model, extensionOrigin: config.extensionOrigin }),
    buildStreamRequest: (options) => buildChatRequest({ ...config, baseUrl }, options),
    async *readStream(exchange, endpoint) {
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
    },
  });

  return {
    kind: 'ollama',

    doStream: streaming.doStream,

    // Async, so a request that cannot be built rejects like every other failure here.
    listModels: async (signal) =>
      streaming.exchange(signal, buildTagsRequest({ baseUrl }), async (exchange) => {
        const json = parseJsonOrUndefined(await exchange.readText());
        if (!isRecord(json) || !Array.isArray(json.models)) throw exchange.unreadable('the model list was not in the expected format');
        const ids = new Set<string>();
        for (const entry of json.models) {
          if (!isRecord(entry)) continue;
          const id = typeof entry.name === 'string' && entry.name !== '' ? entry.name : typeof entry.model === 'string' ? entry.model : '';
          if (id !== '') ids.add(id);
        }
        return [...ids].map((id): ModelInfo => ({ id }));
      }),

    probe: async (signal) =>
      streaming.exchange(signal, buildShowRequest({ ...config, baseUrl }), async (exchange) => {
        await exchange.readText();
      }),
  };
}
