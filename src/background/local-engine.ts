/**
 * The background's side of in-browser models: a client of the engine host (see src/llm-host), the
 * providers built on it, and the latest download state, kept here so the options page can show it
 * after being closed and reopened. Pure: the browser wiring (offscreen document, ports, Firefox's
 * in-process host) is in local-engine-host.ts, so this file is tested with an in-memory host.
 */
import { wording } from '../shared/wording';
import * as v from 'valibot';
import type { LanguageModelProvider, ModelInfo } from '../providers/types';
import { ProviderError } from '../providers/types';
import { createWebLLMProvider, describeWebLLMError } from '../providers/webllm';
import type { WebLLMChunk, WebLLMEngineLike } from '../providers/webllm';
import { createChromeAIProvider, type LanguageModelApi } from '../providers/chrome-ai';
import { HostEventSchema, type HostChannel, type HostDownloadState, type HostEvent, type HostRequest } from '../llm-host/protocol';
import type { ListResult } from '../llm-host/engine-host';
import type { LocalDownloadView } from '../shared/protocol';
import { toUserFacingError } from './errors';
import type { EgressEntry } from './egress';

type RequestBody = HostRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onChunk?(chunk: unknown): void;
}

export interface LocalEngineClient {
  request<T>(body: RequestBody): Promise<T>;
  /** A proxy of the host's engine with the WebLLMEngineLike shape; the host loads `model` on first use. */
  engineFor(model: string): WebLLMEngineLike;
  downloadState(): LocalDownloadView | null;
}

/**
 * `connect` returns the channel to a running host, starting it when needed; it is called again after
 * the host went away. `onClosed` of the returned channel fails whatever was pending.
 */
export function createLocalEngineClient(
  connect: () => Promise<HostChannel<HostRequest, unknown> & { onClose(listener: () => void): void }>,
  /** Where the host's model-download requests are logged (the egress log); chat key null, no chat involved. */
  recordEgress: (entry: EgressEntry) => void = () => undefined,
): LocalEngineClient {
  let channel: Promise<HostChannel<HostRequest, unknown>> | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let download: HostDownloadState | null = null;

  const onEvent = (raw: unknown) => {
    const parsed = v.safeParse(HostEventSchema, raw);
    if (!parsed.success) return;
    const event: HostEvent = parsed.output;
    if (event.type === 'progress') {
      download = event.state;
      return;
    }
    if (event.type === 'egress') {
      recordEgress({ ...event.entry, chatKey: null });
      return;
    }
    const waiting = pending.get(event.id);
    if (!waiting) return;
    if (event.type === 'chunk') {
      waiting.onChunk?.(event.chunk);
      return;
    }
    pending.delete(event.id);
    if (event.ok) waiting.resolve(event.value);
    else waiting.reject(event.error);
  };

  const open = () =>
    (channel ??= connect().then(
      (opened) => {
        opened.onMessage(onEvent);
        opened.onClose(() => {
          channel = undefined;
          const stopped = { name: 'EngineHostStopped', message: 'The in-browser engine stopped (it may have run out of memory).' };
          for (const waiting of pending.values()) waiting.reject(stopped);
          pending.clear();
        });
        return opened;
      },
      (error: unknown) => {
        channel = undefined;
        throw error;
      },
    ));

  async function send<T>(body: RequestBody, onChunk?: (chunk: unknown) => void): Promise<{ id: number; done: Promise<T> }> {
    const opened = await open();
    const id = nextId++;
    const done = new Promise<T>((resolve, reject) => {
      const entry: Pending = { resolve: (value) => resolve(value as T), reject };
      if (onChunk) entry.onChunk = onChunk;
      pending.set(id, entry);
    });
    opened.post({ ...body, id } as HostRequest);
    return { id, done };
  }

  function engineFor(model: string): WebLLMEngineLike {
    let current: number | undefined;
    return {
      interruptGenerate() {
        if (current !== undefined) void send({ type: 'interrupt', target: current }).catch(() => undefined);
      },
      chat: {
        completions: {
          async create(request) {
            const queue: WebLLMChunk[] = [];
            let finished = false;
            let failure: unknown;
            let wake: (() => void) | undefined;
            const started = await send<unknown>(
              {
                type: 'generate',
                model,
                messages: request.messages,
                ...(request.max_tokens !== undefined ? { maxTokens: request.max_tokens } : {}),
                ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
              },
              (chunk) => {
                queue.push(chunk as WebLLMChunk);
                wake?.();
              },
            );
            current = started.id;
            started.done.then(
              () => {
                finished = true;
                wake?.();
              },
              (error: unknown) => {
                failure = error ?? { name: 'Error', message: 'The engine failed.' };
                finished = true;
                wake?.();
              },
            );
            return (async function* () {
              for (;;) {
                const chunk = queue.shift();
                if (chunk) {
                  yield chunk;
                  continue;
                }
                if (finished) {
                  if (failure !== undefined) throw failure;
                  return;
                }
                await new Promise<void>((resolve) => (wake = resolve));
                wake = undefined;
              }
            })();
          },
        },
      },
    };
  }

  return {
    async request<T>(body: RequestBody) {
      return (await send<T>(body)).done;
    },
    engineFor,
    downloadState() {
      if (!download) return null;
      const { error, ...rest } = download;
      return error ? { ...rest, error: toUserFacingError(describeWebLLMError(error, download.model)) } : rest;
    },
  };
}

/** Builds the providers of the in-browser kinds from the engine client and the Prompt API (if any). */
export function inBrowserProviderFactory(client: LocalEngineClient, languageModel: () => LanguageModelApi | undefined) {
  return (kind: 'webllm' | 'chrome-ai', model: string): LanguageModelProvider => {
    if (kind === 'chrome-ai') return createChromeAIProvider({ api: languageModel() });
    const provider = createWebLLMProvider({
      model,
      engineFor: async () => client.engineFor(model),
      listModels: async (): Promise<ModelInfo[]> => {
        const listed = await client.request<ListResult>({ type: 'list' });
        return listed.models.map((entry) => ({ id: entry.id }));
      },
    });
    return {
      ...provider,
      // "Test connection": can this model run here, and is it downloaded? Loads nothing onto the GPU.
      async probe(signal) {
        try {
          await client.request({ type: 'check', model });
        } catch (error) {
          if (signal.aborted) throw signal.reason;
          throw describeWebLLMError(error, model);
        }
      },
    };
  };
}

let registered: ((kind: 'webllm' | 'chrome-ai', model: string) => LanguageModelProvider) | undefined;

/** Called once by the background's entry, where the browser's engine host can be reached. */
export function registerInBrowserProviders(factory: (kind: 'webllm' | 'chrome-ai', model: string) => LanguageModelProvider): void {
  registered = factory;
}

export function isInBrowserKind(kind: string): kind is 'webllm' | 'chrome-ai' {
  return kind === 'webllm' || kind === 'chrome-ai';
}

/** The provider of an in-browser assistant; a config error where no engine host is wired (unit tests). */
export function inBrowserProvider(kind: 'webllm' | 'chrome-ai', model: string): LanguageModelProvider {
  if (!registered) {
    throw new ProviderError('config', wording('error_inBrowserUnavailableHere'), {
      hint: wording('error_inBrowserUnavailableHereHint'),
    });
  }
  return registered(kind, model);
}
