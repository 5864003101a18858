// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chunkedBody } from '../testing/fake-fetch';
import { BodyTooLarge } from './exchange';
import { readJsonLines, type JsonLine } from './json-lines';

const NO_OBSERVER = { beforeRead() {}, afterRead() {} };

async function linesOf(text: string, chunkSize: number): Promise<JsonLine[]> {
  const lines: JsonLine[] = [];
  for await (const line of readJsonLines(chunkedBody(new TextEncoder().encode(text), chunkSize), new AbortController().signal, NO_OBSERVER)) {
    lines.push(line);
  }
  return lines;
}

describe('readJsonLines', () => {
  it('joins lines split across chunks, skips blank lines, strips \\r', async () => {
    for (const chunkSize of [1, 2, 5, 100]) {
      expect(await linesOf('{"a":1}\n\n{"b":"é"}\r\n{"c":3}', chunkSize)).toEqual([
        { text: '{"a":1}', terminated: true },
        { text: '{"b":"é"}', terminated: true },
        { text: '{"c":3}', terminated: false },
      ]);
    }
  });

  it('refuses a line that never ends instead of buffering it forever', async () => {
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('x'.repeat(1024 * 1024)));
      },
    });
    const reading = (async () => {
      for await (const _ of readJsonLines(endless, new AbortController().signal, NO_OBSERVER)) void _;
    })();
    await expect(reading).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it('cancels the body when the consumer stops early', async () => {
    let cancelled = false;
    const body = chunkedBody(new TextEncoder().encode('{"a":1}\n{"b":2}\n'), 4, { endWith: 'stall', onCancel: () => (cancelled = true) });
    for await (const line of readJsonLines(body, new AbortController().signal, NO_OBSERVER)) {
      expect(line.text).toBe('{"a":1}');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
