// @vitest-environment node
/** Replays the recorded Messages API streams in ./fixtures through the provider, in chunks of many sizes. */
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../types';
import { CHUNK_SIZES, replayFixture } from '../testing/replay';
import { createAnthropicProvider } from './provider';

const replay = (name: string, chunkSize: number) =>
  replayFixture(createAnthropicProvider, new URL(`./fixtures/${name}`, import.meta.url), chunkSize, 'text/event-stream; charset=utf-8');

describe.each(CHUNK_SIZES)('recorded Anthropic streams delivered in %i-byte chunks', (chunkSize) => {
  it('text deltas around pings, then one finish with input and output usage', async () => {
    const { parts, error, finish } = await replay('basic-with-ping.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([
      { type: 'text-delta', text: 'Hello' },
      { type: 'text-delta', text: ', world' },
      { type: 'text-delta', text: '!' },
    ]);
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 11, outputTokens: 6 } }]);
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('CRLF line endings read the same as LF', async () => {
    const { text, finish, error } = await replay('crlf-line-endings.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Hello, world!');
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 11, outputTokens: 6 } }]);
  });

  it('thinking and signature deltas and unknown events are skipped', async () => {
    const { text, finish, error } = await replay('thinking-then-text.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Hi there.');
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 11, outputTokens: 42 } }]);
  });

  it('event: error after text keeps the text and throws a server error naming overloaded_error', async () => {
    const { text, finish, error } = await replay('mid-stream-overloaded.sse', chunkSize);
    expect(text).toBe('Partial answer');
    expect(finish).toEqual([]);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'server', details: { code: 'overloaded_error', providerMessage: 'Overloaded' } });
    expect((error as ProviderError).details.hint).toMatch(/kept/);
  });

  it('a body cut before any stop reason is a network error after the partial text', async () => {
    const { text, finish, error } = await replay('cut-before-stop.sse', chunkSize);
    expect(text).toBe('This answer was cut');
    expect(finish).toEqual([]);
    expect(error).toMatchObject({ kind: 'network', message: 'The connection closed before the answer was complete.' });
  });

  it('a stop reason without message_stop still finishes: max_tokens is length', async () => {
    const { text, finish, error } = await replay('max-tokens-without-message-stop.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Short answer');
    expect(finish).toEqual([{ type: 'finish', reason: 'length', usage: { inputTokens: 11, outputTokens: 3 } }]);
  });

  it('refusal finishes as content-filter', async () => {
    const { finish, error } = await replay('refusal.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(finish).toMatchObject([{ type: 'finish', reason: 'content-filter' }]);
  });

  it('multi-byte UTF-8 split across chunks comes out whole', async () => {
    const { text, error } = await replay('utf8-multibyte.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('👋🏽 Olá — ça va? 日本語 👨‍👩‍👧');
    expect(text).not.toContain('\uFFFD');
  });
});
