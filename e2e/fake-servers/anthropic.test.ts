// @vitest-environment node
/**
 * The fake Anthropic server against the real Anthropic provider over real HTTP: proves the fake speaks
 * the protocol the provider expects, and gives the real-browser suite a server it can trust.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../src/providers/anthropic';
import { ProviderError, type ProviderConfig } from '../../src/providers/types';
import { startFakeAnthropic, type FakeAnthropicServer } from './anthropic';
import { fetchWithOrigin, nodeFetch, runProvider } from './run-provider';

const KEY = 'sk-ant-fake-key-0001';
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
let server: FakeAnthropicServer;

beforeAll(async () => {
  server = await startFakeAnthropic({ apiKey: KEY });
});
afterEach(() => server.reset());
afterAll(() => server.close());

const provider = (overrides: Partial<ProviderConfig> = {}) =>
  createAnthropicProvider({ baseUrl: server.url, model: 'claude-fake-1', apiKey: KEY, fetch: nodeFetch, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...overrides });
const messageRequests = () => server.requests.filter((request) => request.path === '/v1/messages');

describe('fake Anthropic server with the real provider', () => {
  it('streams arbitrary text exactly, split across writes, with a ping and a thinking block; records the request', async () => {
    const text = '**Hi** 👋🏽 <img src=x onerror=alert(1)>\n\n日本語 — ça va?';
    server.script({ text, splitEventsAcrossWrites: true, thinking: 'private reasoning' });
    const result = await runProvider(provider({ fetch: fetchWithOrigin(EXTENSION) }));
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(text);
    expect(result.parts.at(-1)).toMatchObject({ type: 'finish', reason: 'stop', usage: { outputTokens: result.deltas } });

    const [request] = messageRequests();
    expect(request?.headers['x-api-key']).toBe(KEY);
    expect(request?.headers['anthropic-version']).toBe('2023-06-01');
    expect(request?.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    expect(request?.body).toMatchObject({ model: 'claude-fake-1', system: 'Be brief.', max_tokens: 50, stream: true, messages: [{ role: 'user', content: 'Say hello' }] });
    expect(request?.closedByClient).toBe(false);
  });

  it('answers CORS 401 to an Origin without the browser-access opt-in, with no allow-origin header', async () => {
    const response = await fetch(`${server.url}/messages`, {
      method: 'POST',
      headers: { Origin: EXTENSION, 'x-api-key': KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-fake-1', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.json()).toMatchObject({ error: { type: 'authentication_error', message: expect.stringContaining('anthropic-dangerous-direct-browser-access') } });
  });

  it('answers a preflight with 204 naming the requested headers', async () => {
    const response = await fetch(`${server.url}/messages`, {
      method: 'OPTIONS',
      headers: { Origin: EXTENSION, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'anthropic-dangerous-direct-browser-access,anthropic-version,content-type,x-api-key' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toContain('x-api-key');
  });

  it('rejects a wrong key and a missing version as the API does', async () => {
    expect((await runProvider(provider({ apiKey: 'sk-ant-wrong-9999' }))).error).toMatchObject({ kind: 'auth', details: { status: 401, code: 'authentication_error' } });
    const noVersion = await fetch(`${server.url}/messages`, { method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' }, body: '{}' });
    expect(noVersion.status).toBe(400);
  });

  it('429 then success: a retrying warning, then the answer', async () => {
    server.script({ httpError: 429, headers: { 'retry-after': '0' } });
    server.script({ text: 'Second time lucky' });
    const result = await runProvider(provider());
    expect(result.error).toBeUndefined();
    expect(result.warnings).toEqual(['Rate limited; retrying in 1 s']);
    expect(result.text).toBe('Second time lucky');
    expect(messageRequests()).toHaveLength(2);
  });

  it('every scripted error maps to its kind', async () => {
    const cases: Array<[Parameters<FakeAnthropicServer['script']>[0], string, string?]> = [
      [{ httpError: 401 }, 'auth', 'authentication_error'],
      [{ httpError: 402 }, 'quota', 'billing_error'],
      [{ httpError: 403 }, 'auth', 'permission_error'],
      [{ httpError: 404 }, 'model', 'not_found_error'],
      [{ promptTooLong: true }, 'context', 'invalid_request_error'],
      [{ httpError: 400 }, 'config', 'invalid_request_error'],
    ];
    for (const [behaviour, kind, code] of cases) {
      server.script(behaviour);
      expect((await runProvider(provider())).error, JSON.stringify(behaviour)).toMatchObject({ kind, details: { code } });
    }
    server.script({ httpError: 529 }, { times: 3 });
    expect((await runProvider(provider())).error).toMatchObject({ kind: 'server', details: { status: 529, code: 'overloaded_error' } });
    server.script({ httpError: 429, headers: { 'retry-after': '60' } });
    expect((await runProvider(provider())).error).toMatchObject({ kind: 'rate-limit', details: { retryAfterMs: 60_000 } });
  });

  it('an unknown model is a 404 not_found_error', async () => {
    expect((await runProvider(provider({ model: 'claude-nope' }))).error).toMatchObject({ kind: 'model' });
  });

  it('mid-stream event: error keeps the text; a cut stream is a network error; no retry after output', async () => {
    server.script({ deltas: ['alpha', ' beta', ' gamma'], midStreamErrorAfter: 1 });
    const broken = await runProvider(provider());
    expect(broken.text).toBe('alpha');
    expect(broken.error).toMatchObject({ kind: 'server', details: { code: 'overloaded_error' } });

    server.script({ text: 'one two three four', cutAfter: 2 }, { persistent: true });
    const cut = await runProvider(provider());
    expect(cut.text).toBe('one two');
    expect(cut.error).toBeInstanceOf(ProviderError);
    expect(cut.error).toMatchObject({ kind: 'network' });
    expect(messageRequests()).toHaveLength(2);
  });

  it('a stall is closed by the provider’s stall timeout; the fake sees the client leave', async () => {
    server.script({ text: 'slow and then nothing', stallAfter: 1 });
    const result = await runProvider(provider({ stallTimeoutMs: 150 }));
    expect(result.text).toBe('slow');
    expect(result.error).toMatchObject({ kind: 'timeout', details: { code: 'stall-timeout' } });
    await expect.poll(() => messageRequests()[0]?.closedByClient).toBe(true);
  });

  it('lists models across pages', async () => {
    const many = await startFakeAnthropic({ apiKey: KEY, models: Array.from({ length: 1_205 }, (_, index) => `claude-${index}`) });
    try {
      const models = await provider({ baseUrl: many.url }).listModels(new AbortController().signal);
      expect(models).toHaveLength(1_205);
      expect(many.requests.map((request) => request.path)).toEqual(['/v1/models?limit=1000', '/v1/models?limit=1000&after_id=claude-999']);
    } finally {
      await many.close();
    }
    server.script({ httpError: 401 }, { route: 'models' });
    await expect(provider().listModels(new AbortController().signal)).rejects.toMatchObject({ kind: 'auth' });
  });
});
