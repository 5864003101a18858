// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { downloadModel, modelBaseUrl, type CacheStorageLike, type DownloadProgress } from './downloader';

const RECORD = {
  model: 'https://huggingface.co/mlc-ai/Tiny-1B-q4f32_1-MLC',
  model_id: 'Tiny-1B-q4f32_1-MLC',
  model_lib: 'https://raw.githubusercontent.com/mlc-ai/libs/Tiny-1B-q4f32_1-webgpu.wasm',
};
const BASE = 'https://huggingface.co/mlc-ai/Tiny-1B-q4f32_1-MLC/resolve/main/';
const SHARD = 1000;

function files(): Map<string, Uint8Array<ArrayBuffer>> {
  const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  return new Map([
    [`${BASE}mlc-chat-config.json`, text({ tokenizer_files: ['tokenizer.json'] })],
    [`${BASE}tensor-cache.json`, text({ records: [{ dataPath: 'params_shard_0.bin', nbytes: SHARD }, { dataPath: 'params_shard_1.bin', nbytes: SHARD }] })],
    [`${BASE}tokenizer.json`, text({ model: {} })],
    [RECORD.model_lib, new Uint8Array(200)],
    [`${BASE}params_shard_0.bin`, new Uint8Array(SHARD)],
    [`${BASE}params_shard_1.bin`, new Uint8Array(SHARD)],
  ]);
}

function fakeServer(served = files(), failures: Record<string, number> = {}) {
  const fetched: string[] = [];
  const fetch = (async (url: string) => {
    fetched.push(url);
    if (failures[url]) return new Response('nope', { status: failures[url] });
    const body = served.get(url);
    if (!body) return new Response('Entry not found', { status: 404 });
    return new Response(body, { headers: { 'Content-Length': String(body.byteLength) } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, fetched };
}

function fakeCaches(options: { quotaAfter?: number } = {}) {
  const stores = new Map<string, Map<string, Response>>();
  const order: string[] = [];
  const caches: CacheStorageLike = {
    async open(name) {
      const store = stores.get(name) ?? new Map<string, Response>();
      stores.set(name, store);
      return {
        match: async (url) => store.get(url)?.clone(),
        async put(url, response) {
          if (options.quotaAfter !== undefined && order.length >= options.quotaAfter) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          order.push(`${name} ${url.slice(url.lastIndexOf('/') + 1)}`);
          store.set(url, response);
        },
        keys: async () => [...store.keys()].map((url) => new Request(url)),
        delete: async (url) => store.delete(url),
      };
    },
  };
  return { caches, order };
}

describe('downloading a model into web-llm’s caches', () => {
  it('follows web-llm’s URL rule for the model’s files', () => {
    expect(modelBaseUrl('https://huggingface.co/mlc-ai/X-MLC')).toBe('https://huggingface.co/mlc-ai/X-MLC/resolve/main/');
    expect(modelBaseUrl('https://example.test/m/resolve/v2/')).toBe('https://example.test/m/resolve/v2/');
  });

  it('stores each file in web-llm’s cache for it, the weights manifest last, reporting bytes up to the exact total', async () => {
    const server = fakeServer();
    const { caches, order } = fakeCaches();
    const progress: DownloadProgress[] = [];
    await downloadModel(RECORD, { fetch: server.fetch, caches, signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
    expect(order).toEqual([
      'webllm/config mlc-chat-config.json',
      'webllm/wasm Tiny-1B-q4f32_1-webgpu.wasm',
      'webllm/model tokenizer.json',
      'webllm/model params_shard_0.bin',
      'webllm/model params_shard_1.bin',
      'webllm/model tensor-cache.json',
    ]);
    const total = [...files().values()].reduce((sum, body) => sum + body.byteLength, 0);
    expect(progress.at(-1)).toEqual({ loadedBytes: total, totalBytes: total });
    // Never more than 100%, never backwards.
    for (const [index, step] of progress.entries()) {
      expect(step.loadedBytes).toBeLessThanOrEqual(step.totalBytes);
      if (index > 0) expect(step.loadedBytes).toBeGreaterThanOrEqual(progress[index - 1]!.loadedBytes);
    }
  });

  it('after a 500, a retry fetches only what is missing', async () => {
    const shard1 = `${BASE}params_shard_1.bin`;
    const failing = fakeServer(files(), { [shard1]: 500 });
    const { caches } = fakeCaches();
    const error = await downloadModel(RECORD, { fetch: failing.fetch, caches, signal: new AbortController().signal, onProgress: () => undefined }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'DownloadHttpError', status: 500, url: shard1 });

    const retry = fakeServer();
    await downloadModel(RECORD, { fetch: retry.fetch, caches, signal: new AbortController().signal, onProgress: () => undefined });
    expect(retry.fetched).toEqual([`${BASE}tensor-cache.json`, shard1]);
  });

  it('a full disk fails with the QuotaExceededError the storage throws, and the model does not count as downloaded', async () => {
    const server = fakeServer();
    const { caches, order } = fakeCaches({ quotaAfter: 3 });
    const error = await downloadModel(RECORD, { fetch: server.fetch, caches, signal: new AbortController().signal, onProgress: () => undefined }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'QuotaExceededError' });
    expect(order.some((entry) => entry.endsWith('tensor-cache.json'))).toBe(false);
  });

  it('cancel rejects with the signal’s reason and fetches nothing more', async () => {
    const server = fakeServer();
    const { caches } = fakeCaches();
    const controller = new AbortController();
    const run = downloadModel(RECORD, {
      fetch: server.fetch,
      caches,
      signal: controller.signal,
      onProgress: ({ loadedBytes }) => {
        if (loadedBytes > 300) controller.abort(new DOMException('cancelled', 'AbortError'));
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const count = server.fetched.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.fetched.length).toBe(count);
    expect(server.fetched.some((url) => url.endsWith('params_shard_1.bin'))).toBe(false);
  });
});
