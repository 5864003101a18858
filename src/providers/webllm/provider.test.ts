// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ProviderError, type StreamPart } from '../types';
import type { WebLLMChatRequest, WebLLMChunk, WebLLMEngineLike } from './engine';
import { createWebLLMProvider } from './provider';

/** A stand-in for web-llm's MLCEngine: its chat.completions.create streaming shape and interruptGenerate. */
function fakeEngine(chunks: WebLLMChunk[], options: { pauseAfter?: number; failAfter?: { index: number; error: unknown } } = {}) {
  const requests: WebLLMChatRequest[] = [];
  let interrupted = false;
  let release: () => void = () => undefined;
  const engine: WebLLMEngineLike & { requests: WebLLMChatRequest[]; interrupted: () => boolean } = {
    requests,
    interrupted: () => interrupted,
    interruptGenerate() {
      interrupted = true;
      release();
    },
    chat: {
      completions: {
        async create(request) {
          requests.push(request);
          return (async function* () {
            for (const [index, chunk] of chunks.entries()) {
              if (options.failAfter?.index === index) throw options.failAfter.error;
              if (options.pauseAfter === index) {
                await new Promise<void>((resolve) => (release = resolve));
                // Like web-llm: an interrupted generation ends with finish_reason "abort".
                if (interrupted) {
                  yield { choices: [{ delta: { content: '' }, finish_reason: 'abort' }] };
                  return;
                }
              }
              yield chunk;
            }
          })();
        },
      },
    },
  };
  return engine;
}

const delta = (content: string, finish: string | null = null): WebLLMChunk => ({ choices: [{ delta: { content }, finish_reason: finish }] });

async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const MESSAGES = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Hello' },
];

describe('WebLLM provider', () => {
  it('streams the engine’s deltas, then one finish with usage', async () => {
    const engine = fakeEngine([
      delta('Hi'),
      delta(' there', 'stop'),
      { choices: [], usage: { prompt_tokens: 12, completion_tokens: 2 } },
    ]);
    const provider = createWebLLMProvider({ model: 'M-q4f32_1-MLC', engineFor: async () => engine, listModels: async () => [] });
    const parts = await collect(provider.doStream({ messages: MESSAGES, signal: new AbortController().signal, maxOutputTokens: 300, temperature: 0.5 }));
    expect(parts).toEqual([
      { type: 'text-delta', text: 'Hi' },
      { type: 'text-delta', text: ' there' },
      { type: 'finish', reason: 'stop', usage: { inputTokens: 12, outputTokens: 2 } },
    ]);
    expect(engine.requests[0]).toEqual({
      messages: MESSAGES,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 300,
      temperature: 0.5,
    });
  });

  it('reports a length cut as finish reason length', async () => {
    const provider = createWebLLMProvider({ model: 'm', engineFor: async () => fakeEngine([delta('a', 'length')]), listModels: async () => [] });
    const parts = await collect(provider.doStream({ messages: MESSAGES, signal: new AbortController().signal }));
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'length' });
  });

  it('on abort interrupts the engine’s generation and throws the signal’s reason, not a ProviderError', async () => {
    const engine = fakeEngine([delta('one'), delta('two'), delta('three', 'stop')], { pauseAfter: 1 });
    const provider = createWebLLMProvider({ model: 'm', engineFor: async () => engine, listModels: async () => [] });
    const controller = new AbortController();
    const received: string[] = [];
    const run = (async () => {
      for await (const part of provider.doStream({ messages: MESSAGES, signal: controller.signal })) {
        if (part.type === 'text-delta') {
          received.push(part.text);
          controller.abort();
        }
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(engine.interrupted()).toBe(true);
    expect(received).toEqual(['one']);
  });

  it('maps a failure while loading the engine (no GPU adapter) to a webgpu error with alternatives', async () => {
    const provider = createWebLLMProvider({
      model: 'm',
      engineFor: async () => {
        throw new Error("Unable to find a compatible GPU. This issue might be because your computer doesn't have a GPU");
      },
      listModels: async () => [],
    });
    const error = await collect(provider.doStream({ messages: MESSAGES, signal: new AbortController().signal })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'webgpu', details: { code: 'no-adapter' } });
    expect((error as ProviderError).details.hint).toMatch(/Chrome’s built-in model.*Ollama.*remote API/);
  });

  it('keeps text already streamed and throws a ProviderError when the device is lost mid-answer', async () => {
    const lost = Object.assign(new Error('The WebGPU device was lost while loading the model.'), { name: 'DeviceLostError' });
    const engine = fakeEngine([delta('partial'), delta('never')], { failAfter: { index: 1, error: lost } });
    const provider = createWebLLMProvider({ model: 'm', engineFor: async () => engine, listModels: async () => [] });
    const received: StreamPart[] = [];
    const error = await (async () => {
      for await (const part of provider.doStream({ messages: MESSAGES, signal: new AbortController().signal })) received.push(part);
    })().catch((caught: unknown) => caught);
    expect(received).toEqual([{ type: 'text-delta', text: 'partial' }]);
    expect(error).toMatchObject({ kind: 'webgpu', details: { code: 'device-lost' } });
  });

  it('lists the models the engine host offers', async () => {
    const provider = createWebLLMProvider({ model: 'm', engineFor: async () => fakeEngine([]), listModels: async () => [{ id: 'a' }, { id: 'b' }] });
    await expect(provider.listModels(new AbortController().signal)).resolves.toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});
