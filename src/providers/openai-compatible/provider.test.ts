// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderError, isAbortError } from '../types';
import {
  collect,
  collectUntilError,
  eventStreamResponse,
  jsonResponse,
  scriptedFetch,
  silentFetch,
} from '../testing/fake-fetch';
import { providerFactory, streamHello } from '../testing/provider-setup';
import { createOpenAICompatibleProvider } from './provider';

const HAPPY_STREAM = [
  'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}',
  'data: {"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}',
  'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
  'data: [DONE]',
  '',
].join('\n\n');

const providerWith = providerFactory(createOpenAICompatibleProvider, {
  baseUrl: 'https://api.example.test/v1',
  model: 'gpt-x',
  apiKey: 'sk-test-key-123456',
});

const stream = streamHello;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the request', () => {
  it('POSTs the chat-completions body to <baseUrl>/chat/completions with a bearer key', async () => {
    const fetch = scriptedFetch(eventStreamResponse(HAPPY_STREAM));
    const provider = providerWith(fetch, { baseUrl: 'https://api.example.test/v1//' });
    await collect(
      provider.doStream({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hello', ...({ extra: 'dropped' } as object) },
        ],
        signal: new AbortController().signal,
        maxOutputTokens: 200,
        temperature: 0.3,
      }),
    );
    const [call] = fetch.calls;
    expect(call?.url).toBe('https://api.example.test/v1/chat/completions');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer sk-test-key-123456' });
    expect(JSON.parse(String(call?.init.body))).toEqual({
      model: 'gpt-x',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 200,
      temperature: 0.3,
    });
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends no Authorization header without a key, and omits unset options', async () => {
    const fetch = scriptedFetch(eventStreamResponse(HAPPY_STREAM));
    await collect(stream(providerWith(fetch, { apiKey: '  ' })));
    expect(fetch.calls[0]?.init.headers).toEqual({ 'Content-Type': 'application/json' });
    const body = JSON.parse(String(fetch.calls[0]?.init.body));
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('temperature');
  });

  it('applies dialect switches: max_completion_tokens, no stream_options', async () => {
    const fetch = scriptedFetch(eventStreamResponse(HAPPY_STREAM));
    const provider = createOpenAICompatibleProvider(
      { baseUrl: 'https://api.example.test/v1', model: 'm', fetch },
      { kind: 'openai', dialect: { maxTokensField: 'max_completion_tokens', requestUsage: false } },
    );
    expect(provider.kind).toBe('openai');
    await collect(provider.doStream({ messages: [], signal: new AbortController().signal, maxOutputTokens: 5 }));
    const body = JSON.parse(String(fetch.calls[0]?.init.body));
    expect(body.max_completion_tokens).toBe(5);
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('stream_options');
  });

  it('rejects a base URL that is not http(s) when created', () => {
    expect(() => providerWith(scriptedFetch(), { baseUrl: 'ftp://example.test' })).toThrowError(
      expect.objectContaining({ kind: 'config' }),
    );
    expect(() => providerWith(scriptedFetch(), { baseUrl: 'localhost:11434' })).toThrowError(ProviderError);
  });
});

describe('answers that are not a plain event stream', () => {
  it('reads a non-streamed JSON completion from a server that ignored stream:true', async () => {
    const fetch = scriptedFetch(
      jsonResponse(200, {
        choices: [{ index: 0, message: { role: 'assistant', content: 'Whole answer' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 3, completion_tokens: 2 },
      }),
    );
    expect(await collect(stream(providerWith(fetch)))).toEqual([
      { type: 'text-delta', text: 'Whole answer' },
      { type: 'finish', reason: 'stop', usage: { inputTokens: 3, outputTokens: 2 } },
    ]);
  });

  it('calls an HTML page a protocol error (wrong base URL), not a cut stream', async () => {
    const fetch = scriptedFetch(new Response('<html>Login</html>', { headers: { 'Content-Type': 'text/html' } }));
    const { error } = await collectUntilError(stream(providerWith(fetch)));
    expect(error).toMatchObject({ kind: 'protocol' });
  });

  it('maps an HTTP error through describeHttpError', async () => {
    const fetch = scriptedFetch(jsonResponse(404, { error: { message: 'The model `gpt-x` does not exist', code: 'model_not_found' } }));
    const { error } = await collectUntilError(stream(providerWith(fetch)));
    expect(error).toMatchObject({ kind: 'model', details: { status: 404, code: 'model_not_found' } });
  });
});

describe('network failures', () => {
  it('turns fetch’s TypeError into "Could not reach <origin>" with a hint', async () => {
    const fetch = scriptedFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    const provider = providerWith(fetch, { baseUrl: 'http://localhost:1234/v1' });
    const { error } = await collectUntilError(stream(provider));
    expect(error).toMatchObject({ kind: 'network', message: 'Could not reach http://localhost:1234.' });
    expect((error as ProviderError).details.hint).toMatch(/running.*CORS/);
    expect(fetch.calls).toHaveLength(3);
  });

  it('lets the egress guard’s own refusal through unchanged and does not retry it', async () => {
    class Refusal extends Error {}
    const refusal = new Refusal('blocked');
    const fetch = scriptedFetch(refusal);
    const { error } = await collectUntilError(stream(providerWith(fetch)));
    expect(error).toBe(refusal);
    expect(fetch.calls).toHaveLength(1);
  });

  it('calls a body that errors mid-stream a closed connection', async () => {
    const fetch = scriptedFetch(
      eventStreamResponse('data: {"choices":[{"index":0,"delta":{"content":"Par"}}]}\n\n', 8, { endWith: 'reset' }),
    );
    const { parts, error } = await collectUntilError(stream(providerWith(fetch)));
    expect(parts).toEqual([{ type: 'text-delta', text: 'Par' }]);
    expect(error).toMatchObject({ kind: 'network', message: 'The connection closed before the answer was complete.' });
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('fails with a timeout when no response comes within firstByteTimeoutMs', async () => {
    vi.useFakeTimers();
    const fetch = silentFetch();
    const provider = providerWith(fetch, { firstByteTimeoutMs: 5_000 });
    const outcome = collectUntilError(stream(provider));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await outcome;
    expect(error).toMatchObject({ kind: 'timeout', details: { code: 'first-byte-timeout' } });
    expect((error as ProviderError).message).toBe('api.example.test did not answer within 5 s.');
    expect((fetch.calls[0]?.init.signal as AbortSignal).aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts headers without a body byte as no first byte yet', async () => {
    vi.useFakeTimers();
    const fetch = scriptedFetch(eventStreamResponse('', 1, { endWith: 'stall' }));
    const outcome = collectUntilError(stream(providerWith(fetch, { firstByteTimeoutMs: 1_000, stallTimeoutMs: 60_000 })));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await outcome).error).toMatchObject({ kind: 'timeout', details: { code: 'first-byte-timeout' } });
  });

  it('fails with a stall timeout after partial text, and cancels the body', async () => {
    vi.useFakeTimers();
    const onCancel = vi.fn();
    const fetch = scriptedFetch(
      eventStreamResponse('data: {"choices":[{"index":0,"delta":{"content":"Half"}}]}\n\n', 7, { endWith: 'stall', onCancel }),
    );
    const outcome = collectUntilError(stream(providerWith(fetch, { stallTimeoutMs: 2_000 })));
    await vi.advanceTimersByTimeAsync(1_999);
    await vi.advanceTimersByTimeAsync(1);
    const { parts, error } = await outcome;
    expect(parts).toEqual([{ type: 'text-delta', text: 'Half' }]);
    expect(error).toMatchObject({ kind: 'timeout', details: { code: 'stall-timeout' } });
    expect(onCancel).toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timer behind after a normal answer', async () => {
    vi.useFakeTimers();
    await collect(stream(providerWith(scriptedFetch(eventStreamResponse(HAPPY_STREAM, 5)))));
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('automatic retry', () => {
  const rateLimited = () => jsonResponse(429, { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }, { 'retry-after-ms': '20' });

  it('retries a 429 after the server’s Retry-After, then streams', async () => {
    vi.useFakeTimers();
    const fetch = scriptedFetch(rateLimited(), eventStreamResponse(HAPPY_STREAM));
    const outcome = collectUntilError(stream(providerWith(fetch)));
    await vi.advanceTimersByTimeAsync(19);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const { parts, error } = await outcome;
    expect(error).toBeUndefined();
    expect(parts).toEqual([
      { type: 'warning', warning: { type: 'retrying', message: 'Rate limited; retrying in 1 s', retryInMs: 20, attempt: 1, wording: { key: 'error_noticeRateLimitedRetry', args: ['1'] } } },
      { type: 'text-delta', text: 'Hi' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(fetch.calls).toHaveLength(2);
  });

  it('says why before each wait: one retrying warning per retry, before the retry is sent', async () => {
    vi.useFakeTimers();
    const fetch = scriptedFetch(
      jsonResponse(429, {}, { 'retry-after': '3' }),
      jsonResponse(503, { error: { message: 'overloaded' } }, { 'retry-after-ms': '1500' }),
      eventStreamResponse(HAPPY_STREAM),
    );
    const parts: unknown[] = [];
    const iterator = stream(providerWith(fetch))[Symbol.asyncIterator]();
    const first = await iterator.next();
    // The warning arrives while the wait has only begun: the UI can show it during the wait.
    expect(first.value).toEqual({
      type: 'warning',
      warning: { type: 'retrying', message: 'Rate limited; retrying in 3 s', retryInMs: 3_000, attempt: 1, wording: { key: 'error_noticeRateLimitedRetry', args: ['3'] } },
    });
    expect(fetch.calls).toHaveLength(1);
    const rest = (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) parts.push(next.value);
    })();
    await vi.advanceTimersByTimeAsync(3_000);
    await vi.advanceTimersByTimeAsync(1_500);
    await rest;
    expect(parts).toEqual([
      {
        type: 'warning',
        warning: {
          type: 'retrying',
          message: 'The provider had a problem (HTTP 503); retrying in 2 s',
          retryInMs: 1_500,
          attempt: 2,
          wording: { key: 'error_noticeProviderProblemStatusRetry', args: ['503', '2'] },
        },
      },
      { type: 'text-delta', text: 'Hi' },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('gives up after two retries of a 5xx and throws the last error', async () => {
    const fetch = scriptedFetch(jsonResponse(500, {}), jsonResponse(502, {}), jsonResponse(503, { error: { message: 'overloaded' } }));
    const { error } = await collectUntilError(stream(providerWith(fetch)));
    expect(error).toMatchObject({ kind: 'server', details: { status: 503 } });
    expect(fetch.calls).toHaveLength(3);
  });

  it('retries a network failure, and a stream that dies before its first token', async () => {
    const fetch = scriptedFetch(
      new TypeError('Failed to fetch'),
      eventStreamResponse('data: {"choices":[{"index":0,"delta":{"role":"assistant"}}]}\n\n'),
      eventStreamResponse(HAPPY_STREAM),
    );
    const { parts, error } = await collectUntilError(stream(providerWith(fetch)));
    expect(error).toBeUndefined();
    expect(parts.filter((part) => part.type === 'warning').map((part) => part.type === 'warning' && part.warning.message)).toEqual([
      'Could not reach https://api.example.test; retrying in 1 s',
      'The connection closed before the answer was complete; retrying in 1 s',
    ]);
    expect(parts.find((part) => part.type !== 'warning')).toEqual({ type: 'text-delta', text: 'Hi' });
    expect(fetch.calls).toHaveLength(3);
  });

  it('never retries once text was yielded', async () => {
    const fetch = scriptedFetch(
      eventStreamResponse('data: {"choices":[{"index":0,"delta":{"content":"Par"}}]}\n\n'),
      eventStreamResponse(HAPPY_STREAM),
    );
    const { parts, error } = await collectUntilError(stream(providerWith(fetch)));
    expect(parts).toEqual([{ type: 'text-delta', text: 'Par' }]);
    expect(error).toMatchObject({ kind: 'network' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('does not retry insufficient_quota, auth, context or timeout failures', async () => {
    for (const response of [
      jsonResponse(429, { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } }),
      jsonResponse(401, { error: { message: 'Incorrect API key provided' } }),
      jsonResponse(400, { error: { message: 'too long', code: 'context_length_exceeded' } }),
    ]) {
      const fetch = scriptedFetch(response, eventStreamResponse(HAPPY_STREAM));
      const { error } = await collectUntilError(stream(providerWith(fetch)));
      expect(error).toBeInstanceOf(ProviderError);
      expect(fetch.calls).toHaveLength(1);
    }
    const fetch = silentFetch();
    const { error } = await collectUntilError(stream(providerWith(fetch, { firstByteTimeoutMs: 10 })));
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('throws at once, with retryAfterMs, when Retry-After exceeds the cap', async () => {
    const fetch = scriptedFetch(jsonResponse(429, { error: { message: 'slow down' } }, { 'retry-after': '120' }));
    const { error } = await collectUntilError(stream(providerWith(fetch)));
    expect(error).toMatchObject({ kind: 'rate-limit', details: { retryAfterMs: 120_000 } });
    expect((error as ProviderError).details.hint).toBe('Try again in 2 minutes.');
    expect(fetch.calls).toHaveLength(1);
  });

  it('uses exponential backoff without Retry-After', async () => {
    vi.useFakeTimers();
    // Jitter at its top: the waits are exactly base, then twice base.
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const fetch = scriptedFetch(jsonResponse(500, {}), jsonResponse(500, {}), eventStreamResponse(HAPPY_STREAM));
    const provider = providerWith(fetch, { retry: { baseDelayMs: 1_000, maxDelayMs: 10_000 } });
    const outcome = collectUntilError(stream(provider));
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetch.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.calls).toHaveLength(3);
    expect((await outcome).error).toBeUndefined();
  });

  it('stops waiting and throws the abort reason when cancelled during backoff', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const fetch = scriptedFetch(jsonResponse(429, {}, { 'retry-after': '10' }), eventStreamResponse(HAPPY_STREAM));
    const outcome = collectUntilError(stream(providerWith(fetch), controller.signal));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const { error } = await outcome;
    expect(isAbortError(error)).toBe(true);
    expect(fetch.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('cancellation', () => {
  it('throws the signal’s reason without calling fetch when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = scriptedFetch();
    const { error } = await collectUntilError(stream(providerWith(fetch), controller.signal));
    expect(error).toBe(controller.signal.reason);
    expect(isAbortError(error)).toBe(true);
    expect(fetch.calls).toHaveLength(0);
  });

  it('rethrows a custom abort reason unchanged while waiting for the response', async () => {
    const controller = new AbortController();
    const fetch = silentFetch();
    const outcome = collectUntilError(stream(providerWith(fetch), controller.signal));
    const reason = new Error('user pressed stop');
    setTimeout(() => controller.abort(reason), 5);
    expect((await outcome).error).toBe(reason);
    expect((fetch.calls[0]?.init.signal as AbortSignal).aborted).toBe(true);
  });

  it('aborting mid-stream keeps the parts already yielded, throws AbortError and cancels the body', async () => {
    const controller = new AbortController();
    const onCancel = vi.fn();
    const fetch = scriptedFetch(
      eventStreamResponse('data: {"choices":[{"index":0,"delta":{"content":"One"}}]}\n\n', 1024, { endWith: 'stall', onCancel }),
    );
    const parts: unknown[] = [];
    let thrown: unknown;
    try {
      for await (const part of stream(providerWith(fetch), controller.signal)) {
        parts.push(part);
        controller.abort();
      }
    } catch (error) {
      thrown = error;
    }
    expect(parts).toEqual([{ type: 'text-delta', text: 'One' }]);
    expect(isAbortError(thrown)).toBe(true);
    expect(thrown).not.toBeInstanceOf(ProviderError);
    expect(onCancel).toHaveBeenCalled();
  });

  it('a consumer that stops iterating closes the connection', async () => {
    const onCancel = vi.fn();
    const fetch = scriptedFetch(
      eventStreamResponse('data: {"choices":[{"index":0,"delta":{"content":"One"}}]}\n\n', 1024, { endWith: 'stall', onCancel }),
    );
    for await (const part of stream(providerWith(fetch))) {
      expect(part).toEqual({ type: 'text-delta', text: 'One' });
      break;
    }
    expect(onCancel).toHaveBeenCalled();
    expect((fetch.calls[0]?.init.signal as AbortSignal).aborted).toBe(true);
  });
});

describe('listModels', () => {
  it('GETs <baseUrl>/models with the key and returns the ids', async () => {
    const fetch = scriptedFetch(
      jsonResponse(200, { object: 'list', data: [{ id: 'gpt-x', object: 'model' }, { id: 'gpt-y' }, { id: 'gpt-x' }] }),
    );
    const models = await providerWith(fetch, { baseUrl: 'https://api.example.test/v1/' }).listModels(new AbortController().signal);
    expect(models).toEqual([{ id: 'gpt-x' }, { id: 'gpt-y' }]);
    expect(fetch.calls[0]?.url).toBe('https://api.example.test/v1/models');
    expect(fetch.calls[0]?.init.method).toBe('GET');
    expect(fetch.calls[0]?.init.headers).toEqual({ Authorization: 'Bearer sk-test-key-123456' });
  });

  it('reads Ollama’s native {models:[{name}]} shape too', async () => {
    const fetch = scriptedFetch(jsonResponse(200, { models: [{ name: 'llama3.2:latest', model: 'llama3.2:latest' }] }));
    expect(await providerWith(fetch).listModels(new AbortController().signal)).toEqual([{ id: 'llama3.2:latest' }]);
  });

  it('maps errors and unknown shapes', async () => {
    const unauthorized = scriptedFetch(jsonResponse(401, { message: 'Unauthorized', request_id: 'r1' }));
    await expect(providerWith(unauthorized).listModels(new AbortController().signal)).rejects.toMatchObject({ kind: 'auth' });
    const odd = scriptedFetch(jsonResponse(200, { something: 'else' }));
    await expect(providerWith(odd).listModels(new AbortController().signal)).rejects.toMatchObject({ kind: 'protocol' });
    const down = scriptedFetch(new TypeError('Failed to fetch'));
    await expect(providerWith(down).listModels(new AbortController().signal)).rejects.toMatchObject({ kind: 'network' });
  });

  it('times out and honours abort', async () => {
    await expect(providerWith(silentFetch(), { firstByteTimeoutMs: 10 }).listModels(new AbortController().signal)).rejects.toMatchObject({
      kind: 'timeout',
    });
    const controller = new AbortController();
    const pending = providerWith(silentFetch()).listModels(controller.signal);
    controller.abort();
    await expect(pending).rejects.toSatisfy(isAbortError);
  });
});
