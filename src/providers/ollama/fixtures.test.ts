// @vitest-environment node
/** Replays the recorded /api/chat NDJSON streams in ./fixtures through the provider, in chunks of many sizes. */
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../types';
import { CHUNK_SIZES, replayFixture } from '../testing/replay';
import { createOllamaProvider } from './provider';

const replay = (name: string, chunkSize: number) =>
  replayFixture(createOllamaProvider, new URL(`./fixtures/${name}`, import.meta.url), chunkSize, 'application/x-ndjson', {
    baseUrl: 'http://localhost:11434',
    apiKey: undefined,
  });

const COUNTERS = { inputTokens: 26, outputTokens: 282 };

describe.each(CHUNK_SIZES)('recorded Ollama streams delivered in %i-byte chunks', (chunkSize) => {
  it('content lines joined across chunks, then one finish with the counters', async () => {
    const { parts, error, finish } = await replay('chat.ndjson', chunkSize);
    expect(error).toBeUndefined();
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([
      { type: 'text-delta', text: 'The' },
      { type: 'text-delta', text: ' sky' },
      { type: 'text-delta', text: ' is' },
      { type: 'text-delta', text: ' blue.' },
    ]);
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: COUNTERS }]);
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('a done line without a final newline still finishes', async () => {
    const { text, finish, error } = await replay('no-final-newline.ndjson', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('The sky is blue.');
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: COUNTERS }]);
  });

  it('done_reason length finishes as length', async () => {
    const { text, finish } = await replay('length.ndjson', chunkSize);
    expect(text).toBe('Cut short');
    expect(finish).toMatchObject([{ type: 'finish', reason: 'length' }]);
  });

  it('thinking is not part of the answer', async () => {
    const { text, error } = await replay('thinking.ndjson', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Hello!');
  });

  it('an {"error"} line after text keeps the text and throws a server error with Ollama’s words', async () => {
    const { text, finish, error } = await replay('mid-stream-error.ndjson', chunkSize);
    expect(text).toBe('Partial answer');
    expect(finish).toEqual([]);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'server', details: { providerMessage: 'an error was encountered while running the model: unexpected EOF' } });
  });

  it('a body cut inside a line is a network error, not a protocol error', async () => {
    const { text, finish, error } = await replay('cut-mid-line.ndjson', chunkSize);
    expect(text).toBe('This answer was cut');
    expect(finish).toEqual([]);
    expect(error).toMatchObject({ kind: 'network', message: 'The connection closed before the answer was complete.' });
  });

  it('multi-byte UTF-8 split across chunks comes out whole', async () => {
    const { text, error } = await replay('utf8-multibyte.ndjson', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('👋🏽 Olá — ça va? 日本語 👨‍👩‍👧');
  });
});
