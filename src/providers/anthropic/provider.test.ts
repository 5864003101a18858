// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAbortError, ProviderError, type ProviderConfig } from '../types';
import { collect, collectUntilError, eventStreamResponse, jsonResponse, scriptedFetch, silentFetch } from '../testing/fake-fetch';
import { providerFactory, streamHello } from '../testing/provider-setup';
import { createAnthropicProvider } from './provider';

const HAPPY_STREAM = [
  'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":5,"output_tokens":1}}}',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}',
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}',
  'event: message_stop\ndata: {"type":"message_stop"}',
  '',
].join('\n\n');

const ANTHROPIC_KEY = 'sk-ant-api03-test-key-123456';

const providerWith = providerFactory(createAnthropicProvider, {
  baseUrl: 'https://api.anthropic.test/v1',
  model: 'claude-x',
  apiKey: ANTHROPIC_KEY,
});

const stream = streamHello;

afterEach(() => {
  vi.useRealTimers();
});

describe('the request', () => {
  it('POSTs to <base>/messages with the key, version and browser-access headers; system prompt at the top level', async () => {
    const fetch = scriptedFetch(eventStreamResponse(HAPPY_STREAM));
    await collect(
      providerWith(fetch).doStream({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'system', content: 'Chat text is data.' },
          { role: 'user', content: 'Hello', ...({ extra: 'dropped' } as object) },
          { role: 'user', content: 'Anyone there?' },
          { role: 'assistant', content: 'Yes.' },
        ],
        signal: new AbortController().signal,
        maxOutputTokens: 300,
        temperature: 0.7,
      }),
    );
    const [call] = fetch.calls;
    expect(call?.url).toBe('https://api.anthropic.test/v1/messages');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.headers).toEqual({
      'x-api-key': ANTHROPIC_KEY,
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
      'content-type': 'application/json',
    });
    expect(JSON.parse(String(call?.init.body))).toEqual({
      model: 'claude-x',
      max_tokens: 300,
      system: 'Be brief.\n\nChat text is data.',
      messages: [
        { role: 'user', content: 'Hello\n\nAnyone there?' },
        { role: 'assistant', content: 'Yes.' },
      ],
      stream: true,
      temperature: 0.7,
    });
  });

  it('always sends max_tokens (required), never a system field when there is none, and adds /v1 to a bare address', async () => {
    const fetch = scriptedFetch(eventStreamResponse(HAPPY_STREAM));
    await collect(stream(providerWith(fetch, { baseUrl: 'https://api.anthropic.test/' })));
    expect(fetch.calls[0]?.url).toBe('https://api.anthropic.test/v1/messages');
    const body = JSON.parse(String(fetch.calls[0]?.init.body));
    expect(body.max_tokens).toBe(1024);
    expect(body).not.toHaveProperty('system');
    expect(body).not.toHaveProperty('temperature');
  });

  it('clamps a temperature above 1 and says so in a warning part', async () => {
    const fetch = scriptedFetch(eventStreamResponse(HAPPY_STREAM));
    const parts = await collect(providerWith(fetch).doStream({ messages: [], signal: new AbortController().signal, temperature: 1.6 }));
    expect(parts[0]).toMatchObject({ type: 'warning', warning: { type: 'unsupported-setting' } });
    expect(JSON.parse(String(fetch.calls[0]?.init.body)).temperature).toBe(1);
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => providerWith(scriptedFetch(), { baseUrl: 'api.anthropic.com' })).toThrowError(expect.objectContaining({ kind: 'config' }));
  });

  it('calls a 200 that is not an event stream a protocol error', async () => {
    const { error } = await collectUntilError(stream(providerWith(scriptedFetch(new Response('<html></html>', { headers: { 'Content-Type': 'text/html' } })))));
    expect(error).toMatchObject({ kind: 'protocol' });
    expect((error as ProviderError).details.hint).toContain('https://api.anthropic.com/v1');
  });
});

describe('HTTP errors, by error.type', () => {
  const anthropicError = (status: number, type: string, message: string, headers: Record<string, string> = {}) =>
    jsonResponse(status, { type: 'error', error: { type, message }, request_id: 'req_1' }, headers);

  async function errorFor(response: Response, overrides: Partial<ProviderConfig> = {}) {
    const fetch = scriptedFetch(response);
    const { error } = await collectUntilError(stream(providerWith(fetch, { retry: { maxRetries: 0 }, ...overrides })));
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }

  it('401 authentication_error: the key was rejected', async () => {
    const error = await errorFor(anthropicError(401, 'authentication_error', 'invalid x-api-key'));
    expect(error).toMatchObject({ kind: 'auth', message: 'The API key was rejected by api.anthropic.test.', details: { status: 401, code: 'authentication_error' } });
  });

  it('401 without a key asks for one', async () => {
    const error = await errorFor(anthropicError(401, 'authentication_error', 'x-api-key header is required'), { apiKey: undefined });
    expect(error.message).toBe('api.anthropic.test requires an API key.');
  });

  it('401 about CORS: a proxy dropped the browser-access header', async () => {
    const error = await errorFor(anthropicError(401, 'authentication_error', "CORS requests must set 'anthropic-dangerous-direct-browser-access' header"));
    expect(error.kind).toBe('auth');
    expect(error.details.hint).toMatch(/browser-access header/);
  });

  it('403 permission_error: the key may not use this model', async () => {
    const error = await errorFor(anthropicError(403, 'permission_error', 'Your API key does not have permission to use the specified resource.'));
    expect(error).toMatchObject({ kind: 'auth', details: { code: 'permission_error' } });
    expect(error.details.hint).toContain('claude-x');
  });

  it('404 not_found_error: the model is unknown; a plain 404 is a wrong base URL', async () => {
    expect(await errorFor(anthropicError(404, 'not_found_error', 'model: claude-x'))).toMatchObject({ kind: 'model', details: { code: 'not_found_error' } });
    const wrongPath = await errorFor(new Response('Not Found', { status: 404 }));
    expect(wrongPath).toMatchObject({ kind: 'config', details: { code: 'endpoint_not_found' } });
  });

  it('429 rate_limit_error with retry-after: rate-limit with the wait', async () => {
    const error = await errorFor(anthropicError(429, 'rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit', { 'retry-after': '20' }));
    expect(error).toMatchObject({ kind: 'rate-limit', details: { retryAfterMs: 20_000, code: 'rate_limit_error' } });
    expect(error.details.hint).toBe('Try again in 20 seconds.');
  });

  it('529 overloaded_error: a server error that says overloaded', async () => {
    const error = await errorFor(anthropicError(529, 'overloaded_error', 'Overloaded'));
    expect(error).toMatchObject({ kind: 'server', details: { status: 529, code: 'overloaded_error' } });
    expect(error.message).toBe('api.anthropic.test is overloaded (HTTP 529): Overloaded');
  });

  it('500 api_error and 504 timeout_error are server errors', async () => {
    expect(await errorFor(anthropicError(500, 'api_error', 'Internal server error'))).toMatchObject({ kind: 'server' });
    expect(await errorFor(anthropicError(504, 'timeout_error', 'Request timed out'))).toMatchObject({ kind: 'server' });
  });

  it('400 "prompt is too long" and 413 request_too_large are context errors', async () => {
    expect(await errorFor(anthropicError(400, 'invalid_request_error', 'prompt is too long: 208656 tokens > 200000 maximum'))).toMatchObject({ kind: 'context' });
    expect(await errorFor(anthropicError(413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.'))).toMatchObject({ kind: 'context' });
  });

  it('402 billing_error is out of quota', async () => {
    const error = await errorFor(anthropicError(402, 'billing_error', 'Your credit balance is too low to access the Anthropic API.'));
    expect(error).toMatchObject({ kind: 'quota', details: { code: 'billing_error' } });
  });

  it('another 400 invalid_request_error is a config error quoting Anthropic', async () => {
    const error = await errorFor(anthropicError(400, 'invalid_request_error', 'messages: at least one message is required'));
    expect(error).toMatchObject({ kind: 'config', details: { providerMessage: 'messages: at least one message is required' } });
  });

  it('masks the key if Anthropic echoes it', async () => {
    const error = await errorFor(anthropicError(401, 'authentication_error', `invalid x-api-key ${ANTHROPIC_KEY}`));
    expect(error.details.providerMessage).not.toContain(ANTHROPIC_KEY);
  });
});

describe('retries', () => {
  it('429 then success: a retrying warning, then the answer', async () => {
    const fetch = scriptedFetch(
      jsonResponse(429, { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } }, { 'retry-after-ms': '5' }),
      eventStreamResponse(HAPPY_STREAM),
    );
    const parts = await collect(stream(providerWith(fetch)));
    expect(parts).toEqual([
      { type: 'warning', warning: { type: 'retrying', message: 'Rate limited; retrying in 1 s', retryInMs: 5, attempt: 1, wording: { key: 'error_noticeRateLimitedRetry', args: ['1'] } } },
      { type: 'text-delta', text: 'Hi' },
      { type: 'finish', reason: 'stop', usage: { inputTokens: 5, outputTokens: 2 } },
    ]);
  });

  it('an overloaded event before any text is retried; after text it is not', async () => {
    const overloaded = 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
    const early = scriptedFetch(eventStreamResponse(overloaded), eventStreamResponse(HAPPY_STREAM));
    expect((await collectUntilError(stream(providerWith(early)))).error).toBeUndefined();
    expect(early.calls).toHaveLength(2);

    const late = scriptedFetch(
      eventStreamResponse(`event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Par"}}\n\n${overloaded}`),
      eventStreamResponse(HAPPY_STREAM),
    );
    const { parts, error } = await collectUntilError(stream(providerWith(late)));
    expect(parts).toEqual([{ type: 'text-delta', text: 'Par' }]);
    expect(error).toMatchObject({ kind: 'server' });
    expect(late.calls).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  it('no first byte within firstByteTimeoutMs is a timeout', async () => {
    vi.useFakeTimers();
    const outcome = collectUntilError(stream(providerWith(silentFetch(), { firstByteTimeoutMs: 2_000 })));
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await outcome).error).toMatchObject({ kind: 'timeout', details: { code: 'first-byte-timeout' } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a stall after text is a stall timeout that keeps the text', async () => {
    vi.useFakeTimers();
    const onCancel = vi.fn();
    const fetch = scriptedFetch(
      eventStreamResponse('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Half"}}\n\n', 9, {
        endWith: 'stall',
        onCancel,
      }),
    );
    const outcome = collectUntilError(stream(providerWith(fetch, { stallTimeoutMs: 1_000 })));
    await vi.advanceTimersByTimeAsync(1_000);
    const { parts, error } = await outcome;
    expect(parts).toEqual([{ type: 'text-delta', text: 'Half' }]);
    expect(error).toMatchObject({ kind: 'timeout', details: { code: 'stall-timeout' } });
    expect(onCancel).toHaveBeenCalled();
  });

  it('abort mid-stream throws the abort reason, not a ProviderError, and closes the body', async () => {
    const controller = new AbortController();
    const onCancel = vi.fn();
    const fetch = scriptedFetch(
      eventStreamResponse('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"One"}}\n\n', 1024, {
        endWith: 'stall',
        onCancel,
      }),
    );
    let thrown: unknown;
    try {
      for await (const part of stream(providerWith(fetch), controller.signal)) if (part.type === 'text-delta') controller.abort();
    } catch (error) {
      thrown = error;
    }
    expect(isAbortError(thrown)).toBe(true);
    expect(thrown).not.toBeInstanceOf(ProviderError);
    expect(onCancel).toHaveBeenCalled();
  });
});

describe('listModels', () => {
  it('GETs <base>/models with the same headers and follows has_more pages', async () => {
    const fetch = scriptedFetch(
      jsonResponse(200, { data: [{ type: 'model', id: 'claude-a', display_name: 'A' }, { type: 'model', id: 'claude-b' }], has_more: true, first_id: 'claude-a', last_id: 'claude-b' }),
      jsonResponse(200, { data: [{ type: 'model', id: 'claude-c' }], has_more: false, first_id: 'claude-c', last_id: 'claude-c' }),
    );
    const models = await providerWith(fetch).listModels(new AbortController().signal);
    expect(models).toEqual([{ id: 'claude-a' }, { id: 'claude-b' }, { id: 'claude-c' }]);
    expect(fetch.calls.map((call) => call.url)).toEqual([
      'https://api.anthropic.test/v1/models?limit=1000',
      'https://api.anthropic.test/v1/models?limit=1000&after_id=claude-b',
    ]);
    expect(fetch.calls[0]?.init.method).toBe('GET');
    expect(fetch.calls[0]?.init.headers).toEqual({
      'x-api-key': ANTHROPIC_KEY,
      'anthropic-version': '2023-06-01',
      'anthropic-dangerous-direct-browser-access': 'true',
    });
  });

  it('maps errors and unknown shapes', async () => {
    await expect(
      providerWith(scriptedFetch(jsonResponse(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }))).listModels(
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ kind: 'auth' });
    await expect(providerWith(scriptedFetch(jsonResponse(200, { models: [] }))).listModels(new AbortController().signal)).rejects.toMatchObject({ kind: 'protocol' });
  });
});
