// @vitest-environment node
/** The fake Ollama server against the real native Ollama provider over real HTTP. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaProvider } from '../../src/providers/ollama';
import { ProviderError, type ProviderConfig } from '../../src/providers/types';
import { startFakeOllama, type FakeOllamaServer } from './ollama';
import { fetchWithOrigin, nodeFetch, runProvider } from './run-provider';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
let server: FakeOllamaServer;

beforeAll(async () => {
  server = await startFakeOllama({ models: ['llama3.2:latest'] });
});
afterEach(() => server.reset());
afterAll(() => server.close());

const provider = (overrides: Partial<ProviderConfig> = {}) =>
  createOllamaProvider({
    baseUrl: server.url,
    model: 'llama3.2',
    fetch: nodeFetch,
    extensionOrigin: EXTENSION,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
const chatRequests = () => server.requests.filter((request) => request.path === '/api/chat');

describe('fake Ollama with the real provider', () => {
  it('streams NDJSON lines split across writes, thinking skipped; num_ctx arrives', async () => {
    const text = '**Hi** 👋🏽 <img src=x>\n\n日本語 — ça va?';
    server.script({ text, splitLinesAcrossWrites: true, thinking: 'hmm' });
    const result = await runProvider(provider({ contextWindowTokens: 16_384 }));
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(text);
    expect(result.parts.at(-1)).toMatchObject({ type: 'finish', reason: 'stop', usage: { outputTokens: result.deltas } });
    expect(chatRequests()[0]?.body).toMatchObject({ model: 'llama3.2', stream: true, options: { num_ctx: 16_384, num_predict: 50, temperature: 0.5 } });
  });

  it('an extension Origin not in OLLAMA_ORIGINS: 403 with an empty body, the exact setting in the hint', async () => {
    const rejected = await runProvider(provider({ fetch: fetchWithOrigin(EXTENSION) }));
    expect(rejected.error).toBeInstanceOf(ProviderError);
    expect(rejected.error).toMatchObject({ kind: 'auth', details: { status: 403, code: 'origin_rejected' } });
    expect((rejected.error as ProviderError).details.hint).toContain(`OLLAMA_ORIGINS=${EXTENSION}`);
    expect(chatRequests()).toHaveLength(1);

    const preflight = await fetch(`${server.url}/api/chat`, { method: 'OPTIONS', headers: { Origin: EXTENSION } });
    expect(preflight.status).toBe(403);
    expect(await preflight.text()).toBe('');
    // Ollama's defaults let local web pages in.
    expect((await runProvider(provider({ fetch: fetchWithOrigin('http://localhost:3000') }))).error).toBeUndefined();

    // Chrome omits the Origin on many GETs: the list works while a POST is refused; the probe tells.
    expect(await provider().listModels(new AbortController().signal)).toEqual([{ id: 'llama3.2:latest' }]);
    await expect(provider({ fetch: fetchWithOrigin(EXTENSION) }).probe?.(new AbortController().signal)).rejects.toMatchObject({ kind: 'auth' });

    server.setAllowedOrigins([EXTENSION]);
    expect((await runProvider(provider({ fetch: fetchWithOrigin(EXTENSION) }))).error).toBeUndefined();
    await provider({ fetch: fetchWithOrigin(EXTENSION) }).probe?.(new AbortController().signal);
    server.setAllowedOrigins(['moz-extension://*']);
    expect((await runProvider(provider({ fetch: fetchWithOrigin('moz-extension://1234-uuid') }))).error).toBeUndefined();
  });

  it('503 then success: retried with a warning', async () => {
    server.script({ httpError: 503, headers: { 'retry-after': '0' } });
    const result = await runProvider(provider());
    expect(result.error).toBeUndefined();
    expect(result.warnings).toEqual(['The provider had a problem (HTTP 503); retrying in 1 s']);
  });

  it('errors: unknown model 404, 400, 500; mid-stream error line; cut mid-line', async () => {
    const missing = await runProvider(provider({ model: 'mistral' }));
    expect(missing.error).toMatchObject({ kind: 'model', details: { status: 404 } });
    expect((missing.error as ProviderError).details.hint).toContain('ollama pull mistral');
    server.script({ httpError: 400 });
    expect((await runProvider(provider())).error).toMatchObject({ kind: 'config' });
    server.script({ httpError: 500 }, { times: 3 });
    expect((await runProvider(provider())).error).toMatchObject({ kind: 'server', details: { status: 500 } });

    server.script({ deltas: ['alpha', ' beta'], midStreamErrorAfter: 1 });
    const broken = await runProvider(provider());
    expect(broken.text).toBe('alpha');
    expect(broken.error).toMatchObject({ kind: 'server', details: { providerMessage: expect.stringContaining('unexpected EOF') } });

    server.script({ text: 'one two three', cutAfter: 2 });
    const cut = await runProvider(provider());
    expect(cut.text).toBe('one two');
    expect(cut.error).toMatchObject({ kind: 'network' });
  });

  it('a stall is closed by the provider’s stall timeout', async () => {
    server.script({ text: 'slow and then nothing', stallAfter: 1 });
    const result = await runProvider(provider({ stallTimeoutMs: 150 }));
    expect(result.error).toMatchObject({ kind: 'timeout', details: { code: 'stall-timeout' } });
    await expect.poll(() => chatRequests()[0]?.closedByClient).toBe(true);
  });

  it('lists models from /api/tags, also through a /v1 base URL; other endpoints answer like Ollama', async () => {
    expect(await provider({ baseUrl: `${server.url}/v1` }).listModels(new AbortController().signal)).toEqual([{ id: 'llama3.2:latest' }]);
    expect(await (await fetch(`${server.url}/api/version`)).json()).toEqual({ version: expect.any(String) });
    expect(await (await fetch(server.url)).text()).toBe('Ollama is running');
    server.script({ httpError: 500 }, { route: 'tags' });
    await expect(provider().listModels(new AbortController().signal)).rejects.toMatchObject({ kind: 'server' });
  });
});
