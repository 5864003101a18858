// @vitest-environment node
/** Replays the recorded Gemini SSE streams in ./fixtures through the provider, in chunks of many sizes. */
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../types';
import { CHUNK_SIZES, replayFixture } from '../testing/replay';
import { createGeminiProvider } from './provider';

const replay = (name: string, chunkSize: number) =>
  replayFixture(createGeminiProvider, new URL(`./fixtures/${name}`, import.meta.url), chunkSize, 'text/event-stream', {
    baseUrl: 'https://generativelanguage.example.test/v1beta',
  });

describe.each(CHUNK_SIZES)('recorded Gemini streams delivered in %i-byte chunks', (chunkSize) => {
  it('\\r\\n\\r\\n-separated chunks; the finishReason and usage of the last chunk', async () => {
    const { parts, error, finish } = await replay('two-chunks-crlf.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([
      { type: 'text-delta', text: 'You' },
      { type: 'text-delta', text: "'re welcome!" },
    ]);
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 139, outputTokens: 16 } }]);
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('a finishReason on every chunk (2024 shape) is final only at the end: all text arrives, one finish', async () => {
    const { text, finish, error } = await replay('finish-on-every-chunk.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('The quick brown fox jumps.');
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 5, outputTokens: 7 } }]);
  });

  it('thought parts are skipped; thinking tokens count as output', async () => {
    const { text, finish, error } = await replay('thought-parts.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Hello back!');
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 8, outputTokens: 23 } }]);
  });

  it('a blocked prompt is a clear, non-retryable error naming the block reason', async () => {
    const { parts, error } = await replay('blocked-prompt.sse', chunkSize);
    expect(parts).toEqual([]);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'model', details: { code: 'PROHIBITED_CONTENT' } });
    expect((error as ProviderError).message).toBe('Gemini declined to read this chat (blocked: PROHIBITED_CONTENT).');
    expect((error as ProviderError).details.hint).toMatch(/another assistant/);
  });

  it('finishReason SAFETY after text keeps the text and finishes as content-filter', async () => {
    const { text, finish, error } = await replay('safety-mid-answer.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Here is the first part');
    expect(finish).toMatchObject([{ type: 'finish', reason: 'content-filter' }]);
  });

  it('a chunk with a top-level error keeps the text and throws a server error', async () => {
    const { text, error } = await replay('mid-stream-error.sse', chunkSize);
    expect(text).toBe('The first half');
    expect(error).toMatchObject({ kind: 'server', details: { code: 'UNAVAILABLE' } });
    expect((error as ProviderError).message).toContain('The model is overloaded');
  });

  it('a body that ends without any finishReason was cut: network error after the text', async () => {
    const { text, finish, error } = await replay('cut-without-finish.sse', chunkSize);
    expect(text).toBe('This answer was cut');
    expect(finish).toEqual([]);
    expect(error).toMatchObject({ kind: 'network', message: 'The connection closed before the answer was complete.' });
  });

  it('multi-byte UTF-8 split across chunks comes out whole', async () => {
    const { text, error } = await replay('utf8-multibyte.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('👋🏽 Olá — ça va? 日本語 👨‍👩‍👧');
  });
});
