// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeEndpoint } from '../shared/endpoint';
import { describeHttpError, ollamaOriginsValue, type HttpErrorContext } from './http-errors';

const OPENAI: HttpErrorContext = { endpoint: describeEndpoint('https://api.openai.com/v1'), model: 'gpt-x', apiKey: 'sk-live-abcdefghijklmnop' };
const OLLAMA: HttpErrorContext = {
  endpoint: describeEndpoint('http://localhost:11434/v1'),
  model: 'llama3.2',
  extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};

function describe_(status: number, body: unknown, context = OPENAI, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return describeHttpError(status, new Headers(headers), text, context);
}

describe('describeHttpError', () => {
  it('401: the key was rejected, with a hint, and the echoed key masked', () => {
    const error = describe_(401, {
      error: { message: 'Incorrect API key provided: sk-live-abcdefghijklmnop.', type: 'invalid_request_error', code: 'invalid_api_key' },
    });
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('The API key was rejected by api.openai.com.');
    expect(error.details).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect(error.details.hint).toMatch(/API key in the assistant settings/);
    expect(error.details.providerMessage).toBe('Incorrect API key provided: [redacted].');
  });

  it('401 without a configured key asks for one; Mistral’s {"message"} body is read', () => {
    const error = describe_(401, { message: 'Unauthorized', request_id: 'abc' }, { ...OPENAI, apiKey: undefined });
    expect(error.message).toBe('api.openai.com requires an API key.');
    expect(error.details.hint).toBe('Add the API key in the assistant settings.');
    expect(error.details.providerMessage).toBe('Unauthorized');
  });

  it('403 from Ollama with an empty body: the exact OLLAMA_ORIGINS to set', () => {
    const error = describe_(403, '', OLLAMA);
    expect(error.kind).toBe('auth');
    expect(error.details.code).toBe('origin_rejected');
    expect(error.message).toBe('localhost:11434 refused requests from this extension.');
    expect(error.details.hint).toBe(
      'Allow the extension in Ollama: set OLLAMA_ORIGINS=chrome-extension://abcdefghijklmnopabcdefghijklmnop where Ollama runs, then restart Ollama.',
    );
  });

  it('403 with an empty body elsewhere suggests OLLAMA_ORIGINS conditionally, with wildcards when the origin is unknown', () => {
    const error = describe_(403, '', { endpoint: describeEndpoint('http://192.168.1.5:8080/v1'), model: 'm' });
    expect(error.details.code).toBe('origin_rejected');
    expect(error.details.hint).toContain('If this server is Ollama, set OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*');
  });

  it('403 with a reason from a remote API is a permission problem of the key', () => {
    const error = describe_(403, { error: { code: 403, message: 'Your input was flagged by moderation' } });
    expect(error.kind).toBe('auth');
    expect(error.details.code).toBe('403');
    expect(error.message).toBe('api.openai.com denied access: Your input was flagged by moderation');
    expect(error.details.hint).toContain('gpt-x');
  });

  it('404 with an API error body: the model is not found, pick one from the list', () => {
    const error = describe_(404, { error: { message: 'The model `gpt-x` does not exist or you do not have access to it.', code: 'model_not_found' } });
    expect(error.kind).toBe('model');
    expect(error.message).toBe('The model “gpt-x” was not found at api.openai.com.');
    expect(error.details.hint).toBe('Pick a model from the list in the assistant settings.');
  });

  it('404 from Ollama also suggests ollama pull', () => {
    const error = describe_(404, { error: { message: 'model "llama3.2" not found, try pulling it first', type: 'not_found_error' } }, OLLAMA);
    expect(error.kind).toBe('model');
    expect(error.details.hint).toContain('ollama pull llama3.2');
  });

  it('404 with a plain-text or HTML body means a wrong base URL', () => {
    for (const body of ['404 page not found', '<html><body>Not Found</body></html>', '']) {
      const error = describe_(404, body);
      expect(error.kind).toBe('config');
      expect(error.details.hint).toMatch(/\/v1/);
    }
  });

  it('429 rate limit: retryAfterMs from retry-after-ms, retry-after seconds, or an HTTP date', () => {
    const body = { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } };
    expect(describe_(429, body, OPENAI, { 'retry-after-ms': '408' }).details.retryAfterMs).toBe(408);
    const seconds = describe_(429, body, OPENAI, { 'retry-after': '7' });
    expect(seconds.kind).toBe('rate-limit');
    expect(seconds.details.retryAfterMs).toBe(7_000);
    expect(seconds.details.hint).toBe('Try again in 7 seconds.');
    const date = new Date(Date.now() + 60_000).toUTCString();
    const dated = describe_(429, body, OPENAI, { 'retry-after': date });
    expect(dated.details.retryAfterMs).toBeGreaterThan(55_000);
    expect(dated.details.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(describe_(429, body).details).not.toHaveProperty('retryAfterMs');
    expect(describe_(429, body).details.hint).toBe('Wait a moment and try again.');
  });

  it('429 insufficient_quota is a quota error, not a rate limit', () => {
    const error = describe_(429, {
      error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' },
    });
    expect(error.kind).toBe('quota');
    expect(error.details.hint).toMatch(/credits/);
  });

  it('402 is a quota error (OpenRouter credits)', () => {
    const error = describe_(402, { error: { code: 402, message: 'Insufficient credits' } });
    expect(error.kind).toBe('quota');
    expect(error.details.status).toBe(402);
  });

  it('400 context_length_exceeded is a context error; vLLM’s wording without a code too', () => {
    expect(
      describe_(400, {
        error: { message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.", code: 'context_length_exceeded', param: 'messages' },
      }).kind,
    ).toBe('context');
    expect(describe_(400, { object: 'error', message: "This model's maximum context length is 4096 tokens.", type: 'BadRequestError' }).kind).toBe('context');
    expect(describe_(413, '').kind).toBe('context');
  });

  it('other 400/422: the provider’s reason, including Mistral’s validation list', () => {
    const error = describe_(422, {
      object: 'error',
      message: { detail: [{ type: 'extra_forbidden', loc: ['body', 'stream_options', 'include_usage'], msg: 'Extra inputs are not permitted', input: true }] },
      type: 'invalid_request_error',
    });
    expect(error.kind).toBe('config');
    expect(error.message).toBe('api.openai.com rejected the request: stream_options.include_usage: Extra inputs are not permitted');
  });

  it('5xx is a server error, with Retry-After when given', () => {
    const error = describe_(503, { error: { message: 'The engine is currently overloaded' } }, OPENAI, { 'retry-after': '2' });
    expect(error.kind).toBe('server');
    expect(error.message).toBe('api.openai.com had a problem answering (HTTP 503): The engine is currently overloaded');
    expect(error.details.retryAfterMs).toBe(2_000);
    expect(describe_(500, '').message).toBe('api.openai.com had a problem answering (HTTP 500).');
  });

  it('408 is a timeout; any other status points at the base URL', () => {
    expect(describe_(408, '').kind).toBe('timeout');
    const error = describe_(405, 'Method Not Allowed');
    expect(error.kind).toBe('config');
    expect(error.message).toContain('HTTP 405');
  });

  it('reads every error body shape leniently', () => {
    expect(describe_(500, { error: 'plain string error' }).details.providerMessage).toBe('plain string error');
    expect(describe_(500, { detail: 'Internal failure' }).details.providerMessage).toBe('Internal failure');
    expect(describe_(500, 'not json at all').details.providerMessage).toBe('not json at all');
    expect(describe_(500, '[1,2]').details.providerMessage).toBeUndefined();
    expect(describe_(500, 'x'.repeat(1000)).details.providerMessage?.length).toBeLessThanOrEqual(300);
  });

  it('every mapping carries a hint', () => {
    for (const status of [400, 401, 402, 403, 404, 405, 408, 409, 413, 422, 429, 500, 502, 503, 504]) {
      expect(describe_(status, '').details.hint, `status ${status}`).toBeTruthy();
      expect(describe_(status, { error: { message: 'm' } }).details.hint, `status ${status}`).toBeTruthy();
    }
  });
});

describe('ollamaOriginsValue', () => {
  it('uses the exact origin without a trailing slash, or wildcards', () => {
    expect(ollamaOriginsValue('moz-extension://1b2c-uuid/')).toBe('moz-extension://1b2c-uuid');
    expect(ollamaOriginsValue()).toBe('chrome-extension://*,moz-extension://*');
  });
});
