/**
 * One HTTP exchange with a provider, with the deadlines and failure wording every provider shares, so
 * a provider file only says what its protocol means:
 * - one first-byte deadline from sending the request to the first body byte (headers alone prove
 *   little: a proxy may answer them while the model is still loading);
 * - then a stall deadline between two chunks of a streamed body;
 * - the caller's abort rethrown unchanged, a fired deadline as ProviderError('timeout'), fetch's
 *   network TypeError as ProviderError('network'), the egress guard's own refusal passed through;
 * - a non-2xx status handed to the provider's own error mapping with the body text it came with.
 * See ../types.ts for the failure convention.
 */
import type { WordedText } from '../../shared/wording';
import { ProviderError, type GuardedFetch } from '../types';
import { raceWithAbort, throwIfAborted } from './abort';
import type { Endpoint } from './endpoint';
import { EventStreamTooLarge, type ReadObserver } from './server-sent-events';
import { classifyTransportFailure, unreadableResponseError } from './transport-errors';
import { createWatchdog, type Watchdog } from './watchdog';

export interface ExchangeSettings {
  fetch: GuardedFetch;
  endpoint: Endpoint;
  callerSignal: AbortSignal;
  firstByteTimeoutMs: number;
  stallTimeoutMs: number;
  /** Maps a response whose status is not 2xx to the provider's own error. */
  describeHttpError(status: number, headers: Headers, bodyText: string): ProviderError;
  /** The hint of a protocol error: which address this provider expects. */
  baseUrlHint: WordedText;
}

/** Reads a body into items (events, lines), calling the observer around each network read. */
export type BodyReader<T> = (body: ReadableStream<Uint8Array>, signal: AbortSignal, observer: ReadObserver) => AsyncIterable<T>;

/** Thrown by a BodyReader whose buffer would grow without bound (a body with no line ends). */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

export interface OpenExchange {
  /** The 2xx response; its body is read with `readStream` or `readText`, never directly. */
  readonly response: Response;
  /** Items of the body, stall deadline armed between reads; every failure already classified. */
  readStream<T>(reader: BodyReader<T>): AsyncGenerator<T>;
  /** The whole body as text, under the first-byte deadline that is still running. */
  readText(): Promise<string>;
  /** A protocol error naming what was wrong with the body, with this provider's base-URL hint. */
  unreadable(what: string): ProviderError;
  /** Ends the exchange: clears the deadline and closes the connection if it is still open. */
  close(): void;
}

/**
 * Sends the request and waits for a 2xx response. Throws the mapped ProviderError for any other
 * status, after reading the error body (or not, when it cannot be read in time).
 */
export async function openExchange(settings: ExchangeSettings, url: string, init: RequestInit): Promise<OpenExchange> {
  const { callerSignal, endpoint } = settings;
  throwIfAborted(callerSignal);
  const watchdog = createWatchdog(callerSignal);
  const failure = (error: unknown, phase: 'connect' | 'read') =>
    classifyTransportFailure(error, { callerSignal, watchdog, endpoint, phase });
  try {
    watchdog.arm('first-byte', settings.firstByteTimeoutMs);
    let response: Response;
    try {
      response = await raceWithAbort(settings.fetch(url, { ...init, signal: watchdog.signal }), watchdog.signal);
    } catch (error) {
      throw failure(error, 'connect');
    }
    if (!response.ok) {
      const bodyText = await readErrorBodyText(response, watchdog, callerSignal);
      throw settings.describeHttpError(response.status, response.headers, bodyText);
    }
    const unreadable = (what: string) => unreadableResponseError(endpoint, what, settings.baseUrlHint);
    return {
      response,
      unreadable,
      async *readStream<T>(reader: BodyReader<T>): AsyncGenerator<T> {
        if (!response.body) throw unreadable('it had no body');
        try {
          yield* reader(response.body, watchdog.signal, stallDeadline(watchdog, settings.stallTimeoutMs));
        } catch (error) {
          if (error instanceof EventStreamTooLarge || error instanceof BodyTooLarge) throw unreadable('a message in it was too large');
          throw failure(error, 'read');
        }
      },
      async readText() {
        try {
          return await raceWithAbort(response.text(), watchdog.signal);
        } catch (error) {
          throw failure(error, 'read');
        }
      },
      close: () => watchdog.dispose(),
    };
  } catch (error) {
    watchdog.dispose();
    throw error;
  }
}

/**
 * The first read is still under the first-byte deadline; every later read gets the stall deadline,
 * and only while the network is awaited, never while the consumer handles what arrived.
 */
export function stallDeadline(watchdog: Watchdog, stallTimeoutMs: number): ReadObserver {
  let receivedFirstChunk = false;
  return {
    beforeRead() {
      if (receivedFirstChunk) watchdog.arm('stall', stallTimeoutMs);
    },
    afterRead() {
      receivedFirstChunk = true;
      watchdog.disarm();
    },
  };
}

/**
 * The body of an error response, or '' when it cannot be read in time: the status alone still makes a
 * useful message. The caller's abort is the exception, and is rethrown.
 */
export async function readErrorBodyText(response: Response, watchdog: Watchdog, callerSignal: AbortSignal): Promise<string> {
  try {
    return await raceWithAbort(response.text(), watchdog.signal);
  } catch {
    if (callerSignal.aborted) throw callerSignal.reason;
    return '';
  }
}

/** Parses JSON, or undefined when the text is not JSON: callers say what they expected instead. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
