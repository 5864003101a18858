// @vitest-environment node
/**
 * The model download's egress guard, driving the real downloader: files on the record's own origins come
 * in and are logged with their bytes; a file list or a redirect pointing anywhere else is refused before
 * its body is read, logged as blocked, and the model never counts as downloaded.
 */
import { describe, expect, it } from 'vitest';
import { downloadModel, type CacheStorageLike } from './downloader';
import { allowedDownloadOrigins, createDownloadFetch } from './download-guard';
import type { HostEgressEntry } from './protocol';

const RECORD = {
  model: 'https://huggingface.co/mlc-ai/Tiny-1B-q4f32_1-MLC',
  model_id: 'Tiny-1B-q4f32_1-MLC',
  model_lib: 'https://raw.githubusercontent.com/mlc-ai/libs/Tiny-1B-q4f32_1-webgpu.wasm',
};
const BASE = 'https://huggingface.co/mlc-ai/Tiny-1B-q4f32_1-MLC/resolve/main/';
const HF = 'https://huggingface.co';
const GITHUB = 'https://raw.githubusercontent.com';

const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function files(shardPaths = ['params_shard_0.bin', 'params_shard_1.bin']): Map<string, Uint8Array<ArrayBuffer>> {
  return new Map([
    [`${BASE}mlc-chat-config.json`, text({ tokenizer_files: ['tokenizer.json'] })],
    [`${BASE}tensor-cache.json`, text({ records: shardPaths.map((dataPath) => ({ dataPath, nbytes: 1000 })) })],
    [`${BASE}tokenizer.json`, text({ model: {} })],
    [RECORD.model_lib, new Uint8Array(200)],
    [`${BASE}params_shard_0.bin`, new Uint8Array(1000)],
    [`${BASE}params_shard_1.bin`, new Uint8Array(1000)],
    ['https://attacker.test/params_shard_1.bin', new Uint8Array(1000)],
  ]);
}

/** A network: every URL it is asked for, and optional redirects (from -> to) it follows like a browser. */
function network(served = files(), redirects: Record<string, string> = {}) {
  const contacted: string[] = [];
  const bodiesRead: string[] = [];
  const fetch = (async (url: string) => {
    contacted.push(url);
    const target = redirects[url];
    if (target) contacted.push(target);
    const finalUrl = target ?? url;
    const body = served.get(finalUrl) ?? text('Entry not found');
    // highWaterMark 0: nothing is pulled from the "network" until the reader asks.
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          bodiesRead.push(finalUrl);
          controller.enqueue(body);
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = new Response(stream, { status: served.has(finalUrl) ? 200 : 404, headers: { 'Content-Length': String(body.byteLength) } });
    // What a browser's fetch reports after following a redirect.
    Object.defineProperties(response, { redirected: { value: Boolean(target) }, url: { value: finalUrl } });
    return response;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, contacted, bodiesRead };
}

function memoryCaches() {
  const stored = new Set<string>();
  const caches: CacheStorageLike = {
    async open(name) {
      const store = new Map<string, Response>();
      return {
        match: async (url) => store.get(url)?.clone(),
        async put(url, response) {
          store.set(url, response);
          stored.add(`${name} ${url}`);
        },
        keys: async () => [...store.keys()].map((url) => new Request(url)),
        delete: async (url) => store.delete(url),
      };
    },
  };
  return { caches, stored };
}

function download(net: ReturnType<typeof network>) {
  const log: HostEgressEntry[] = [];
  const { caches, stored } = memoryCaches();
  const run = downloadModel(RECORD, {
    fetch: createDownloadFetch(RECORD, { fetch: net.fetch, record: (event) => log.push(event), now: () => 42 }),
    caches,
    signal: new AbortController().signal,
    onProgress: () => undefined,
  });
  return { run, log, stored };
}

describe('the model download’s egress guard', () => {
  it('allows exactly the origins of the record’s model and library URLs', () => {
    expect(allowedDownloadOrigins(RECORD)).toEqual([HF, GITHUB]);
    // A library shipped in the package is read from the extension, never fetched: it adds no origin.
    expect(allowedDownloadOrigins({ ...RECORD, model_lib: 'chrome-extension://abc/model-libs/x.wasm' })).toEqual([HF]);
  });

  it('a model whose files are on its own origins downloads, and every request is logged with the bytes received', async () => {
    const net = network();
    const { run, log, stored } = download(net);
    await run;
    expect(stored.has(`webllm/model ${BASE}tensor-cache.json`)).toBe(true);
    expect(log).toEqual([
      { time: 42, origin: HF, method: 'GET', bytes: text({ tokenizer_files: ['tokenizer.json'] }).byteLength, status: 200, action: 'model-download' },
      { time: 42, origin: HF, method: 'GET', bytes: expect.any(Number), status: 200, action: 'model-download' },
      { time: 42, origin: GITHUB, method: 'GET', bytes: 200, status: 200, action: 'model-download' },
      { time: 42, origin: HF, method: 'GET', bytes: expect.any(Number), status: 200, action: 'model-download' },
      { time: 42, origin: HF, method: 'GET', bytes: 1000, status: 200, action: 'model-download' },
      { time: 42, origin: HF, method: 'GET', bytes: 1000, status: 200, action: 'model-download' },
    ]);
  });

  it('an HTTP error is logged with its status, and nothing after it is fetched', async () => {
    const served = files();
    served.delete(`${BASE}mlc-chat-config.json`);
    const net = network(served);
    const { run, log } = download(net);
    await expect(run).rejects.toMatchObject({ name: 'DownloadHttpError', status: 404 });
    expect(log).toEqual([{ time: 42, origin: HF, method: 'GET', bytes: 0, status: 404, action: 'model-download' }]);
    expect(net.contacted).toHaveLength(1);
  });

  it('a weights manifest naming a shard on another origin is refused before it is contacted, logged as blocked', async () => {
    const net = network(files(['params_shard_0.bin', 'https://attacker.test/params_shard_1.bin']));
    const { run, log, stored } = download(net);
    await expect(run).rejects.toMatchObject({
      name: 'DownloadBlockedError',
      message: expect.stringContaining('https://attacker.test'),
    });
    expect(net.contacted.some((url) => url.startsWith('https://attacker.test'))).toBe(false);
    expect(log.at(-1)).toEqual({ time: 42, origin: 'https://attacker.test', method: 'GET', bytes: 0, status: null, action: 'model-download-blocked' });
    // Incomplete: the manifest, written last, is not stored, so the model does not count as downloaded.
    expect(stored.has(`webllm/model ${BASE}tensor-cache.json`)).toBe(false);
  });

  it('a redirect to another origin is refused: its body is never read or stored, and it is logged as blocked', async () => {
    const shard = `${BASE}params_shard_1.bin`;
    const net = network(files(), { [shard]: 'https://attacker.test/params_shard_1.bin' });
    const { run, log, stored } = download(net);
    await expect(run).rejects.toMatchObject({ name: 'DownloadBlockedError' });
    expect(net.bodiesRead).not.toContain('https://attacker.test/params_shard_1.bin');
    expect([...stored].some((entry) => entry.includes('params_shard_1.bin'))).toBe(false);
    expect(log.at(-1)).toMatchObject({ origin: 'https://attacker.test', bytes: 0, status: null, action: 'model-download-blocked' });
  });

  it('Hugging Face’s redirect of a large file to its own CDN (hf.co) is followed, and logged under the model’s origin', async () => {
    const shard = `${BASE}params_shard_1.bin`;
    const cdn = 'https://cas-bridge.xethub.hf.co/xet-bridge-us/abc/params_shard_1.bin';
    const served = files();
    served.set(cdn, new Uint8Array(1000));
    const net = network(served, { [shard]: cdn });
    const { run, log } = download(net);
    await run;
    expect(log.every((event) => event.action === 'model-download')).toBe(true);
    expect(log.at(-1)).toMatchObject({ origin: HF, bytes: 1000, status: 200 });
  });

  it('the CDN exception belongs to huggingface.co’s own redirects: the library’s host cannot send the download there', async () => {
    const net = network(files(), { [RECORD.model_lib]: 'https://cdn-lfs.hf.co/lib.wasm' });
    const { run, log } = download(net);
    await expect(run).rejects.toMatchObject({ name: 'DownloadBlockedError' });
    expect(log.at(-1)).toMatchObject({ origin: 'https://cdn-lfs.hf.co', action: 'model-download-blocked' });
  });
});
