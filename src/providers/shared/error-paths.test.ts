// @vitest-environment node
/**
 * The same failures, provider by provider, each in the provider's own wire format: what a user meets when
 * the key is wrong, the model is missing, the chat is too long for the model, the server fails, the network
 * is down, or a chunk arrives garbled. Every one must end as a ProviderError with the right kind (the
 * sidebar's `data-kind`) and a next step, never as a hang or a raw exception.
 */
import { describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../anthropic/provider';
import { createGeminiProvider } from '../gemini/provider';
import { createOllamaProvider } from '../ollama/provider';
import { createOpenAICompatibleProvider } from '../openai-compatible/provider';
import { collectUntilError, jsonResponse, scriptedFetch } from '../testing/fake-fetch';
import { providerFactory, streamHello } from '../testing/provider-setup';
import { CHUNK_SIZES, replayFixture } from '../testing/replay';
import { ProviderError, type LanguageModelProvider, type ProviderConfig } from '../types';

interface ProviderCase {
  name: string;
  create: (config: ProviderConfig) => LanguageModelProvider;
  model: string;
  settings: Omit<ProviderConfig, 'fetch'>;
  /** The provider's real "prompt too long" answer. */
  contextTooLong: { status: number; body: unknown };
  /** The provider's real "no such model" answer. */
  modelNotFound: { status: number; body: unknown };
  /** A recorded stream: some text, then a chunk whose JSON is cut off. */
  malformedFixture: URL;
  /** The text before the garbled chunk. */
  malformedText: string;
  contentType: string;
}

const CASES: ProviderCase[] = [
  {
    name: 'OpenAI-compatible',
    create: createOpenAICompatibleProvider,
    model: 'gpt-x',
    settings: { baseUrl: 'https://api.example.test/v1', model: 'gpt-x', apiKey: 'sk-test' },
    contextTooLong: {
      status: 400,
      body: {
        error: {
          message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9120 tokens. Please reduce the length of the messages.",
          type: 'invalid_request_error',
          param: 'messages',
          code: 'context_length_exceeded',
        },
      },
    },
    modelNotFound: {
      status: 404,
      body: { error: { message: 'The model `gpt-x` does not exist or you do not have access to it.', type: 'invalid_request_error', param: null, code: 'model_not_found' } },
    },
    malformedFixture: new URL('../openai-compatible/fixtures/malformed-json.sse', import.meta.url),
    malformedText: 'Fine so far',
    contentType: 'text/event-stream; charset=utf-8',
  },
  {
    name: 'Anthropic',
    create: createAnthropicProvider,
    model: 'claude-x',
    settings: { baseUrl: 'https://api.anthropic.test/v1', model: 'claude-x', apiKey: 'sk-ant-test' },
    contextTooLong: {
      status: 400,
      body: { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 212345 tokens > 200000 maximum' } },
    },
    modelNotFound: { status: 404, body: { type: 'error', error: { type: 'not_found_error', message: 'model: claude-x' } } },
    malformedFixture: new URL('../anthropic/fixtures/malformed-json.sse', import.meta.url),
    malformedText: 'Hello',
    contentType: 'text/event-stream; charset=utf-8',
  },
  {
    name: 'Gemini',
    create: createGeminiProvider,
    model: 'gemini-x',
    settings: { baseUrl: 'https://generativelanguage.example.test/v1beta', model: 'gemini-x', apiKey: 'AIza-test' },
    contextTooLong: {
      status: 400,
      body: { error: { code: 400, message: 'The input token count (1210000) exceeds the maximum number of tokens allowed (1048576).', status: 'INVALID_ARGUMENT' } },
    },
    modelNotFound: {
      status: 404,
      body: { error: { code: 404, message: 'models/gemini-x is not found for API version v1beta, or is not supported for generateContent.', status: 'NOT_FOUND' } },
    },
    malformedFixture: new URL('../gemini/fixtures/malformed-json.sse', import.meta.url),
    malformedText: 'Hello',
    contentType: 'text/event-stream; charset=utf-8',
  },
  {
    name: 'Ollama',
    create: createOllamaProvider,
    model: 'llama3.2',
    settings: { baseUrl: 'http://localhost:11434', model: 'llama3.2' },
    // Ollama with truncation off (or a runner that refuses) answers with its plain {"error": …}.
    contextTooLong: { status: 400, body: { error: 'prompt too long; exceeded max context length by 1873 tokens' } },
    modelNotFound: { status: 404, body: { error: 'model "llama3.2" not found, try pulling it first' } },
    malformedFixture: new URL('../ollama/fixtures/malformed-line.ndjson', import.meta.url),
    malformedText: 'Hello',
    contentType: 'application/x-ndjson',
  },
];

async function failureOf(provider: LanguageModelProvider): Promise<ProviderError> {
  const { error } = await collectUntilError(streamHello(provider));
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe.each(CASES)('$name: failures a user can act on', (subject) => {
  const providerWith = providerFactory(subject.create, subject.settings);

  it('a prompt too long for the model: kind context, with a next step, not retried', async () => {
    const fetch = scriptedFetch(jsonResponse(subject.contextTooLong.status, subject.contextTooLong.body));
    const error = await failureOf(providerWith(fetch));
    expect(error.kind).toBe('context');
    expect(error.message).toContain(subject.model);
    expect(error.details.hint).toMatch(/fewer messages|larger context/i);
    expect(fetch.calls).toHaveLength(1);
  });

  it('401: kind auth, not retried', async () => {
    const fetch = scriptedFetch(jsonResponse(401, { error: { message: 'Invalid API key' } }));
    expect((await failureOf(providerWith(fetch))).kind).toBe('auth');
    expect(fetch.calls).toHaveLength(1);
  });

  it('403 with a reason: kind auth, not retried', async () => {
    const fetch = scriptedFetch(jsonResponse(403, { error: { message: 'Permission denied for this model' } }));
    expect((await failureOf(providerWith(fetch))).kind).toBe('auth');
    expect(fetch.calls).toHaveLength(1);
  });

  it('404 for the model: kind model, naming it', async () => {
    const fetch = scriptedFetch(jsonResponse(subject.modelNotFound.status, subject.modelNotFound.body));
    const error = await failureOf(providerWith(fetch));
    expect(error.kind).toBe('model');
    expect(error.message).toContain(subject.model);
    expect(fetch.calls).toHaveLength(1);
  });

  it('500 three times: retried twice, then kind server, retryable by the user', async () => {
    const fetch = scriptedFetch(...[1, 2, 3].map(() => jsonResponse(500, { error: { message: 'internal error' } })));
    expect((await failureOf(providerWith(fetch))).kind).toBe('server');
    expect(fetch.calls).toHaveLength(3);
  });

  it('the network down: retried, then kind network', async () => {
    const fetch = scriptedFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    expect((await failureOf(providerWith(fetch))).kind).toBe('network');
    expect(fetch.calls).toHaveLength(3);
  });

  it.each(CHUNK_SIZES)('a garbled chunk mid-stream (recorded, in %i-byte chunks): kind protocol, after the text before it', async (chunkSize) => {
    const { text, error } = await replayFixture(subject.create, subject.malformedFixture, chunkSize, subject.contentType, { model: subject.model });
    expect(text).toBe(subject.malformedText);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe('protocol');
  });
});
