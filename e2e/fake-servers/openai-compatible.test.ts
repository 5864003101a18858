// @vitest-environment node
/**
 * The fake server against the real provider over real HTTP with Node's fetch: proves the fake speaks
 * the protocol the provider expects, and gives the real-browser suite a server it can trust.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAICompatibleProvider } from '../../src/providers/openai-compatible';
import { ProviderError, type GuardedFetch, type ProviderConfig, type StreamPart } from '../../src/providers/types';
import { startFakeOpenAI, type FakeOpenAIServer } from './openai-compatible';

let server: FakeOpenAIServer;

beforeAll(async () => {
  server = await startFakeOpenAI({ apiKey: 'sk-fake-key-0001' });
});
afterEach(() => server.reset());
afterAll(() => server.close());

const nodeFetch: GuardedFetch = (url, init) => fetch(url, init);

function provider(overrides: Partial<ProviderConfig> = {}) {
  return createOpenAICompatibleProvider({
    baseUrl: server.url,
    model: 'fake-model',
    apiKey: 'sk-fake-key-0001',
    fetch: nodeFetch,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
}

async function run(overrides: Partial<ProviderConfig> = {}, signal = new AbortController().signal) {
  const parts: StreamPart[] = [];
  let error: unknown;
  try {
    for await (const part of provider(overrides).doStream({ messages: [{ role: 'user', content: 'Say hello' }], signal, maxOutputTokens: 50 })) {
      parts.push(part);
    }
  } catch (caught) {
    error = caught;
  }
  const text = parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
  return { parts, text, error, deltas: parts.filter((part) => part.type === 'text-delta').length };
}

const chatRequests = () => server.requests.filter((request) => request.path === '/v1/chat/completions');

describe('fake OpenAI-compatible server with the real provider', () => {
  it('happy path: arbitrary text streams back exactly, events split across writes, request recorded', async () => {
    const text = '**Hi** 👋🏽 <img src=x onerror=alert(1)> [link](javascript:alert(1))\n\n日本語 — ça va?';
    server.script({ text, splitEventsAcrossWrites: true });
    const result = await run();
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(text);
    expect(result.deltas).toBeGreaterThan(3);
    expect(result.parts.at(-1)).toMatchObject({ type: 'finish', reason: 'stop', usage: { outputTokens: result.deltas } });

    const [request] = chatRequests();
    expect(request?.method).toBe('POST');
    expect(request?.headers.authorization).toBe('Bearer sk-fake-key-0001');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toMatchObject({ model: 'fake-model', stream: true, stream_options: { include_usage: true }, max_tokens: 50 });
    expect(request?.firstByteAt).toBeGreaterThanOrEqual(request?.receivedAt ?? Infinity);
    expect(request?.firstTokenAt).toBeGreaterThanOrEqual(request?.firstByteAt ?? Infinity);
    expect(request?.closedByClient).toBe(false);
  });

  it('429 then success: the provider retries after retry-after-ms and streams', async () => {
    server.script({ httpError: 429, headers: { 'retry-after-ms': '30' } });
    server.script({ text: 'Second time lucky' });
    const result = await run();
    expect(result.error).toBeUndefined();
    expect(result.text).toBe('Second time lucky');
    expect(chatRequests()).toHaveLength(2);
  });

  it('cut stream: partial text, then a network error, and no retry after output started', async () => {
    server.script({ text: 'one two three four five', cutAfter: 2 }, { persistent: true });
    const result = await run();
    expect(result.text).toBe('one two');
    expect(result.error).toBeInstanceOf(ProviderError);
    expect(result.error).toMatchObject({ kind: 'network', message: 'The connection closed before the answer was complete.' });
    expect(chatRequests()).toHaveLength(1);
    expect(chatRequests()[0]?.closedByClient).toBe(false);
  });

  it('requires the configured key: 401 invalid_api_key', async () => {
    const result = await run({ apiKey: 'sk-wrong-key-9999' });
    expect(result.error).toMatchObject({ kind: 'auth', details: { status: 401, code: 'invalid_api_key' } });
    expect((result.error as ProviderError).details.providerMessage).not.toContain('sk-wrong-key-9999');
  });

  it('lists models', async () => {
    expect(await provider().listModels(new AbortController().signal)).toEqual([{ id: 'fake-model' }, { id: 'fake-model-large' }]);
    server.script({ httpError: 500 }, { route: 'models' });
    await expect(provider().listModels(new AbortController().signal)).rejects.toMatchObject({ kind: 'server' });
  });

  it('scripted HTTP errors map to their kinds', async () => {
    server.script({ quota429: true });
    expect((await run()).error).toMatchObject({ kind: 'quota' });
    server.script({ contextTooLong: true });
    expect((await run()).error).toMatchObject({ kind: 'context', details: { code: 'context_length_exceeded' } });
    server.script({ httpError: 404 });
    expect((await run()).error).toMatchObject({ kind: 'model', details: { code: 'model_not_found' } });
    server.script({ httpError: 401, body: { message: 'Unauthorized' } });
    expect((await run()).error).toMatchObject({ kind: 'auth', details: { providerMessage: 'Unauthorized' } });
    server.script({ httpError: 503 }, { times: 3 });
    expect((await run()).error).toMatchObject({ kind: 'server', details: { status: 503 } });
    expect(chatRequests()).toHaveLength(7);
  });

  it('stream variants: Mistral usage, OpenRouter comments, CRLF, mid-stream error, malformed chunk', async () => {
    server.script({ text: 'Bonjour à tous', mistralUsage: true });
    const mistral = await run();
    expect(mistral.text).toBe('Bonjour à tous');
    expect(mistral.parts.at(-1)).toMatchObject({ type: 'finish', usage: { outputTokens: mistral.deltas } });

    server.script({ text: 'Routed answer here', openRouterComments: true, lineEnding: '\r\n' });
    expect((await run()).text).toBe('Routed answer here');

    server.script({ deltas: ['alpha', ' beta', ' gamma'], midStreamErrorAfter: 1 });
    const broken = await run();
    expect(broken.text).toBe('alpha');
    expect(broken.error).toMatchObject({ kind: 'server' });

    server.script({ deltas: ['alpha', ' beta'], malformedChunkAfter: 1 });
    const malformed = await run();
    expect(malformed.text).toBe('alpha');
    expect(malformed.error).toMatchObject({ kind: 'protocol' });
  });

  it('a stall keeps the connection open until the provider’s stall timeout closes it', async () => {
    server.script({ text: 'slow and then nothing', stallAfter: 1 });
    const result = await run({ stallTimeoutMs: 150 });
    expect(result.text).toBe('slow');
    expect(result.error).toMatchObject({ kind: 'timeout', details: { code: 'stall-timeout' } });
    await expect.poll(() => chatRequests()[0]?.closedByClient).toBe(true);
  });

  it('a late first byte trips the first-byte timeout', async () => {
    server.script({ text: 'late', firstByteDelayMs: 300 });
    const result = await run({ firstByteTimeoutMs: 100 });
    expect(result.error).toMatchObject({ kind: 'timeout', details: { code: 'first-byte-timeout' } });
  });

  it('cancel closes the connection and rethrows the abort', async () => {
    server.script({ text: 'a b c d e f g h i j k l m n o p', tokensPerSecond: 50 });
    const controller = new AbortController();
    const stream = provider().doStream({ messages: [], signal: controller.signal });
    let thrown: unknown;
    try {
      for await (const part of stream) if (part.type === 'text-delta') controller.abort();
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).name).toBe('AbortError');
    await expect.poll(() => chatRequests()[0]?.closedByClient).toBe(true);
  });
});

describe('CORS and Ollama’s origin check', () => {
  const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  const withOrigin = (origin: string): GuardedFetch => (url, init) =>
    fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: origin } });

  it('answers a preflight with 204 naming the requested headers', async () => {
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });

  it('reject-origin: preflight 403 and no allow-origin header', async () => {
    server.script({ rejectOrigin: true });
    const preflight = await fetch(`${server.url}/chat/completions`, { method: 'OPTIONS', headers: { Origin: EXTENSION } });
    expect(preflight.status).toBe(403);
    const models = await fetch(`${server.url}/models`, { headers: { Origin: EXTENSION, Authorization: 'Bearer sk-fake-key-0001' } });
    expect(models.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('Ollama check: 403 empty body for an unlisted origin with the OLLAMA_ORIGINS hint; listed or absent origin passes', async () => {
    server.script({ ollamaOriginCheck: [] });
    const rejected = await run({ fetch: withOrigin(EXTENSION), extensionOrigin: EXTENSION });
    expect(rejected.error).toMatchObject({ kind: 'auth', details: { status: 403, code: 'origin_rejected' } });
    expect((rejected.error as ProviderError).details.hint).toContain(`OLLAMA_ORIGINS=${EXTENSION}`);
    const preflight = await fetch(`${server.url}/chat/completions`, { method: 'OPTIONS', headers: { Origin: EXTENSION } });
    expect(preflight.status).toBe(403);
    expect(await preflight.text()).toBe('');

    expect((await run()).error).toBeUndefined();
    expect((await run({ fetch: withOrigin('http://localhost:3000') })).error).toBeUndefined();

    server.script({ ollamaOriginCheck: ['chrome-extension://*'] });
    expect((await run({ fetch: withOrigin(EXTENSION) })).error).toBeUndefined();
  });
});
