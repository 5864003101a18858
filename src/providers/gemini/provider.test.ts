// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderError } from '../types';
import { collect, collectUntilError, eventStreamResponse, jsonResponse, scriptedFetch, silentFetch } from '../testing/fake-fetch';
import { providerFactory, streamHello } from '../testing/provider-setup';
import { createGeminiProvider } from './provider';

const HAPPY_STREAM =
  'data: {"candidates":[{"content":{"parts":[{"text":"Hi"}],"role":"model"},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":4,"candidatesTokenCount":1}}\r\n\r\n';

const GEMINI_KEY = 'AIzaSyTestKey0123456789abcdefghij';

const providerWith = providerFactory(createGeminiProvider, {
  baseUrl: 'https://generativelanguage.example.test/v1beta',
  model: 'gemini-2.5-flash',
  apiKey: GEMINI_KEY,
});

const stream = streamHello;

afterEach(() => {
  vi.useRealTimers();
});

describe('the request', () => {
  it('POSTs to models/{model}:streamGenerateContent?alt=sse with the key in a header, never in the URL', async () => {
    const fetch = scriptedFetch(eventStreamResponse(HAPPY_STREAM));
    await collect(
      providerWith(fetch, { model: 'models/gemini-2.5-flash' }).doStream({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hello' },
          { role: 'assistant', content: 'Hi!' },
          { role: 'user', content: 'How are you?' },
          { role: 'user', content: 'Still there?' },
        ],
        signal: new AbortController().signal,
        maxOutputTokens: 256,
        temperature: 0.4,
      }),
    );
    const [call] = fetch.calls;
    expect(call?.url).toBe('https://generativelanguage.example.test/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(call?.url).not.toContain(GEMINI_KEY);
    expect(call?.url).not.toContain('key=');
    expect(call?.init.headers).toEqual({ 'x-goog-api-key': GEMINI_KEY, 'Content-Type': 'application/json' });
    expect(JSON.parse(String(call?.init.body))).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Hello' }] },
        { role: 'model', parts: [{ text: 'Hi!' }] },
        { role: 'user', parts: [{ text: 'How are you?\n\nStill there?' }] },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { maxOutputTokens: 256, temperature: 0.4 },
    });
  });

  it('adds /v1beta to a bare address and omits empty fields', async () => {
    const fetch = scriptedFetch(eventStreamResponse(HAPPY_STREAM));
    await collect(stream(providerWith(fetch, { baseUrl: 'https://generativelanguage.example.test' })));
    expect(fetch.calls[0]?.url).toBe('https://generativelanguage.example.test/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    const body = JSON.parse(String(fetch.calls[0]?.init.body));
    expect(body).not.toHaveProperty('systemInstruction');
    expect(body).not.toHaveProperty('generationConfig');
  });
});

describe('HTTP errors', () => {
  const googleError = (status: number, statusWord: string, message: string, details: unknown[] = [], headers: Record<string, string> = {}) =>
    jsonResponse(status, { error: { code: status, message, status: statusWord, details } }, headers);

  async function errorFor(response: Response) {
    const { error } = await collectUntilError(stream(providerWith(scriptedFetch(response), { retry: { maxRetries: 0 } })));
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }

  it('a bad key is a 400 API_KEY_INVALID: auth, with the key never echoed', async () => {
    const error = await errorFor(
      googleError(400, 'INVALID_ARGUMENT', `API key not valid. Please pass a valid API key. ${GEMINI_KEY}`, [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
      ]),
    );
    expect(error).toMatchObject({ kind: 'auth', details: { status: 400, code: 'API_KEY_INVALID' } });
    expect(error.message).toBe('The API key was rejected by generativelanguage.example.test.');
    expect(error.details.providerMessage).not.toContain(GEMINI_KEY);
  });

  it('429 RESOURCE_EXHAUSTED is a rate limit; RetryInfo.retryDelay is the wait', async () => {
    const error = await errorFor(
      googleError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details.', [
        { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaMetric: 'generate_content_free_tier_requests' }] },
        { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '17s' },
      ]),
    );
    expect(error).toMatchObject({ kind: 'rate-limit', details: { status: 429, code: 'RESOURCE_EXHAUSTED', retryAfterMs: 17_000 } });
    expect(error.details.hint).toMatch(/^Try again in 17 seconds\./);
  });

  it('404 NOT_FOUND is an unknown model; a bare 404 page is a wrong base URL', async () => {
    const missing = await errorFor(googleError(404, 'NOT_FOUND', 'models/gemini-9 is not found for API version v1beta'));
    expect(missing).toMatchObject({ kind: 'model', details: { code: 'NOT_FOUND' } });
    const wrongPath = await errorFor(new Response('', { status: 404 }));
    expect(wrongPath).toMatchObject({ kind: 'config', details: { code: 'endpoint_not_found' } });
  });

  it('403 PERMISSION_DENIED is auth', async () => {
    const error = await errorFor(googleError(403, 'PERMISSION_DENIED', 'Method doesn’t allow unregistered callers.'));
    expect(error).toMatchObject({ kind: 'auth', details: { code: 'PERMISSION_DENIED' } });
  });

  it('400 with too many input tokens is a context error; another 400 is a config error', async () => {
    expect(await errorFor(googleError(400, 'INVALID_ARGUMENT', 'The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).'))).toMatchObject({
      kind: 'context',
    });
    expect(await errorFor(googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'))).toMatchObject({ kind: 'config' });
  });

  it('500 INTERNAL and 503 UNAVAILABLE are server errors', async () => {
    expect(await errorFor(googleError(500, 'INTERNAL', 'An internal error has occurred.'))).toMatchObject({ kind: 'server', details: { status: 500 } });
    expect(await errorFor(googleError(503, 'UNAVAILABLE', 'The model is overloaded.'))).toMatchObject({ kind: 'server', details: { status: 503 } });
  });
});

describe('retries, timeouts', () => {
  it('429 with a short retry delay: a retrying warning, then the answer', async () => {
    const fetch = scriptedFetch(
      jsonResponse(429, { error: { code: 429, message: 'Resource exhausted', status: 'RESOURCE_EXHAUSTED' } }, { 'retry-after-ms': '5' }),
      eventStreamResponse(HAPPY_STREAM),
    );
    const parts = await collect(stream(providerWith(fetch)));
    expect(parts.map((part) => part.type)).toEqual(['warning', 'text-delta', 'finish']);
    expect(parts[0]).toMatchObject({ warning: { type: 'retrying', message: 'Rate limited; retrying in 1 s' } });
  });

  it('no first byte in time is a timeout', async () => {
    vi.useFakeTimers();
    const outcome = collectUntilError(stream(providerWith(silentFetch(), { firstByteTimeoutMs: 500 })));
    await vi.advanceTimersByTimeAsync(500);
    expect((await outcome).error).toMatchObject({ kind: 'timeout' });
  });
});

describe('listModels', () => {
  it('GETs <base>/models, follows nextPageToken, keeps generateContent models and strips models/', async () => {
    const fetch = scriptedFetch(
      jsonResponse(200, {
        models: [
          { name: 'models/gemini-2.5-flash', supportedGenerationMethods: ['generateContent', 'countTokens'] },
          { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] },
        ],
        nextPageToken: 'page-2',
      }),
      jsonResponse(200, { models: [{ name: 'models/gemini-2.5-pro', supportedGenerationMethods: ['generateContent'] }] }),
    );
    expect(await providerWith(fetch).listModels(new AbortController().signal)).toEqual([{ id: 'gemini-2.5-flash' }, { id: 'gemini-2.5-pro' }]);
    expect(fetch.calls.map((call) => call.url)).toEqual([
      'https://generativelanguage.example.test/v1beta/models?pageSize=1000',
      'https://generativelanguage.example.test/v1beta/models?pageSize=1000&pageToken=page-2',
    ]);
    for (const call of fetch.calls) {
      expect(call.url).not.toContain(GEMINI_KEY);
      expect(call.init.headers).toEqual({ 'x-goog-api-key': GEMINI_KEY });
    }
  });

  it('an empty account lists nothing; errors are mapped', async () => {
    expect(await providerWith(scriptedFetch(jsonResponse(200, {}))).listModels(new AbortController().signal)).toEqual([]);
    await expect(
      providerWith(
        scriptedFetch(jsonResponse(400, { error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT', details: [{ reason: 'API_KEY_INVALID' }] } })),
      ).listModels(new AbortController().signal),
    ).rejects.toMatchObject({ kind: 'auth' });
  });
});
