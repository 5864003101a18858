/** What the user reads for each failure carries its catalogue ids, so the interface can translate it. */
import { describe, expect, it } from 'vitest';
import { BackgroundError, toUserFacingError, userError } from './errors';
import { wording } from '../shared/wording';
import { ProviderError } from '../providers/types';

describe('userError', () => {
  it('keeps the English text and sends the ids and substitutions of both sentences', () => {
    const error = userError('config', wording('error_noAssistant'), wording('error_noAssistantHint'));
    expect(error).toEqual({
      kind: 'config',
      message: 'No assistant is set up yet.',
      hint: 'Open Aside’s options and add an assistant (for example a local Ollama or an OpenAI key).',
      retryable: false,
      messageWording: { key: 'error_noAssistant', args: [] },
      hintWording: { key: 'error_noAssistantHint', args: [] },
    });
  });

  it('words the default next step of the kind when none is given', () => {
    const error = userError('network', wording('error_unreachable', 'http://localhost:11434'));
    expect(error.hint).toBe('Check that the server is running and reachable, then press Retry.');
    expect(error.hintWording).toEqual({ key: 'error_hintNetwork', args: [] });
    expect(error.retryable).toBe(true);
  });

  it('sends no ids for plain text, which stays as it is in every language', () => {
    const error = userError('adapter', 'Reload the messenger tab.', 'It is not ours to translate.');
    expect(error.messageWording).toBeUndefined();
    expect(error.hintWording).toBeUndefined();
  });
});

describe('toUserFacingError', () => {
  it('passes a provider error’s ids through, Retry-After seconds included', () => {
    const error = new ProviderError('rate-limit', wording('error_rateLimited', 'api.openai.com'), {
      status: 429,
      retryAfterMs: 17_000,
      hint: wording('error_retryInSeconds', 17),
    });
    expect(error.message).toBe('api.openai.com is limiting how fast requests can be made.');
    expect(error.details.hint).toBe('Try again in 17 seconds.');
    expect(toUserFacingError(error)).toMatchObject({
      kind: 'rate-limit',
      message: 'api.openai.com is limiting how fast requests can be made.',
      hint: 'Try again in 17 seconds.',
      messageWording: { key: 'error_rateLimited', args: ['api.openai.com'] },
      hintWording: { key: 'error_retryInSeconds', args: ['17'] },
      retryable: true,
    });
  });

  it('passes a BackgroundError through unchanged', () => {
    const original = userError('config', wording('error_assistantGone'), wording('error_assistantGoneHint'));
    expect(toUserFacingError(new BackgroundError(original))).toBe(original);
  });

  it('words an unexpected failure with its technical message as a substitution', () => {
    const error = toUserFacingError(new TypeError('x is undefined'));
    expect(error.message).toBe('Something went wrong: x is undefined');
    expect(error.messageWording).toEqual({ key: 'error_unexpected', args: ['x is undefined'] });
    expect(error.hintWording).toEqual({ key: 'error_unexpectedHint', args: [] });
  });
});

describe('every error the background and providers build is worded', () => {
  it('has no userError or ProviderError whose message is an English literal', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return files(path);
        return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
      });
    const src = resolve(__dirname, '..');
    const literal = /(?:userError|new ProviderError)\(\s*'[a-z-]+',\s*[`'"]/g;
    const offenders = [...files(join(src, 'background')), ...files(join(src, 'providers'))].flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(literal)].map((match) => `${path.slice(src.length + 1)}: ${match[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});
