/**
 * Test doubles for a provider's GuardedFetch: responses whose bodies arrive in chunks of a chosen size,
 * so every place a network could split a stream (inside a line, inside a UTF-8 sequence) gets exercised.
 * Test-only; nothing in the extension imports this.
 */
import type { GuardedFetch } from '../types';

export interface RecordedCall {
  url: string;
  init: RequestInit;
}

/** A body that delivers `bytes` in pieces of `chunkSize` bytes, then either closes or stays open. */
export function chunkedBody(
  bytes: Uint8Array,
  chunkSize: number,
  options: { endWith?: 'close' | 'stall' | 'reset'; onCancel?: () => void } = {},
): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset < bytes.length) {
        controller.enqueue(bytes.slice(offset, offset + chunkSize));
        offset += chunkSize;
        return;
      }
      if (options.endWith === 'stall') return new Promise<void>(() => undefined);
      if (options.endWith === 'reset') {
        controller.error(new TypeError('network error'));
        return;
      }
      controller.close();
    },
    cancel() {
      options.onCancel?.();
    },
  });
}

export function eventStreamResponse(
  source: string | Uint8Array,
  chunkSize = Number.MAX_SAFE_INTEGER,
  options: Parameters<typeof chunkedBody>[2] = {},
): Response {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  return new Response(chunkedBody(bytes, chunkSize, options), {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8' },
  });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * A fetch that answers each call with the next item: a Response, a function building one, or an error
 * to throw. Records every call. Ignores the signal on purpose, like a careless wrapper would, so the
 * provider's own abort handling is what the tests see.
 */
export function scriptedFetch(
  ...answers: Array<Response | Error | ((call: RecordedCall) => Response | Promise<Response>)>
): GuardedFetch & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const call = { url, init };
    calls.push(call);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`Unexpected request ${calls.length} to ${url}`);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(call) : answer;
  };
  return Object.assign(fetch, { calls });
}

/** A fetch that never answers. */
export function silentFetch(): GuardedFetch & { calls: RecordedCall[] } {
  return scriptedFetch(() => new Promise<Response>(() => undefined));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Every part a stream yielded, and what it threw (if it threw). */
export async function collectUntilError<T>(iterable: AsyncIterable<T>): Promise<{ parts: T[]; error: unknown }> {
  const parts: T[] = [];
  try {
    for await (const part of iterable) parts.push(part);
  } catch (error) {
    return { parts, error };
  }
  return { parts, error: undefined };
}
