// @vitest-environment node
/**
 * Replays the recorded streams in ./fixtures through the provider, delivered in chunks of many sizes:
 * 1 byte splits every line and every UTF-8 sequence; odd sizes land at arbitrary places.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderError, type StreamPart } from '../types';
import { collectUntilError, eventStreamResponse, scriptedFetch } from '../testing/fake-fetch';
import { createOpenAICompatibleProvider } from './provider';

const CHUNK_SIZES = [1, 2, 3, 5, 7, 13, 64, 1024, Number.MAX_SAFE_INTEGER];

function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

async function replay(name: string, chunkSize: number) {
  const fetch = scriptedFetch(eventStreamResponse(fixture(name), chunkSize));
  const provider = createOpenAICompatibleProvider({
    baseUrl: 'https://api.example.test/v1',
    model: 'gpt-x',
    apiKey: 'test-key',
    fetch,
    // A failed replay must fail the test, not be retried against an empty script.
    retry: { maxRetries: 0 },
  });
  const result = await collectUntilError(
    provider.doStream({ messages: [{ role: 'user', content: 'Hi' }], signal: new AbortController().signal }),
  );
  return { ...result, text: textOf(result.parts), finish: result.parts.filter((part) => part.type === 'finish') };
}

function textOf(parts: StreamPart[]): string {
  return parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
}

describe.each(CHUNK_SIZES)('recorded streams delivered in %i-byte chunks', (chunkSize) => {
  it('OpenAI with a usage chunk: every delta, then one finish with usage', async () => {
    const { parts, error, finish } = await replay('openai-with-usage.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([
      { type: 'text-delta', text: 'Hello' },
      { type: 'text-delta', text: ',' },
      { type: 'text-delta', text: ' world' },
      { type: 'text-delta', text: '!' },
    ]);
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 9, outputTokens: 4 } }]);
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('CRLF line endings read the same as LF', async () => {
    const { text, finish, error } = await replay('crlf-line-endings.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Hello, world!');
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 9, outputTokens: 4 } }]);
  });

  it('Mistral: usage inside the finish chunk', async () => {
    const { text, finish, error } = await replay('mistral-usage-in-finish.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Bonjour ! Ça va ?');
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 12, outputTokens: 6 } }]);
  });

  it('OpenRouter: comment lines are skipped', async () => {
    const { text, finish, error } = await replay('openrouter-comments.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Sure, here it is.');
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 20, outputTokens: 5 } }]);
  });

  it('OpenRouter: a mid-stream error keeps the text already yielded, then throws a server error', async () => {
    const { text, finish, error } = await replay('openrouter-mid-stream-error.sse', chunkSize);
    expect(text).toBe('Partial answer');
    expect(finish).toEqual([]);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'server', details: { code: '502', providerMessage: 'Provider disconnected unexpectedly' } });
    expect((error as ProviderError).details.hint).toBeTruthy();
  });

  it('OpenAI: a mid-stream data:{"error"} keeps the partial text and throws a server error', async () => {
    const { text, error } = await replay('openai-mid-stream-error.sse', chunkSize);
    expect(text).toBe('The first half');
    expect(error).toMatchObject({ kind: 'server' });
    expect((error as ProviderError).message).toContain('The server had an error while processing your request');
  });

  it('a stream cut without [DONE] or finish_reason is a network error after the partial text', async () => {
    const { text, finish, error } = await replay('cut-without-done.sse', chunkSize);
    expect(text).toBe('This answer was cut');
    expect(finish).toEqual([]);
    expect(error).toMatchObject({ kind: 'network', message: 'The connection closed before the answer was complete.' });
  });

  it('a finish_reason without [DONE] still finishes normally', async () => {
    const { text, finish, error } = await replay('finish-without-done.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Short answer.');
    expect(finish).toEqual([{ type: 'finish', reason: 'length' }]);
  });

  it('multi-byte UTF-8 split across chunks comes out whole', async () => {
    const { text, error } = await replay('utf8-multibyte.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('👋🏽 Olá — ça va? 日本語 👨‍👩‍👧');
    expect(text).not.toContain('\uFFFD');
  });

  it('a malformed JSON event is a protocol error after the text before it', async () => {
    const { text, error } = await replay('malformed-json.sse', chunkSize);
    expect(text).toBe('Fine so far');
    expect(error).toMatchObject({ kind: 'protocol' });
    expect((error as ProviderError).details.hint).toMatch(/\/v1/);
  });

  it('Ollama /v1: role repeated in every delta, usage before [DONE]', async () => {
    const { text, finish, error } = await replay('ollama-v1.sse', chunkSize);
    expect(error).toBeUndefined();
    expect(text).toBe('Hi there');
    expect(finish).toEqual([{ type: 'finish', reason: 'stop', usage: { inputTokens: 26, outputTokens: 2 } }]);
  });
});

describe('UTF-8 split exactly inside an emoji', () => {
  it('decodes a 4-byte emoji split after each of its bytes', async () => {
    const bytes = fixture('utf8-multibyte.sse');
    const emojiStart = indexOfBytes(bytes, new TextEncoder().encode('👋'));
    expect(emojiStart).toBeGreaterThan(0);
    for (let cut = emojiStart + 1; cut < emojiStart + 4; cut++) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, cut));
          controller.enqueue(bytes.slice(cut));
          controller.close();
        },
      });
      const fetch = scriptedFetch(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }));
      const provider = createOpenAICompatibleProvider({ baseUrl: 'https://api.example.test/v1', model: 'm', fetch });
      const { parts, error } = await collectUntilError(
        provider.doStream({ messages: [], signal: new AbortController().signal }),
      );
      expect(error).toBeUndefined();
      expect(textOf(parts).startsWith('👋🏽 Olá')).toBe(true);
    }
  });
});

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let start = 0; start <= haystack.length - needle.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return start;
  }
  return -1;
}
