// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderError, type ProviderConfig } from '../types';
import { collect, collectUntilError, jsonResponse, scriptedFetch, silentFetch } from '../testing/fake-fetch';
import { providerFactory, streamHello } from '../testing/provider-setup';
import { createOllamaProvider } from './provider';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const HAPPY_STREAM = '{"message":{"role":"assistant","content":"Hi"},"done":false}\n{"message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":3,"eval_count":1}\n';
const ndjson = (text: string) => new Response(text, { headers: { 'Content-Type': 'application/x-ndjson' } });

const providerWith = providerFactory(createOllamaProvider, {
  baseUrl: 'http://localhost:11434',
  model: 'llama3.2',
  extensionOrigin: EXTENSION,
});

const stream = streamHello;

afterEach(() => {
  vi.useRealTimers();
});

describe('the request', () => {
  it('POSTs /api/chat with num_ctx set explicitly (8192 by default), num_predict and temperature', async () => {
    const fetch = scriptedFetch(ndjson(HAPPY_STREAM));
    await collect(
      providerWith(fetch).doStream({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hello', ...({ images: ['x'] } as object) },
        ],
        signal: new AbortController().signal,
        maxOutputTokens: 400,
        temperature: 0.7,
      }),
    );
    const [call] = fetch.calls;
    expect(call?.url).toBe('http://localhost:11434/api/chat');
    expect(call?.init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(call?.init.body))).toEqual({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
      ],
      stream: true,
      options: { num_ctx: 8192, num_predict: 400, temperature: 0.7 },
    });
  });

  it('uses the configured context window, and normalises /v1, /api and trailing slashes away', async () => {
    for (const baseUrl of ['http://127.0.0.1:11434/v1', 'http://127.0.0.1:11434/v1/', 'http://127.0.0.1:11434/api/', 'http://127.0.0.1:11434//']) {
      const fetch = scriptedFetch(ndjson(HAPPY_STREAM));
      await collect(stream(providerWith(fetch, { baseUrl, contextWindowTokens: 32_768 })));
      expect(fetch.calls[0]?.url).toBe('http://127.0.0.1:11434/api/chat');
      expect(JSON.parse(String(fetch.calls[0]?.init.body)).options.num_ctx).toBe(32_768);
    }
    const proxied = scriptedFetch(ndjson(HAPPY_STREAM));
    await collect(stream(providerWith(proxied, { baseUrl: 'https://gpu.example.test/ollama/v1' })));
    expect(proxied.calls[0]?.url).toBe('https://gpu.example.test/ollama/api/chat');
  });
});

describe('HTTP errors', () => {
  async function errorFor(response: Response, overrides: Partial<ProviderConfig> = {}) {
    const { error } = await collectUntilError(stream(providerWith(scriptedFetch(response), { retry: { maxRetries: 0 }, ...overrides })));
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }

  it('403 with an empty body: the origin is not allowed; the hint names the exact OLLAMA_ORIGINS', async () => {
    const error = await errorFor(new Response(null, { status: 403, headers: { 'Content-Length': '0' } }));
    expect(error).toMatchObject({ kind: 'auth', details: { status: 403, code: 'origin_rejected' } });
    expect(error.message).toBe('localhost:11434 refused requests from this extension.');
    expect(error.details.hint).toBe(`Allow the extension in Ollama: set OLLAMA_ORIGINS=${EXTENSION} where Ollama runs, then restart Ollama.`);
  });

  it('403 on Firefox also offers the moz-extension://* wildcard', async () => {
    const error = await errorFor(new Response('', { status: 403 }), { extensionOrigin: 'moz-extension://1b2c3d4e-uuid' });
    expect(error.details.hint).toContain('OLLAMA_ORIGINS=moz-extension://1b2c3d4e-uuid');
    expect(error.details.hint).toContain('OLLAMA_ORIGINS=moz-extension://*');
  });

  it('403 without a known origin gives both wildcards', async () => {
    const error = await errorFor(new Response('', { status: 403 }), { extensionOrigin: undefined });
    expect(error.details.hint).toContain('OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*');
  });

  it('404 {"error":"model … not found"}: the model, with ollama pull; a plain 404 is a wrong address', async () => {
    const missing = await errorFor(jsonResponse(404, { error: "model 'llama3.2' not found" }));
    expect(missing).toMatchObject({ kind: 'model', details: { status: 404, providerMessage: "model 'llama3.2' not found" } });
    expect(missing.details.hint).toContain('ollama pull llama3.2');
    const notOllama = await errorFor(new Response('404 page not found', { status: 404 }));
    expect(notOllama).toMatchObject({ kind: 'config', details: { code: 'endpoint_not_found' } });
  });

  it('400 is a config error, 500 a server error, both quoting Ollama', async () => {
    expect(await errorFor(jsonResponse(400, { error: 'invalid options: num_ctx' }))).toMatchObject({ kind: 'config', details: { providerMessage: 'invalid options: num_ctx' } });
    expect(await errorFor(jsonResponse(500, { error: 'model requires more system memory (9.2 GiB) than is available (4.1 GiB)' }))).toMatchObject({
      kind: 'server',
      details: { status: 500 },
    });
  });
});

describe('retries, timeouts', () => {
  it('a 503 then success: a retrying warning, then the answer', async () => {
    const fetch = scriptedFetch(jsonResponse(503, { error: 'server busy, please try again.  maximum pending requests exceeded' }, { 'retry-after-ms': '5' }), ndjson(HAPPY_STREAM));
    const parts = await collect(stream(providerWith(fetch)));
    expect(parts.map((part) => part.type)).toEqual(['warning', 'text-delta', 'finish']);
    expect(parts[0]).toMatchObject({ warning: { type: 'retrying', message: 'The provider had a problem (HTTP 503); retrying in 1 s' } });
  });

  it('Ollama unreachable: a network error whose hint asks whether it runs', async () => {
    const fetch = scriptedFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    const { error } = await collectUntilError(stream(providerWith(fetch)));
    expect(error).toMatchObject({ kind: 'network', message: 'Could not reach http://localhost:11434.' });
  });

  it('a model that is still loading gets a longer first-byte deadline by default, and times out after it', async () => {
    vi.useFakeTimers();
    const outcome = collectUntilError(stream(providerWith(silentFetch())));
    await vi.advanceTimersByTimeAsync(59_999);
    let settled = false;
    void outcome.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await outcome).error).toMatchObject({ kind: 'timeout', details: { code: 'first-byte-timeout' } });
  });
});

describe('listModels', () => {
  it('GETs /api/tags with no headers and returns the names', async () => {
    const fetch = scriptedFetch(
      jsonResponse(200, {
        models: [
          { name: 'llama3.2:latest', model: 'llama3.2:latest', size: 2019393189, details: { family: 'llama' } },
          { name: 'qwen3:8b', model: 'qwen3:8b' },
        ],
      }),
    );
    expect(await providerWith(fetch, { baseUrl: 'http://localhost:11434/v1' }).listModels(new AbortController().signal)).toEqual([
      { id: 'llama3.2:latest' },
      { id: 'qwen3:8b' },
    ]);
    expect(fetch.calls[0]?.url).toBe('http://localhost:11434/api/tags');
    expect(fetch.calls[0]?.init).toMatchObject({ method: 'GET' });
    expect(fetch.calls[0]?.init.headers).toBeUndefined();
  });

  it('maps the origin rejection and unknown shapes', async () => {
    await expect(providerWith(scriptedFetch(new Response('', { status: 403 }))).listModels(new AbortController().signal)).rejects.toMatchObject({
      kind: 'auth',
      details: { code: 'origin_rejected' },
    });
    await expect(providerWith(scriptedFetch(jsonResponse(200, { data: [] }))).listModels(new AbortController().signal)).rejects.toMatchObject({ kind: 'protocol' });
  });
});

describe('probe', () => {
  it('POSTs /api/show for the model: accepted when a chat would be', async () => {
    const fetch = scriptedFetch(jsonResponse(200, { details: { family: 'llama' } }));
    await providerWith(fetch).probe?.(new AbortController().signal);
    expect(fetch.calls[0]?.url).toBe('http://localhost:11434/api/show');
    expect(fetch.calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(fetch.calls[0]?.init.body))).toEqual({ model: 'llama3.2' });
  });

  it('fails like a chat would: the origin rejection, a missing model', async () => {
    await expect(providerWith(scriptedFetch(new Response('', { status: 403 }))).probe?.(new AbortController().signal)).rejects.toMatchObject({
      kind: 'auth',
      details: { code: 'origin_rejected' },
    });
    await expect(providerWith(scriptedFetch(jsonResponse(404, { error: "model 'llama3.2' not found" }))).probe?.(new AbortController().signal)).rejects.toMatchObject({
      kind: 'model',
    });
  });
});
