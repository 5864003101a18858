// @vitest-environment node
/** The fake Gemini server against the real Gemini provider over real HTTP. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGeminiProvider } from '../../src/providers/gemini';
import type { ProviderConfig } from '../../src/providers/types';
import { startFakeGemini, type FakeGeminiServer } from './gemini';
import { fetchWithOrigin, nodeFetch, runProvider } from './run-provider';

const KEY = 'AIzaFakeKey-0123456789abcdefghijk';
let server: FakeGeminiServer;

beforeAll(async () => {
  server = await startFakeGemini({ apiKey: KEY });
});
afterEach(() => server.reset());
afterAll(() => server.close());

const provider = (overrides: Partial<ProviderConfig> = {}) =>
  createGeminiProvider({ baseUrl: server.url, model: 'gemini-fake-flash', apiKey: KEY, fetch: nodeFetch, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...overrides });
const generateRequests = () => server.requests.filter((request) => request.path.includes(':streamGenerateContent'));

describe('fake Gemini server with the real provider', () => {
  it('streams text exactly over \\r\\n\\r\\n-separated events; the key travels only in the header', async () => {
    const text = '**Hi** 👋🏽 <script>x</script>\n\n日本語 — ça va?';
    server.script({ text, splitEventsAcrossWrites: true, thought: 'thinking about it' });
    const result = await runProvider(provider({ fetch: fetchWithOrigin('chrome-extension://abc') }));
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(text);
    expect(result.parts.at(-1)).toMatchObject({ type: 'finish', reason: 'stop', usage: { outputTokens: result.deltas } });

    const [request] = generateRequests();
    expect(request?.path).toBe('/v1beta/models/gemini-fake-flash:streamGenerateContent?alt=sse');
    expect(request?.path).not.toContain('key=');
    expect(request?.headers['x-goog-api-key']).toBe(KEY);
    expect(request?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Say hello' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { maxOutputTokens: 50, temperature: 0.5 },
    });
  });

  it('the 2024 shape with a finishReason on every chunk still yields the whole answer once', async () => {
    server.script({ text: 'one two three', finishOnEveryChunk: true, lineEnding: '\n' });
    const result = await runProvider(provider());
    expect(result.text).toBe('one two three');
    expect(result.parts.filter((part) => part.type === 'finish')).toHaveLength(1);
  });

  it('a bad key is Google’s 400 API_KEY_INVALID: auth', async () => {
    const result = await runProvider(provider({ apiKey: 'AIzaWrong' }));
    expect(result.error).toMatchObject({ kind: 'auth', details: { status: 400, code: 'API_KEY_INVALID' } });
  });

  it('429 RESOURCE_EXHAUSTED with a short RetryInfo delay: retried, then the answer', async () => {
    server.script({ httpError: 429, retryDelay: '0s' });
    server.script({ text: 'after the wait' });
    const result = await runProvider(provider());
    expect(result.error).toBeUndefined();
    expect(result.warnings).toEqual(['Rate limited; retrying in 1 s']);
    expect(result.text).toBe('after the wait');
  });

  it('every scripted error maps to its kind', async () => {
    server.script({ httpError: 429, retryDelay: '40s' });
    expect((await runProvider(provider())).error).toMatchObject({ kind: 'rate-limit', details: { code: 'RESOURCE_EXHAUSTED', retryAfterMs: 40_000 } });
    server.script({ httpError: 403 });
    expect((await runProvider(provider())).error).toMatchObject({ kind: 'auth', details: { code: 'PERMISSION_DENIED' } });
    expect((await runProvider(provider({ model: 'gemini-nope' }))).error).toMatchObject({ kind: 'model', details: { status: 404 } });
    server.script({ httpError: 400, message: 'The input token count (2000000) exceeds the maximum number of tokens allowed (1048576).' });
    expect((await runProvider(provider())).error).toMatchObject({ kind: 'context' });
    server.script({ httpError: 503 }, { times: 3 });
    expect((await runProvider(provider())).error).toMatchObject({ kind: 'server', details: { status: 503 } });
  });

  it('a blocked prompt, a SAFETY stop, a mid-stream error and a cut stream', async () => {
    server.script({ blockReason: 'SAFETY' });
    expect((await runProvider(provider())).error).toMatchObject({ kind: 'model', details: { code: 'SAFETY' } });

    server.script({ deltas: ['Part one', ' part two'], finishReason: 'SAFETY' });
    const filtered = await runProvider(provider());
    expect(filtered.text).toBe('Part one part two');
    expect(filtered.parts.at(-1)).toMatchObject({ type: 'finish', reason: 'content-filter' });

    server.script({ deltas: ['alpha', ' beta'], midStreamErrorAfter: 1 });
    const broken = await runProvider(provider());
    expect(broken.text).toBe('alpha');
    expect(broken.error).toMatchObject({ kind: 'server', details: { code: 'UNAVAILABLE' } });

    server.script({ text: 'one two three', cutAfter: 2 });
    const cut = await runProvider(provider());
    expect(cut.text).toBe('one two');
    expect(cut.error).toMatchObject({ kind: 'network' });
  });

  it('without alt=sse the answer is not SSE (the provider always asks for it)', async () => {
    const response = await fetch(`${server.url}/models/gemini-fake-flash:streamGenerateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }),
    });
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(Array.isArray(await response.json())).toBe(true);
  });

  it('lists chat models only, without the models/ prefix', async () => {
    expect(await provider().listModels(new AbortController().signal)).toEqual([{ id: 'gemini-fake-flash' }, { id: 'gemini-fake-pro' }]);
    server.script({ httpError: 500 }, { route: 'models' });
    await expect(provider().listModels(new AbortController().signal)).rejects.toMatchObject({ kind: 'server' });
  });
});
