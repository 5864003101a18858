/**
 * Turns a newline-delimited JSON body (Ollama's native API) into lines. Bytes are decoded with one
 * streaming TextDecoder, so a UTF-8 sequence split across network chunks comes out whole, and lines
 * are cut only at `\n`, so a line split across chunks is joined before anyone parses it.
 */
import { BodyTooLarge } from './exchange';
import { observedRead, type ReadObserver } from './server-sent-events';

export interface JsonLine {
  text: string;
  /**
   * False for text left over when the body ended without a final line end: a server that omits the
   * last `\n`, or a connection cut in the middle of a line. The reader of the line tells them apart.
   */
  terminated: boolean;
}

/** No legitimate line comes near this; a body that never sends `\n` must not grow memory without bound. */
const MAX_LINE_CHARACTERS = 4 * 1024 * 1024;

/** Yields every non-blank line, without its line end. The body is cancelled when the consumer stops early. */
export async function* readJsonLines(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  observer: ReadObserver,
): AsyncGenerator<JsonLine> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let finished = false;
  try {
    while (true) {
      const result = await observedRead(reader, signal, observer);
      if (result.done) {
        finished = true;
        pending += decoder.decode();
        if (pending.trim() !== '') yield { text: withoutCarriageReturn(pending), terminated: false };
        return;
      }
      pending += decoder.decode(result.value, { stream: true });
      let lineEnd = pending.indexOf('\n');
      while (lineEnd !== -1) {
        const line = withoutCarriageReturn(pending.slice(0, lineEnd));
        pending = pending.slice(lineEnd + 1);
        if (line.trim() !== '') yield { text: line, terminated: true };
        lineEnd = pending.indexOf('\n');
      }
      if (pending.length > MAX_LINE_CHARACTERS) throw new BodyTooLarge('a line exceeded the size limit');
    }
  } finally {
    // Stopping early (done line, error, abort, consumer break) must close the connection.
    if (!finished) reader.cancel().catch(() => undefined);
  }
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
