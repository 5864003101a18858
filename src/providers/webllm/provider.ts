/**
 * The provider for models that run inside the browser with WebLLM on WebGPU. The engine itself lives
 * elsewhere (Chrome: an offscreen document; Firefox: the background page; see README "Models in the
 * browser"): this file only speaks to it through the WebLLMEngineLike boundary, so it never loads
 * web-llm and never touches the DOM. Failure and cancellation follow ../types.ts.
 */
import type { FinishReason, LanguageModelProvider, ModelInfo, StreamOptions, StreamPart, Usage } from '../types';
import { raceWithAbort, throwIfAborted } from '../shared/abort';
import type { WebLLMChatRequest, WebLLMChunk, WebLLMEngineLike } from './engine';
import { describeWebLLMError } from './errors';

export interface WebLLMProviderConfig {
  /** A model_id of web-llm's prebuilt list, e.g. "Llama-3.2-1B-Instruct-q4f32_1-MLC". */
  model: string;
  /** The engine with `model` loaded (loading it may take a while; it rejects with web-llm's errors). */
  engineFor(model: string, signal: AbortSignal): Promise<WebLLMEngineLike>;
  /** The models that can be picked (the prebuilt list, as the engine host reads it). */
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
}

function toFinishReason(reason: string | null | undefined): FinishReason {
  if (reason === 'stop') return 'stop';
  if (reason === 'length') return 'length';
  if (reason === 'abort') return 'abort';
  return 'other';
}

export function createWebLLMProvider(config: WebLLMProviderConfig): LanguageModelProvider {
  async function* doStream(options: StreamOptions): AsyncGenerator<StreamPart> {
    const { signal } = options;
    throwIfAborted(signal);
    let engine: WebLLMEngineLike;
    let chunks: AsyncIterable<WebLLMChunk>;
    try {
      engine = await config.engineFor(config.model, signal);
      throwIfAborted(signal);
      const request: WebLLMChatRequest = {
        messages: options.messages.map(({ role, content }) => ({ role, content })),
        stream: true,
        stream_options: { include_usage: true },
      };
      if (options.maxOutputTokens !== undefined) request.max_tokens = options.maxOutputTokens;
      if (options.temperature !== undefined) request.temperature = options.temperature;
      chunks = await engine.chat.completions.create(request);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw describeWebLLMError(error, config.model);
    }

    // The engine keeps generating until told otherwise: an abort interrupts it, then rethrows.
    const onAbort = () => engine.interruptGenerate();
    signal.addEventListener('abort', onAbort, { once: true });
    let finishReason: FinishReason | undefined;
    let usage: Usage | undefined;
    try {
      const iterator = chunks[Symbol.asyncIterator]();
      for (;;) {
        throwIfAborted(signal);
        // Raced with the signal: an engine that ignores the interrupt must not hold the caller.
        const next = await raceWithAbort(iterator.next(), signal);
        if (next.done) break;
        const chunk = next.value;
        const choice = chunk.choices[0];
        const text = choice?.delta?.content;
        if (typeof text === 'string' && text !== '') yield { type: 'text-delta', text };
        if (choice?.finish_reason) finishReason = toFinishReason(choice.finish_reason);
        if (chunk.usage) {
          usage = {};
          if (typeof chunk.usage.prompt_tokens === 'number') usage.inputTokens = chunk.usage.prompt_tokens;
          if (typeof chunk.usage.completion_tokens === 'number') usage.outputTokens = chunk.usage.completion_tokens;
        }
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw describeWebLLMError(error, config.model);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    throwIfAborted(signal);
    const reason = finishReason ?? 'stop';
    yield usage ? { type: 'finish', reason, usage } : { type: 'finish', reason };
  }

  return {
    kind: 'webllm',
    doStream,
    async listModels(signal) {
      try {
        return await config.listModels(signal);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw describeWebLLMError(error, config.model);
      }
    },
  };
}
