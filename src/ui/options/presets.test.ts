// @vitest-environment node
/**
 * The servers the options page offers one click away, and that each really goes through the OpenAI-compatible
 * path to its own address: the request a chat makes lands on <preset base URL>/chat/completions.
 */
import { describe, expect, it } from 'vitest';
import { createProvider } from '../../providers/registry';
import { collect, eventStreamResponse, scriptedFetch } from '../../providers/testing/fake-fetch';
import { defaultNameFor, isPresetValue, modelHintFor, presetsFor, PRESETS } from './presets';

const ANSWER = 'data: {"id":"1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';

const EXPECTED = [
  { id: 'lm-studio', label: 'LM Studio', kind: 'openai-compatible', baseUrl: 'http://localhost:1234/v1' },
  { id: 'llama-cpp', label: 'llama.cpp', kind: 'openai-compatible', baseUrl: 'http://localhost:8080/v1' },
  { id: 'vllm', label: 'vLLM', kind: 'openai-compatible', baseUrl: 'http://localhost:8000/v1' },
  { id: 'mistral', label: 'Mistral', kind: 'mistral', baseUrl: 'https://api.mistral.ai/v1' },
  { id: 'openrouter', label: 'OpenRouter', kind: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1' },
] as const;

describe('presets for OpenAI-compatible servers and services', () => {
  it.each(EXPECTED)('$label is offered at its documented address', (expected) => {
    expect(PRESETS.find((preset) => preset.id === expected.id)).toMatchObject(expected);
  });

  it('the local servers are offered together as chips for the OpenAI-compatible kind', () => {
    expect(presetsFor('openai-compatible').map((preset) => preset.id)).toEqual(['lm-studio', 'llama-cpp', 'vllm']);
  });

  it.each(EXPECTED)('$label: a chat streams from <base URL>/chat/completions through the OpenAI-compatible provider', async (expected) => {
    const fetch = scriptedFetch(eventStreamResponse(ANSWER));
    const provider = createProvider(expected.kind, { baseUrl: expected.baseUrl, model: 'some-model', apiKey: 'key-123', fetch, retry: { maxRetries: 0 } });
    const parts = await collect(provider.doStream({ messages: [{ role: 'user', content: 'Hello' }], signal: new AbortController().signal }));
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'Hi' }]);
    expect(fetch.calls).toHaveLength(1);
    expect(fetch.calls[0]!.url).toBe(`${expected.baseUrl}/chat/completions`);
    const body = JSON.parse(String(fetch.calls[0]!.init.body)) as { model: string; stream: boolean; messages: unknown[]; stream_options?: unknown };
    expect(body).toMatchObject({ model: 'some-model', stream: true, messages: [{ role: 'user', content: 'Hello' }] });
    // Mistral answers 422 to fields it does not know, stream_options included.
    if (expected.kind === 'mistral') expect(body).not.toHaveProperty('stream_options');
  });

  it.each(EXPECTED)('$label names an unnamed assistant, hints a model, and is replaced when the kind changes', (expected) => {
    expect(defaultNameFor(expected.kind, expected.baseUrl)).toBe(expected.label);
    expect(modelHintFor(expected.kind, expected.baseUrl)).toMatch(/^e\.g\. /);
    expect(isPresetValue(expected.baseUrl, 'baseUrl')).toBe(true);
  });
});
