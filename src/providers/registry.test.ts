// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PROVIDER_KINDS } from '../shared/settings';
import { createProvider, IMPLEMENTED_PROVIDER_KINDS } from './registry';
import { collect, eventStreamResponse, scriptedFetch } from './testing/fake-fetch';
import { ProviderError } from './types';

const DONE = 'data: {"choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';

async function requestBodyFor(kind: (typeof PROVIDER_KINDS)[number], baseUrl = 'https://api.example.test/v1') {
  const fetch = scriptedFetch(eventStreamResponse(DONE));
  const provider = createProvider(kind, { baseUrl, model: 'm', fetch });
  await collect(provider.doStream({ messages: [], signal: new AbortController().signal, maxOutputTokens: 10 }));
  return { provider, url: fetch.calls[0]?.url, body: JSON.parse(String(fetch.calls[0]?.init.body)) as Record<string, unknown> };
}

describe('createProvider', () => {
  it('maps the OpenAI-compatible kinds to the OpenAI-compatible provider, reporting their kind', async () => {
    for (const kind of ['openai-compatible', 'openai', 'mistral', 'openrouter'] as const) {
      const { provider, url } = await requestBodyFor(kind);
      expect(provider.kind).toBe(kind);
      expect(url).toBe('https://api.example.test/v1/chat/completions');
    }
  });

  it('speaks each dialect: OpenAI max_completion_tokens, Mistral without stream_options', async () => {
    expect((await requestBodyFor('openai')).body).toMatchObject({ max_completion_tokens: 10, stream_options: { include_usage: true } });
    const mistral = (await requestBodyFor('mistral')).body;
    expect(mistral).toMatchObject({ max_tokens: 10 });
    expect(mistral).not.toHaveProperty('stream_options');
    expect((await requestBodyFor('openrouter')).body).toMatchObject({ max_tokens: 10, stream_options: { include_usage: true } });
  });

  it('sends Ollama to its native /api/chat whether the address has /v1, /api, a slash, or nothing', async () => {
    for (const baseUrl of ['http://localhost:11434', 'http://localhost:11434/', 'http://localhost:11434/v1', 'http://localhost:11434/v1/', 'http://localhost:11434/api']) {
      const fetch = scriptedFetch(new Response('{"message":{"role":"assistant","content":"ok"},"done":true,"done_reason":"stop"}\n'));
      const provider = createProvider('ollama', { baseUrl, model: 'llama3.2', fetch });
      expect(provider.kind).toBe('ollama');
      const parts = await collect(provider.doStream({ messages: [], signal: new AbortController().signal }));
      expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
      expect(fetch.calls[0]?.url).toBe('http://localhost:11434/api/chat');
      expect(JSON.parse(String(fetch.calls[0]?.init.body))).toMatchObject({ options: { num_ctx: 8192 } });
    }
  });

  it('builds the native Anthropic and Gemini providers', async () => {
    const anthropic = createProvider('anthropic', { baseUrl: 'https://api.anthropic.com/v1', model: 'claude-x', fetch: scriptedFetch() });
    expect(anthropic.kind).toBe('anthropic');
    const gemini = createProvider('gemini', { baseUrl: 'https://generativelanguage.googleapis.com/v1beta', model: 'gemini-x', fetch: scriptedFetch() });
    expect(gemini.kind).toBe('gemini');
    for (const kind of ['anthropic', 'gemini', 'ollama'] as const) expect(IMPLEMENTED_PROVIDER_KINDS.has(kind)).toBe(true);
  });

  it('leaves the in-browser kinds to the background’s local engine, with a config error here', () => {
    for (const kind of ['webllm', 'chrome-ai'] as const) {
      let thrown: unknown;
      try {
        createProvider(kind, { baseUrl: 'https://x.test', model: 'm', fetch: scriptedFetch() });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProviderError);
      expect(thrown).toMatchObject({ kind: 'config' });
      expect((thrown as ProviderError).details.hint).toBeTruthy();
      expect(IMPLEMENTED_PROVIDER_KINDS.has(kind)).toBe(true);
    }
    expect(() => createProvider('webllm', { baseUrl: 'https://x.test', model: 'm', fetch: scriptedFetch() })).toThrow(/^The in-browser model/);
  });

  it('covers every settings kind', () => {
    for (const kind of PROVIDER_KINDS) {
      try {
        createProvider(kind, { baseUrl: 'https://x.test/v1', model: 'm', fetch: scriptedFetch() });
      } catch (error) {
        expect(error).toBeInstanceOf(ProviderError);
      }
    }
  });
});
