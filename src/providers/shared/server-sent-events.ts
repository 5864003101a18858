/**
 * Turns a response body into Server-Sent Events. Bytes are decoded with one streaming TextDecoder, so a
 * UTF-8 sequence split across network chunks comes out whole, and framing is left to eventsource-parser,
 * which handles \n, \r\n and \r line ends, comments and events split anywhere.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { raceWithAbort } from './abort';

export type { EventSourceMessage };

/** Called around every read so the caller can time the wait for network data (and only that wait). */
export interface ReadObserver {
  beforeRead(): void;
  afterRead(): void;
}

/**
 * One read of the body, with the observer called around it whatever the outcome, so a deadline it
 * arms covers the wait for network data and nothing else.
 */
export async function observedRead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal,
  observer: ReadObserver,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  observer.beforeRead();
  try {
    return await raceWithAbort(reader.read(), signal);
  } finally {
    observer.afterRead();
  }
}

export class EventStreamTooLarge extends Error {
  override readonly name = 'EventStreamTooLarge';
}

/**
 * No legitimate chat-completion event comes near this; a stream that never sends a line end would
 * otherwise grow the parser's buffer without bound.
 */
const MAX_BUFFERED_CHARACTERS = 4 * 1024 * 1024;

/**
 * Yields each complete event. Read failures (connection reset) and `signal` are passed through as
 * thrown errors. An event left incomplete at end of stream is dropped, as the SSE standard says: a
 * half-received JSON payload is a cut connection, not a malformed one. The body is cancelled whenever
 * the consumer stops early.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  observer: ReadObserver,
): AsyncGenerator<EventSourceMessage> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const ready: EventSourceMessage[] = [];
  let overflow: EventStreamTooLarge | undefined;
  const parser = createParser({
    onEvent: (event) => ready.push(event),
    onError: (error) => {
      // Unknown fields and bad `retry:` values are ignorable noise; only an unbounded buffer is fatal.
      if (error.type === 'max-buffer-size-exceeded') overflow = new EventStreamTooLarge(error.message);
    },
    maxBufferSize: MAX_BUFFERED_CHARACTERS,
  });

  let finished = false;
  try {
    while (true) {
      const result = await observedRead(reader, signal, observer);
      if (result.done) {
        finished = true;
        parser.feed(decoder.decode());
        if (overflow) throw overflow;
        yield* ready.splice(0);
        return;
      }
      parser.feed(decoder.decode(result.value, { stream: true }));
      if (overflow) throw overflow;
      yield* ready.splice(0);
    }
  } finally {
    if (!finished) {
      // Stopping early (done sentinel, error, abort, consumer break) must close the connection.
      reader.cancel().catch(() => undefined);
    }
  }
}
