// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PROVIDER_KINDS } from '../shared/settings';
import { createProvider } from './registry';
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
    for (const kind of ['openai-compatible', 'openai', 'ollama', 'mistral', 'openrouter'] as const) {
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

  it('sends Ollama’s bare address to its /v1 API', async () => {
    expect((await requestBodyFor('ollama', 'http://localhost:11434')).url).toBe('http://localhost:11434/v1/chat/completions');
    expect((await requestBodyFor('ollama', 'http://localhost:11434/')).url).toBe('http://localhost:11434/v1/chat/completions');
    expect((await requestBodyFor('ollama', 'http://localhost:11434/v1')).url).toBe('http://localhost:11434/v1/chat/completions');
  });

  it('throws a config error naming the kind for kinds not implemented yet', () => {
    for (const kind of ['anthropic', 'gemini', 'webllm', 'chrome-ai'] as const) {
      let thrown: unknown;
      try {
        createProvider(kind, { baseUrl: 'https://x.test', model: 'm', fetch: scriptedFetch() });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProviderError);
      expect(thrown).toMatchObject({ kind: 'config' });
      expect((thrown as ProviderError).message).toMatch(/is not supported yet/);
      expect((thrown as ProviderError).details.hint).toBeTruthy();
    }
    expect(() => createProvider('anthropic', { baseUrl: 'https://x.test', model: 'm', fetch: scriptedFetch() })).toThrow(/^Anthropic/);
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
