// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ProviderError, type StreamPart } from '../types';
import type { LanguageModelApi, LanguageModelAvailability, LanguageModelCreateOptions } from './language-model-api';
import { languageModelOf } from './language-model-api';
import { createChromeAIProvider } from './provider';

/** A fake of the documented Prompt API surface: availability(), create({ monitor, initialPrompts }), promptStreaming(). */
function fakeLanguageModel(state: LanguageModelAvailability, chunks: string[] = [], options: { failWith?: unknown; hangAfter?: number } = {}) {
  const created: LanguageModelCreateOptions[] = [];
  const prompts: unknown[] = [];
  let destroyed = 0;
  const api: LanguageModelApi = {
    async availability() {
      return state;
    },
    async create(createOptions) {
      created.push(createOptions ?? {});
      return {
        promptStreaming(input, promptOptions) {
          prompts.push(input);
          return (async function* () {
            for (const [index, chunk] of chunks.entries()) {
              if (options.hangAfter === index) {
                await new Promise((_, reject) => promptOptions?.signal?.addEventListener('abort', () => reject(promptOptions.signal?.reason)));
              }
              yield chunk;
            }
            if (options.failWith) throw options.failWith;
          })();
        },
        destroy() {
          destroyed++;
        },
      };
    },
    async params() {
      return { defaultTopK: 3, maxTopK: 128, defaultTemperature: 1, maxTemperature: 2 };
    },
  };
  return { api, created, prompts, destroyed: () => destroyed };
}

async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const MESSAGES = [
  { role: 'system' as const, content: 'You draft replies.' },
  { role: 'user' as const, content: 'Earlier question' },
  { role: 'assistant' as const, content: 'Earlier answer' },
  { role: 'user' as const, content: 'Suggest a reply' },
];

describe('Chrome’s built-in model provider', () => {
  it('streams promptStreaming()’s chunks with the system prompt and history as initial prompts', async () => {
    const fake = fakeLanguageModel('available', ['Sure', ', see you']);
    const parts = await collect(createChromeAIProvider({ api: fake.api }).doStream({ messages: MESSAGES, signal: new AbortController().signal, temperature: 0.7 }));
    expect(parts).toEqual([
      { type: 'text-delta', text: 'Sure' },
      { type: 'text-delta', text: ', see you' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(fake.created[0]?.initialPrompts).toEqual([
      { role: 'system', content: 'You draft replies.' },
      { role: 'user', content: 'Earlier question' },
      { role: 'assistant', content: 'Earlier answer' },
    ]);
    expect(fake.created[0]).toMatchObject({ temperature: 0.7, topK: 3 });
    expect(fake.prompts).toEqual(['Suggest a reply']);
    expect(fake.destroyed()).toBe(1);
  });

  it('without the API says the browser has no built-in model and names the alternatives', async () => {
    const error = await collect(createChromeAIProvider({ api: undefined }).doStream({ messages: MESSAGES, signal: new AbortController().signal })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'webgpu', details: { code: 'prompt-api-missing' } });
    expect((error as ProviderError).details.hint).toMatch(/WebLLM.*Ollama.*remote API/);
  });

  it('"unavailable" is a clear webgpu-kind error; "downloadable" and "downloading" point at the download in options', async () => {
    const run = (state: LanguageModelAvailability) =>
      collect(createChromeAIProvider({ api: fakeLanguageModel(state).api }).doStream({ messages: MESSAGES, signal: new AbortController().signal })).catch((caught: unknown) => caught as ProviderError);
    expect(await run('unavailable')).toMatchObject({ kind: 'webgpu', message: 'Chrome’s built-in model cannot run on this device.' });
    const downloadable = (await run('downloadable')) as ProviderError;
    expect(downloadable).toMatchObject({ kind: 'model', message: 'Chrome’s built-in model is not downloaded yet.' });
    expect(downloadable.details.hint).toMatch(/press Download/);
    expect(await run('downloading')).toMatchObject({ kind: 'model', message: 'Chrome is still downloading its built-in model.' });
  });

  it('maps QuotaExceededError (input too long) to a context error', async () => {
    const tooLong = Object.assign(new Error('The input is too large.'), { name: 'QuotaExceededError' });
    const fake = fakeLanguageModel('available', ['x'], { failWith: tooLong });
    const error = await collect(createChromeAIProvider({ api: fake.api }).doStream({ messages: MESSAGES, signal: new AbortController().signal })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'context' });
    expect(fake.destroyed()).toBe(1);
  });

  it('on abort throws the signal’s reason and destroys the session', async () => {
    const fake = fakeLanguageModel('available', ['one', 'two'], { hangAfter: 1 });
    const controller = new AbortController();
    const run = (async () => {
      for await (const part of createChromeAIProvider({ api: fake.api }).doStream({ messages: MESSAGES, signal: controller.signal })) {
        if (part.type === 'text-delta') controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.destroyed()).toBe(1);
  });

  it('finds the API on a scope only when it has availability() and create()', () => {
    expect(languageModelOf({})).toBeUndefined();
    expect(languageModelOf({ LanguageModel: { availability: 1 } })).toBeUndefined();
    const fake = fakeLanguageModel('available');
    expect(languageModelOf({ LanguageModel: fake.api })).toBe(fake.api);
  });
});
