/**
 * The skeleton every provider built on ./exchange shares: reading the base URL (a config error at
 * creation, not at the first request), the deadlines with their defaults, the provider's own mapping
 * of a non-2xx status, and retrying a streamed answer while nothing of it has been shown. A provider
 * file passes in what is specific to its wire format: how to build the request, how to read the
 * stream, how to word an HTTP error.
 */
import type { WordedText } from '../../shared/wording';
import type { ModelInfo, ProviderConfig, ProviderError, StreamOptions, StreamPart } from '../types';
import { endpointOrConfigError } from './base-url';
import type { Endpoint } from './endpoint';
import { openExchange, type ExchangeSettings, type OpenExchange } from './exchange';
import type { PreparedRequest } from './prepared-request';
import { resolveRetryPolicy, retryBeforeOutput } from './retry';

export interface StreamingProviderParts {
  config: ProviderConfig;
  /** The base URL as this provider reads it (with its default path added, say). */
  baseUrl: string;
  /** A full base URL this provider expects, for the hint of a config error. */
  baseUrlExample: string;
  /** The hint of a protocol error: which address this provider expects. */
  baseUrlHint: WordedText;
  /** Used when the config sets no first-byte deadline. */
  defaultFirstByteTimeoutMs: number;
  /** Used when the config sets no stall deadline. */
  defaultStallTimeoutMs: number;
  /** Maps a response whose status is not 2xx to the provider's own error. */
  describeHttpError(status: number, headers: Headers, bodyText: string, endpoint: Endpoint): ProviderError;
  /** The request for one streamed answer. */
  buildStreamRequest(options: StreamOptions): PreparedRequest;
  /** The parts of one answer, read from a 2xx exchange (closed by the caller afterwards). */
  readStream(exchange: OpenExchange, endpoint: Endpoint): AsyncGenerator<StreamPart>;
}

export interface StreamingProvider {
  readonly endpoint: Endpoint;
  /** A streamed answer; a transient failure is retried while nothing of the answer has been yielded. */
  doStream(options: StreamOptions): AsyncIterable<StreamPart>;
  /** One exchange read whole (a model list, a probe): `read` gets it open, and it is closed after. */
  exchange<T>(signal: AbortSignal, request: PreparedRequest, read: (exchange: OpenExchange) => Promise<T>): Promise<T>;
}

/** Throws ProviderError('config') when the base URL is not an http(s) URL. */
export function createStreamingProvider(parts: StreamingProviderParts): StreamingProvider {
  const { config } = parts;
  const endpoint = endpointOrConfigError(parts.baseUrl, parts.baseUrlExample);
  const retryPolicy = resolveRetryPolicy(config.retry);
  const settingsFor = (callerSignal: AbortSignal): ExchangeSettings => ({
    fetch: config.fetch,
    endpoint,
    callerSignal,
    firstByteTimeoutMs: config.firstByteTimeoutMs ?? parts.defaultFirstByteTimeoutMs,
    stallTimeoutMs: config.stallTimeoutMs ?? parts.defaultStallTimeoutMs,
    describeHttpError: (status, headers, bodyText) => parts.describeHttpError(status, headers, bodyText, endpoint),
    baseUrlHint: parts.baseUrlHint,
  });

  async function* streamOnce(options: StreamOptions): AsyncGenerator<StreamPart> {
    const request = parts.buildStreamRequest(options);
    const exchange = await openExchange(settingsFor(options.signal), request.url, request.init);
    try {
      yield* parts.readStream(exchange, endpoint);
    } finally {
      exchange.close();
    }
  }

  return {
    endpoint,
    doStream: (options) => retryBeforeOutput(() => streamOnce(options), retryPolicy, options.signal),
    async exchange(signal, request, read) {
      const exchange = await openExchange(settingsFor(signal), request.url, request.init);
      try {
        return await read(exchange);
      } finally {
        exchange.close();
      }
    },
  };
}

/** One page of a paged model list: its ids, and the cursor of the next page (none on the last). */
export interface ModelPage {
  ids: string[];
  next: string | undefined;
}

/**
 * Every id of a paged model list, in order and without repeats. A runaway cursor (always more, or
 * the same page again) must not page forever: at most `maxPages` are read.
 */
export async function collectModelPages(readPage: (cursor: string | undefined) => Promise<ModelPage>, maxPages: number): Promise<ModelInfo[]> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { ids: pageIds, next } = await readPage(cursor);
    for (const id of pageIds) ids.add(id);
    if (next === undefined || next === cursor) break;
    cursor = next;
  }
  return [...ids].map((id): ModelInfo => ({ id }));
}
