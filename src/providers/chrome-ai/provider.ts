/**
 * The provider for Chrome's built-in model through the Prompt API. It runs where Chrome exposes
 * `LanguageModel` to the extension (the service worker and extension pages), gets the API passed in
 * (never reads a global itself, never touches the DOM), and follows ../types.ts for failures and
 * cancellation. One session per answer: earlier messages become the session's initial prompts, the
 * last user message is streamed.
 */
import type { LanguageModelProvider, ModelInfo, StreamOptions, StreamPart } from '../types';
import { raceWithAbort, throwIfAborted } from '../shared/abort';
import { describeChromeAIError, notDownloadedError, unavailableError } from './errors';
import type { LanguageModelApi, LanguageModelPrompt, LanguageModelSession } from './language-model-api';
import { CHROME_AI_MODEL_ID } from './model-id';

export { CHROME_AI_MODEL_ID };

export interface ChromeAIProviderConfig {
  /** undefined where the browser has no Prompt API. */
  api: LanguageModelApi | undefined;
}

/** The session's initial prompts (system first, as the API requires) and the text to stream an answer to. */
export function splitPrompt(messages: StreamOptions['messages']): { initialPrompts: LanguageModelPrompt[]; input: string } {
  const system = messages.filter((message) => message.role === 'system');
  const rest = messages.filter((message) => message.role !== 'system');
  const last = rest.at(-1);
  const history = last?.role === 'user' ? rest.slice(0, -1) : rest;
  const initialPrompts: LanguageModelPrompt[] = [];
  if (system.length > 0) initialPrompts.push({ role: 'system', content: system.map((message) => message.content).join('\n\n') });
  for (const message of history) initialPrompts.push({ role: message.role, content: message.content });
  return { initialPrompts, input: last?.role === 'user' ? last.content : '' };
}

export function createChromeAIProvider(config: ChromeAIProviderConfig): LanguageModelProvider {
  async function ready(signal: AbortSignal): Promise<LanguageModelApi> {
    const { api } = config;
    if (!api) throw unavailableError('no-api');
    let state;
    try {
      state = await api.availability();
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw describeChromeAIError(error);
    }
    throwIfAborted(signal);
    if (state === 'unavailable') throw unavailableError('unavailable');
    if (state === 'downloadable' || state === 'downloading') throw notDownloadedError(state);
    return api;
  }

  async function* doStream(options: StreamOptions): AsyncGenerator<StreamPart> {
    const { signal } = options;
    throwIfAborted(signal);
    const api = await ready(signal);
    const { initialPrompts, input } = splitPrompt(options.messages);
    let session: LanguageModelSession | undefined;
    try {
      const createOptions: Parameters<LanguageModelApi['create']>[0] = { signal, initialPrompts };
      if (options.temperature !== undefined && api.params) {
        // The API takes temperature only together with topK.
        const params = await api.params();
        createOptions.temperature = Math.min(options.temperature, params.maxTemperature);
        createOptions.topK = params.defaultTopK;
      }
      session = await api.create(createOptions);
      throwIfAborted(signal);
      const iterator = session.promptStreaming(input, { signal })[Symbol.asyncIterator]();
      for (;;) {
        throwIfAborted(signal);
        const next = await raceWithAbort(iterator.next(), signal);
        if (next.done) break;
        if (next.value !== '') yield { type: 'text-delta', text: next.value };
      }
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw describeChromeAIError(error);
    } finally {
      session?.destroy();
    }
    throwIfAborted(signal);
    yield { type: 'finish', reason: 'stop' };
  }

  return {
    kind: 'chrome-ai',
    doStream,
    async listModels(signal): Promise<ModelInfo[]> {
      await ready(signal);
      return [{ id: CHROME_AI_MODEL_ID }];
    },
    async probe(signal) {
      await ready(signal);
    },
  };
}
