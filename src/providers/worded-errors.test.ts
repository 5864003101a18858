/**
 * Every failure a provider reports can be shown in the user's language: it carries catalogue ids for
 * both sentences, with hosts, models, statuses, waits and the server's own words as substitutions.
 */
import { describe, expect, it } from 'vitest';
import { describeEndpoint } from './shared/endpoint';
import { describeHttpError } from './openai-compatible/http-errors';
import { describeOllamaError } from './ollama/http-errors';
import { describeAnthropicError } from './anthropic/http-errors';
import { describeGeminiError } from './gemini/http-errors';
import { describeWebLLMError } from './webllm/errors';
import { describeChromeAIError, notDownloadedError, unavailableError } from './chrome-ai/errors';
import { unreachableError, connectionClosedError } from './shared/transport-errors';
import { ProviderError } from './types';
import { retryingWarning } from './shared/retry';

const OLLAMA = describeEndpoint('http://localhost:11434/v1');
const OPENAI = describeEndpoint('https://api.openai.com/v1');
const EXTENSION = 'chrome-extension://abcdefghijklmnop';

function wordingOf(error: ProviderError) {
  return { message: error.messageWording && { key: error.messageWording.key, args: error.messageWording.args }, hint: error.hintWording && { key: error.hintWording.key, args: error.hintWording.args } };
}

describe('worded provider errors', () => {
  it('Ollama refusing the extension’s origin: the exact OLLAMA_ORIGINS setting is a substitution', () => {
    const error = describeHttpError(403, new Headers(), '', { endpoint: OLLAMA, model: 'llama3.2', extensionOrigin: EXTENSION });
    expect(wordingOf(error)).toEqual({
      message: { key: 'error_originRejected', args: ['localhost:11434'] },
      hint: { key: 'error_ollamaOriginsHint', args: [`OLLAMA_ORIGINS=${EXTENSION}`] },
    });
    expect(error.details.hint).toBe(`Allow the extension in Ollama: set OLLAMA_ORIGINS=${EXTENSION} where Ollama runs, then restart Ollama.`);
    const native = describeOllamaError(403, new Headers(), '', { endpoint: OLLAMA, model: 'llama3.2', extensionOrigin: 'moz-extension://1234' });
    expect(native.hintWording?.key).toBe('error_ollamaOriginsFirefoxHint');
  });

  it('a rejected key (401) and a rate limit with Retry-After', () => {
    const rejected = describeHttpError(401, new Headers(), '{"error":{"message":"bad key"}}', { endpoint: OPENAI, model: 'gpt-4o', apiKey: 'sk-x' });
    expect(wordingOf(rejected)).toEqual({ message: { key: 'error_keyRejected', args: ['api.openai.com'] }, hint: { key: 'error_keyRejectedHint', args: [] } });
    const limited = describeHttpError(429, new Headers({ 'retry-after': '17' }), '', { endpoint: OPENAI, model: 'gpt-4o' });
    expect(wordingOf(limited).hint).toEqual({ key: 'error_retryInSeconds', args: ['17'] });
    expect(limited.details.hint).toBe('Try again in 17 seconds.');
    const minutes = describeHttpError(429, new Headers({ 'retry-after': '300' }), '', { endpoint: OPENAI, model: 'gpt-4o' });
    expect(minutes.details.hint).toBe('Try again in 5 minutes.');
    const oneSecond = describeHttpError(429, new Headers({ 'retry-after': '1' }), '', { endpoint: OPENAI, model: 'gpt-4o' });
    expect(oneSecond.details.hint).toBe('Try again in a second.');
  });

  it('the server’s own words stay inside the sentence, untranslated', () => {
    const error = describeHttpError(500, new Headers(), '{"error":{"message":"upstream timed out"}}', { endpoint: OPENAI, model: 'gpt-4o' });
    expect(error.messageWording).toMatchObject({ key: 'error_serverFailedSaying', args: ['api.openai.com', '500', 'upstream timed out'] });
    expect(error.message).toBe('api.openai.com had a problem answering (HTTP 500): upstream timed out');
  });

  it('an unreachable server and a broken connection', () => {
    expect(wordingOf(unreachableError(OLLAMA))).toEqual({
      message: { key: 'error_unreachable', args: ['http://localhost:11434'] },
      hint: { key: 'error_unreachableLocalHint', args: ['http://localhost:11434'] },
    });
    expect(connectionClosedError().hintWording?.key).toBe('error_partialKeptHint');
  });

  it('leaves no HTTP status unworded, for any provider', () => {
    const bodies = ['', '{"error":{"message":"model x not found","type":"not_found_error"}}', '{"error":"model not found"}', '<html>nope</html>'];
    const describers = [
      (status: number, body: string) => describeHttpError(status, new Headers(), body, { endpoint: OPENAI, model: 'm', apiKey: 'k' }),
      (status: number, body: string) => describeOllamaError(status, new Headers(), body, { endpoint: OLLAMA, model: 'm' }),
      (status: number, body: string) => describeAnthropicError(status, new Headers(), body, { endpoint: OPENAI, model: 'm', apiKey: 'k' }),
      (status: number, body: string) => describeGeminiError(status, new Headers({ 'retry-after': '3' }), body, { endpoint: OPENAI, model: 'm', apiKey: 'k' }),
    ];
    for (const describe of describers) {
      for (let status = 400; status < 600; status++) {
        for (const body of bodies) {
          const error = describe(status, body);
          expect(error.messageWording, `${status} ${body}: ${error.message}`).toBeDefined();
          expect(error.hintWording, `${status} ${body}: ${error.details.hint}`).toBeDefined();
          expect(error.messageWording!.text).toBe(error.message);
        }
      }
    }
  });

  it('in-browser model failures are worded too', () => {
    const failures: unknown[] = [
      { name: 'WebGPUNotAvailableError', message: 'x' },
      { name: 'NoCompatibleGPUError', message: 'x' },
      { name: 'ShaderF16SupportError', message: 'x' },
      { name: 'FeatureSupportError', message: 'x' },
      { name: 'DeviceLostError', message: 'x' },
      { name: 'QuotaExceededError', message: 'x' },
      { name: 'ModelNotFoundError', message: 'x' },
      { name: 'ModelNotDownloadedError', message: 'x' },
      { name: 'ContextWindowSizeExceededError', message: 'x' },
      { name: 'DownloadHttpError', message: 'x', status: 404, url: 'https://huggingface.co/a' },
      { name: 'DownloadHttpError', message: 'x', status: 503, url: 'https://huggingface.co/a' },
      { name: 'TypeError', message: 'Failed to fetch', url: 'https://huggingface.co/a' },
      { name: 'CompileError', message: 'x' },
      { name: 'Error', message: 'odd' },
    ];
    for (const failure of failures) {
      const error = describeWebLLMError(failure, 'Llama-3.2-1B');
      expect(error.messageWording, error.message).toBeDefined();
      expect(error.hintWording, error.message).toBeDefined();
    }
    for (const error of [
      unavailableError('no-api'),
      unavailableError('unavailable'),
      notDownloadedError('downloadable'),
      notDownloadedError('downloading'),
      describeChromeAIError(Object.assign(new Error('long'), { name: 'QuotaExceededError' })),
      describeChromeAIError(Object.assign(new Error('no'), { name: 'NotAllowedError' })),
      describeChromeAIError(new Error('boom')),
    ]) {
      expect(error.messageWording, error.message).toBeDefined();
      expect(error.hintWording, error.message).toBeDefined();
    }
  });

  it('the notice while a retry waits is worded, its seconds a substitution', () => {
    const limited = describeHttpError(429, new Headers(), '', { endpoint: OPENAI, model: 'gpt-4o' });
    expect(retryingWarning(limited, 2_500, 1)).toEqual({
      type: 'retrying',
      message: 'Rate limited; retrying in 3 s',
      retryInMs: 2_500,
      attempt: 1,
      wording: { key: 'error_noticeRateLimitedRetry', args: ['3'] },
    });
    expect(retryingWarning(unreachableError(OLLAMA), 900, 1).wording).toEqual({ key: 'error_noticeUnreachableRetry', args: ['http://localhost:11434', '1'] });
    const failed = describeHttpError(503, new Headers(), '', { endpoint: OPENAI, model: 'gpt-4o' });
    expect(retryingWarning(failed, 1_000, 2).message).toBe('The provider had a problem (HTTP 503); retrying in 1 s');
  });
});
