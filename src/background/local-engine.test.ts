// @vitest-environment node
/**
 * The background's engine client against the real engine host code over an in-memory channel, with a
 * fake web-llm module (its MLCEngine streams chat.completions chunks) and a fake Cache Storage: the whole
 * path of an in-browser answer except the GPU itself.
 */
import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../providers/types';
import { ProviderError } from '../providers/types';
import type { WebLLMChatRequest, WebLLMChunk } from '../providers/webllm';
import { startEngineHost, type WebLLMModule } from '../llm-host/engine-host';
import type { CacheStorageLike } from '../llm-host/downloader';
import type { HostEvent, HostRequest } from '../llm-host/protocol';
import { createLocalEngineClient, inBrowserProviderFactory } from './local-engine';
import type { EgressEntry } from './egress';

const MODEL = 'Tiny-1B-Instruct-q4f32_1-MLC';
const F16_MODEL = 'Tiny-1B-Instruct-q4f16_1-MLC';

/** `stored`: the cache name and URL of each file already downloaded. */
function fakeCaches(stored: Array<[string, string]> = []): CacheStorageLike {
  const entries = new Map<string, Map<string, Response>>();
  return {
    async open(name) {
      const cache = entries.get(name) ?? new Map(stored.filter(([cacheName]) => cacheName === name).map(([, url]) => [url, new Response('{}')] as const));
      entries.set(name, cache);
      return {
        async match(url) {
          return cache.get(url)?.clone();
        },
        async put(url, response) {
          cache.set(url, response);
        },
        async keys() {
          return [...cache.keys()].map((url) => new Request(url));
        },
        async delete(url) {
          return cache.delete(url);
        },
      };
    },
  };
}

function fakeWebLLM(answer: string[], log: { reloads: string[]; requests: WebLLMChatRequest[]; interrupted: number }): WebLLMModule {
  const record = (id: string) => ({ model: `https://huggingface.co/mlc-ai/${id}`, model_id: id, model_lib: `https://raw.githubusercontent.com/x/${id}.wasm`, vram_required_MB: 900 });
  class FakeEngine {
    private stop = false;
    async reload(model: string) {
      log.reloads.push(model);
    }
    async unload() {}
    interruptGenerate() {
      log.interrupted++;
      this.stop = true;
    }
    chat = {
      completions: {
        create: async (request: WebLLMChatRequest) => {
          log.requests.push(request);
          this.stop = false;
          const self = this;
          return (async function* (): AsyncGenerator<WebLLMChunk> {
            for (const piece of answer) {
              await new Promise((resolve) => setTimeout(resolve, 5));
              if (self.stop) {
                yield { choices: [{ delta: { content: '' }, finish_reason: 'abort' }] };
                return;
              }
              yield { choices: [{ delta: { content: piece }, finish_reason: null }] };
            }
            yield { choices: [{ delta: { content: '' }, finish_reason: 'stop' }], usage: { prompt_tokens: 7, completion_tokens: answer.length } };
          })();
        },
      },
    };
  }
  return {
    prebuiltAppConfig: { model_list: [record(MODEL), record(F16_MODEL)] },
    MLCEngine: FakeEngine as unknown as WebLLMModule['MLCEngine'],
    hasModelInCache: async (model) => model === MODEL || model === F16_MODEL,
    deleteModelAllInfoInCache: async () => undefined,
  };
}

/** The real host and the real client, joined by an in-memory channel that copies like postMessage. */
/** Every file of MODEL as the downloader stores it: config, library, weights manifest. */
const MODEL_FILES: Array<[string, string]> = [
  ['webllm/config', `https://huggingface.co/mlc-ai/${MODEL}/resolve/main/mlc-chat-config.json`],
  ['webllm/wasm', `https://raw.githubusercontent.com/x/${MODEL}.wasm`],
  ['webllm/model', `https://huggingface.co/mlc-ai/${MODEL}/resolve/main/tensor-cache.json`],
];

function wire(options: { gpu?: unknown; answer?: string[]; fetch?: typeof fetch; recordEgress?: (entry: EgressEntry) => void; stored?: Array<[string, string]> } = {}) {
  const log = { reloads: [] as string[], requests: [] as WebLLMChatRequest[], interrupted: 0 };
  const toClient = new Set<(message: unknown) => void>();
  let toHost: ((message: unknown) => void) | undefined;
  startEngineHost(
    {
      post: (message: HostEvent) => queueMicrotask(() => toClient.forEach((listener) => listener(structuredClone(message)))),
      onMessage: (listener) => (toHost = listener),
    },
    {
      loadWebLLM: async () => fakeWebLLM(options.answer ?? ['Hel', 'lo', '!'], log),
      navigator: { gpu: options.gpu },
      caches: fakeCaches(options.stored ?? MODEL_FILES),
      fetch: options.fetch ?? (async () => new Response('', { status: 599 })),
    },
  );
  const client = createLocalEngineClient(
    async () => ({
      post: (message: HostRequest) => queueMicrotask(() => toHost?.(structuredClone(message))),
      onMessage: (listener) => toClient.add(listener),
      onClose: () => undefined,
    }),
    options.recordEgress,
  );
  const providers = inBrowserProviderFactory(client, () => undefined);
  return { client, providers, log };
}

const GOOD_GPU = {
  requestAdapter: async () => ({
    features: new Set(['shader-f16']),
    limits: { maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 30 },
    info: { isFallbackAdapter: false },
  }),
};
const NO_ADAPTER = { requestAdapter: async () => null };
const SWIFTSHADER = {
  requestAdapter: async () => ({ features: new Set<string>(), limits: { maxBufferSize: 2 ** 28, maxStorageBufferBindingSize: 2 ** 27 }, info: { isFallbackAdapter: true } }),
};

async function collect(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const parts: StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const MESSAGES = [{ role: 'user' as const, content: 'Hi?' }];

describe('an in-browser answer through the engine host', () => {
  it('loads the model once and streams its answer to the provider', async () => {
    const { providers, log } = wire({ gpu: GOOD_GPU });
    const provider = providers('webllm', MODEL);
    const first = await collect(provider.doStream({ messages: MESSAGES, signal: new AbortController().signal, maxOutputTokens: 50 }));
    expect(first).toEqual([
      { type: 'text-delta', text: 'Hel' },
      { type: 'text-delta', text: 'lo' },
      { type: 'text-delta', text: '!' },
      { type: 'finish', reason: 'stop', usage: { inputTokens: 7, outputTokens: 3 } },
    ]);
    await collect(provider.doStream({ messages: MESSAGES, signal: new AbortController().signal }));
    expect(log.reloads).toEqual([MODEL]);
    expect(log.requests[0]).toMatchObject({ messages: MESSAGES, max_tokens: 50, stream: true });
  });

  it('Stop interrupts the engine’s generation in the host', async () => {
    const { providers, log } = wire({ gpu: GOOD_GPU, answer: ['a', 'b', 'c', 'd', 'e', 'f'] });
    const controller = new AbortController();
    const run = (async () => {
      for await (const part of providers('webllm', MODEL).doStream({ messages: MESSAGES, signal: controller.signal })) {
        if (part.type === 'text-delta') controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => log.interrupted).toBe(1);
  });

  it('without an adapter, the answer fails with the webgpu message and nothing is loaded', async () => {
    const { providers, log } = wire({ gpu: NO_ADAPTER });
    const error = await collect(providers('webllm', MODEL).doStream({ messages: MESSAGES, signal: new AbortController().signal })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'webgpu', details: { code: 'no-adapter' } });
    expect(log.reloads).toEqual([]);
  });

  it('without WebGPU at all (Firefox on Linux today), the message names the alternatives', async () => {
    const { providers } = wire({ gpu: undefined });
    const error = (await providers('webllm', MODEL).probe!(new AbortController().signal).catch((caught: unknown) => caught)) as ProviderError;
    expect(error).toMatchObject({ kind: 'webgpu', message: 'This browser does not offer WebGPU, which in-browser models need.' });
    expect(error.details.hint).toMatch(/Chrome’s built-in model.*Ollama.*remote API/);
  });

  it('on an adapter without shader-f16 (SwiftShader), a q4f16 model fails with the shader-f16 message; q4f32 passes', async () => {
    const { providers, client } = wire({ gpu: SWIFTSHADER });
    const error = await providers('webllm', F16_MODEL).probe!(new AbortController().signal).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'webgpu', details: { code: 'no-shader-f16' } });
    await expect(providers('webllm', MODEL).probe!(new AbortController().signal)).resolves.toBeUndefined();
    const listed = await client.request<{ models: Array<{ id: string; downloaded: boolean; unsupportedReason: string }> }>({ type: 'list' });
    expect(listed.models.find((model) => model.id === MODEL)).toMatchObject({ downloaded: true, unsupportedReason: '' });
    expect(listed.models.find((model) => model.id === F16_MODEL)).toMatchObject({ downloaded: false, unsupportedReason: expect.stringMatching(/shader-f16/) });
  });

  it('weights without their library (an update moved its URL) count as not downloaded: web-llm is never left to fetch it', async () => {
    const { providers, client, log } = wire({ gpu: GOOD_GPU, stored: MODEL_FILES.filter(([name]) => name !== 'webllm/wasm') });
    const error = await collect(providers('webllm', MODEL).doStream({ messages: MESSAGES, signal: new AbortController().signal })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'model' });
    expect(log.reloads).toEqual([]);
    const listed = await client.request<{ models: Array<{ id: string; downloaded: boolean }> }>({ type: 'list' });
    expect(listed.models.find((model) => model.id === MODEL)).toMatchObject({ downloaded: false });
  });

  it('a model that is not downloaded points the user at the options page', async () => {
    const { providers } = wire({ gpu: GOOD_GPU });
    const error = await providers('webllm', 'Missing-1B-q4f32_1-MLC').probe!(new AbortController().signal).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'model' });
  });
});

describe('a model download in the egress log', () => {
  const base = `https://huggingface.co/mlc-ai/${F16_MODEL}/resolve/main/`;
  const library = `https://raw.githubusercontent.com/x/${F16_MODEL}.wasm`;
  /** The model's files; `shardPath` is what the weights manifest names (relative, or a planted absolute URL). */
  function modelFiles(shardPath: string) {
    const bodies = new Map<string, string>([
      [`${base}mlc-chat-config.json`, JSON.stringify({ tokenizer_files: [] })],
      [`${base}tensor-cache.json`, JSON.stringify({ records: [{ dataPath: shardPath, nbytes: 4 }] })],
      [library, 'wasm'],
      [`${base}params_shard_0.bin`, 'abcd'],
    ]);
    const contacted: string[] = [];
    const fetch = (async (url: string) => {
      contacted.push(url);
      const body = bodies.get(url);
      return body === undefined ? new Response('', { status: 404 }) : new Response(body);
    }) as unknown as typeof globalThis.fetch;
    return { fetch, contacted };
  }

  async function downloadUntilSettled(client: ReturnType<typeof wire>['client']): Promise<string> {
    await client.request({ type: 'download', model: F16_MODEL });
    await expect.poll(() => client.downloadState()?.status).not.toBe('downloading');
    return client.downloadState()!.status;
  }

  it('each file the host fetched reaches the background’s log: origin, bytes, no chat, action model-download', async () => {
    const entries: EgressEntry[] = [];
    const files = modelFiles('params_shard_0.bin');
    const { client } = wire({ gpu: GOOD_GPU, fetch: files.fetch, recordEgress: (entry) => entries.push(entry) });
    expect(await downloadUntilSettled(client)).toBe('done');
    await expect.poll(() => entries.length).toBe(4);
    expect(entries.map(({ origin, bytes, chatKey, action, status }) => ({ origin, bytes, chatKey, action, status }))).toEqual([
      { origin: 'https://huggingface.co', bytes: JSON.stringify({ tokenizer_files: [] }).length, chatKey: null, action: 'model-download', status: 200 },
      { origin: 'https://huggingface.co', bytes: expect.any(Number), chatKey: null, action: 'model-download', status: 200 },
      { origin: 'https://raw.githubusercontent.com', bytes: 4, chatKey: null, action: 'model-download', status: 200 },
      { origin: 'https://huggingface.co', bytes: 4, chatKey: null, action: 'model-download', status: 200 },
    ]);
  });

  it('a shard planted on another origin is never fetched; the download fails and the log shows it blocked', async () => {
    const entries: EgressEntry[] = [];
    const files = modelFiles('https://collector.test/params_shard_0.bin');
    const { client } = wire({ gpu: GOOD_GPU, fetch: files.fetch, recordEgress: (entry) => entries.push(entry) });
    expect(await downloadUntilSettled(client)).toBe('failed');
    expect(files.contacted.some((url) => url.startsWith('https://collector.test'))).toBe(false);
    expect(client.downloadState()?.error?.message).toContain('https://collector.test');
    await expect.poll(() => entries.at(-1)).toMatchObject({ origin: 'https://collector.test', bytes: 0, chatKey: null, action: 'model-download-blocked', status: null });
  });
});
