/**
 * The provider for every server that speaks OpenAI's chat-completions protocol: OpenAI, Mistral,
 * OpenRouter, Groq, and local servers (Ollama's /v1, LM Studio, llama.cpp, vLLM).
 * See ../types.ts for the failure and cancellation convention.
 */
import type { LanguageModelProvider, ModelInfo, ProviderConfig, StreamOptions, StreamPart, Usage } from '../types';
import { raceWithAbort, throwIfAborted } from '../shared/abort';
import { endpointOrConfigError } from '../shared/base-url';
import { midStreamFailure } from '../shared/error-wording';
import { openExchange, readErrorBodyText, stallDeadline } from '../shared/exchange';
import { resolveRetryPolicy, retryBeforeOutput } from '../shared/retry';
import { EventStreamTooLarge, readServerSentEvents } from '../shared/server-sent-events';
import {
  classifyTransportFailure,
  connectionClosedError,
  OPENAI_COMPATIBLE_BASE_URL_HINT,
  unreadableResponseError,
} from '../shared/transport-errors';
import { createWatchdog } from '../shared/watchdog';
import { readChunk, readCompleteResponse, toFinishReason, type ChunkReading } from './chunk';
import { describeHttpError } from './http-errors';
import { readModelList } from './models';
import {
  buildChatCompletionsRequest,
  buildModelsRequest,
  DEFAULT_DIALECT,
  type OpenAICompatibleDialect,
} from './request';

export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 30_000;
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const BASE_URL_EXAMPLE = 'http://localhost:11434/v1';

export interface OpenAICompatibleOptions {
  /** What `provider.kind` reports, e.g. the settings kind that chose this provider. */
  kind?: string;
  dialect?: Partial<OpenAICompatibleDialect>;
}

/** Throws ProviderError('config') when the base URL is not an http(s) URL. */
export function createOpenAICompatibleProvider(
  config: ProviderConfig,
  options: OpenAICompatibleOptions = {},
): LanguageModelProvider {
  const endpoint = endpointOrConfigError(config.baseUrl, BASE_URL_EXAMPLE);
  const dialect: OpenAICompatibleDialect = { ...DEFAULT_DIALECT, ...options.dialect };
  const retryPolicy = resolveRetryPolicy(config.retry);
  const firstByteTimeoutMs = config.firstByteTimeoutMs ?? DEFAULT_FIRST_BYTE_TIMEOUT_MS;
  const stallTimeoutMs = config.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;

  /**
   * Not on ../shared/exchange like the other providers: a JSON body is read as a complete answer, and a
   * failure raised while handling an event is classified like a read failure (the caller's abort or a
   * fired deadline wins), with "an event was too large" as its own wording.
   */
  async function* streamOnce(streamOptions: StreamOptions): AsyncGenerator<StreamPart> {
    const callerSignal = streamOptions.signal;
    throwIfAborted(callerSignal);
    const request = buildChatCompletionsRequest(config, streamOptions, dialect);
    const watchdog = createWatchdog(callerSignal);
    const failure = (error: unknown, phase: 'connect' | 'read') =>
      classifyTransportFailure(error, { callerSignal, watchdog, endpoint, phase });
    try {
      // One deadline from sending the request to the first body byte: headers alone prove little.
      watchdog.arm('first-byte', firstByteTimeoutMs);
      let response: Response;
      try {
        response = await raceWithAbort(config.fetch(request.url, { ...request.init, signal: watchdog.signal }), watchdog.signal);
      } catch (error) {
        throw failure(error, 'connect');
      }
      if (!response.ok) {
        const bodyText = await readErrorBodyText(response, watchdog, callerSignal);
        throw describeHttpError(response.status, response.headers, bodyText, errorContext());
      }

      const contentType = response.headers.get('content-type') ?? '';
      if (/\bapplication\/json\b/i.test(contentType)) {
        let text: string;
        try {
          text = await raceWithAbort(response.text(), watchdog.signal);
        } catch (error) {
          throw failure(error, 'read');
        }
        yield* partsOfCompleteResponse(readCompleteResponse(text));
        return;
      }
      if (/\btext\/html\b/i.test(contentType)) throw unreadableResponseError(endpoint, 'it was a web page, not an event stream');
      if (!response.body) throw unreadableResponseError(endpoint, 'it had no body');

      let finishReason: string | undefined;
      let usage: Usage | undefined;
      let sawDone = false;
      try {
        for await (const event of readServerSentEvents(response.body, watchdog.signal, stallDeadline(watchdog, stallTimeoutMs))) {
          if (event.event !== undefined && event.event !== 'message' && event.event !== 'error') continue;
          if (event.data.trim() === '') continue;
          const reading = readChunk(event.data, event.event);
          if (reading.type === 'done') {
            sawDone = true;
            break;
          }
          if (reading.type === 'malformed') throw unreadableResponseError(endpoint, reading.reason);
          if (reading.type === 'error') throw midStreamError(reading);
          if (reading.text !== undefined) yield { type: 'text-delta', text: reading.text };
          if (reading.usage) usage = { ...usage, ...reading.usage };
          if (reading.finishReason === 'error') throw midStreamError({});
          if (reading.finishReason !== undefined) finishReason = reading.finishReason;
        }
      } catch (error) {
        if (error instanceof EventStreamTooLarge) throw unreadableResponseError(endpoint, 'an event was too large');
        throw failure(error, 'read');
      }
      // A finish_reason is proof enough of a complete answer: some servers end without [DONE].
      if (!sawDone && finishReason === undefined) throw connectionClosedError();
      yield finishPart(finishReason, usage);
    } finally {
      watchdog.dispose();
    }
  }

  function* partsOfCompleteResponse(reading: ChunkReading): Generator<StreamPart> {
    if (reading.type === 'malformed' || reading.type === 'done') {
      throw unreadableResponseError(endpoint, reading.type === 'done' ? 'it held no answer' : reading.reason);
    }
    if (reading.type === 'error') throw midStreamError(reading);
    if (reading.text !== undefined) yield { type: 'text-delta', text: reading.text };
    yield finishPart(reading.finishReason, reading.usage);
  }

  const midStreamError = (reading: { message?: string; code?: string }) => midStreamFailure(endpoint, reading, config.apiKey);

  function errorContext() {
    return { endpoint, model: config.model, apiKey: config.apiKey, extensionOrigin: config.extensionOrigin };
  }

  return {
    kind: options.kind ?? 'openai-compatible',

    doStream(streamOptions) {
      return retryBeforeOutput(() => streamOnce(streamOptions), retryPolicy, streamOptions.signal);
    },

    async listModels(signal) {
      // A model list is small: the first-byte deadline, still running, covers the whole exchange.
      const request = buildModelsRequest(config);
      const exchange = await openExchange(
        {
          fetch: config.fetch,
          endpoint,
          callerSignal: signal,
          firstByteTimeoutMs,
          stallTimeoutMs,
          describeHttpError: (status, headers, bodyText) => describeHttpError(status, headers, bodyText, errorContext()),
          baseUrlHint: OPENAI_COMPATIBLE_BASE_URL_HINT,
        },
        request.url,
        request.init,
      );
      try {
        const models: ModelInfo[] | undefined = readModelList(await exchange.readText());
        if (!models) throw exchange.unreadable('the model list was not in the expected format');
        return models;
      } finally {
        exchange.close();
      }
    },
  };
}

function finishPart(reason: string | undefined, usage: Usage | undefined): StreamPart {
  return usage ? { type: 'finish', reason: toFinishReason(reason), usage } : { type: 'finish', reason: toFinishReason(reason) };
}
