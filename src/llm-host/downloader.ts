/**
 * Downloads a WebLLM model's files into the Cache Storage entries web-llm itself reads ("webllm/config",
 * "webllm/wasm", "webllm/model", keyed by URL), so loading the model later reads only from disk.
 *
 * Why not let web-llm download while it loads: its reload() fetches the weights only after it has
 * instantiated the model library and claimed a GPU, reports progress as a fraction with no bytes, and
 * cannot resume. Here the download is its own step, before any GPU work: real bytes, percent and time
 * left, cancel, and a retry that keeps every file already stored. The weights manifest is stored last,
 * so a model counts as downloaded (web-llm's hasModelInCache) only when every shard is in.
 */
import type { ModelRecordLike } from '../providers/webllm/catalog';

export type CacheName = 'webllm/config' | 'webllm/wasm' | 'webllm/model';

/** The part of the Cache Storage API used here (window.caches). */
export interface CacheStorageLike {
  open(name: string): Promise<{
    match(request: string): Promise<Response | undefined>;
    put(request: string, response: Response): Promise<void>;
    keys(): Promise<readonly Request[]>;
    delete(request: string): Promise<boolean>;
  }>;
}

export interface DownloadProgress {
  loadedBytes: number;
  totalBytes: number;
}

export interface DownloadOptions {
  fetch: typeof fetch;
  caches: CacheStorageLike;
  signal: AbortSignal;
  onProgress(progress: DownloadProgress): void;
}

/** A model file answered with an HTTP error; mapped to a message by providers/webllm/errors.ts. */
export class DownloadHttpError extends Error {
  override readonly name = 'DownloadHttpError';
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`HTTP ${status} for ${url}`);
  }
}

/** web-llm's own rule: https://huggingface.co/USER/MODEL -> …/USER/MODEL/resolve/main/ */
export function modelBaseUrl(modelUrl: string): string {
  let url = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}

interface TensorManifest {
  records: Array<{ dataPath: string; nbytes: number }>;
}

function readManifest(bytes: ArrayBuffer, url: string): TensorManifest {
  const json = JSON.parse(new TextDecoder().decode(bytes)) as Partial<TensorManifest>;
  if (!Array.isArray(json.records)) throw new Error(`The weights manifest ${url} lists no shards.`);
  return {
    records: json.records.filter((record) => typeof record?.dataPath === 'string').map((record) => ({ dataPath: record.dataPath, nbytes: Number(record.nbytes) || 0 })),
  };
}

/** Downloads every file of `record` not yet stored; resolves when the model is complete on disk. */
export async function downloadModel(record: ModelRecordLike, options: DownloadOptions): Promise<void> {
  const { signal } = options;
  const base = modelBaseUrl(record.model);
  let loadedBytes = 0;
  let totalBytes = 0;
  let lastReport = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < 100) return;
    lastReport = now;
    options.onProgress({ loadedBytes, totalBytes: Math.max(totalBytes, loadedBytes) });
  };

  const stored = async (cacheName: CacheName, url: string) => (await options.caches.open(cacheName)).match(url);

  /** Fetches one file, counting its bytes as they arrive. `expected`: bytes already in totalBytes. */
  const fetchBytes = async (url: string, expected: number): Promise<ArrayBuffer> => {
    const response = await options.fetch(url, { signal, credentials: 'omit', cache: 'no-store' }).catch((error: unknown) => {
      if (signal.aborted) throw signal.reason;
      throw Object.assign(error instanceof Error ? error : new TypeError(String(error)), { url });
    });
    if (!response.ok) throw new DownloadHttpError(response.status, url);
    const length = Number(response.headers.get('content-length'));
    if (expected === 0 && Number.isFinite(length) && length > 0) {
      totalBytes += length;
      expected = length;
    }
    if (!response.body) {
      const whole = await response.arrayBuffer();
      loadedBytes += whole.byteLength;
      report();
      return whole;
    }
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let received = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        received += value.byteLength;
        loadedBytes += value.byteLength;
        // A server that sends more than announced grows the total rather than passing 100%.
        if (received > expected) {
          totalBytes += received - expected;
          expected = received;
        }
        report();
      }
    } catch (error) {
      loadedBytes -= received;
      if (signal.aborted) throw signal.reason;
      throw Object.assign(error instanceof Error ? error : new TypeError(String(error)), { url });
    }
    const bytes = new Uint8Array(received);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.byteLength;
    }
    return bytes.buffer;
  };

  const store = async (cacheName: CacheName, url: string, bytes: ArrayBuffer, type: string) => {
    const cache = await options.caches.open(cacheName);
    // QuotaExceededError surfaces here, as the DOMException the storage layer throws.
    await cache.put(url, new Response(bytes, { headers: { 'Content-Type': type, 'Content-Length': String(bytes.byteLength) } }));
  };

  /** Small files first (their sizes become known as they come), then the shards. */
  const fetchAndStore = async (cacheName: CacheName, url: string, type: string, expected = 0): Promise<ArrayBuffer> => {
    const existing = await stored(cacheName, url);
    if (existing) {
      const bytes = await existing.arrayBuffer();
      totalBytes += expected === 0 ? bytes.byteLength : 0;
      loadedBytes += bytes.byteLength;
      return bytes;
    }
    const bytes = await fetchBytes(url, expected);
    if (signal.aborted) throw signal.reason;
    await store(cacheName, url, bytes, type);
    // Every finished file is reported, so a pause before the next one shows where things stand.
    report(true);
    return bytes;
  };

  report(true);
  const configUrl = new URL('mlc-chat-config.json', base).href;
  const configBytes = await fetchAndStore('webllm/config', configUrl, 'application/json');
  const config = JSON.parse(new TextDecoder().decode(configBytes)) as { tokenizer_files?: unknown };
  const tokenizerFiles = Array.isArray(config.tokenizer_files) ? config.tokenizer_files.filter((file): file is string => typeof file === 'string') : [];

  // The manifest is read now but stored last: its presence means "complete" to web-llm.
  const manifestUrl = new URL('tensor-cache.json', base).href;
  const storedManifest = await stored('webllm/model', manifestUrl);
  const manifestBytes = storedManifest ? await storedManifest.arrayBuffer() : await fetchBytes(manifestUrl, 0);
  if (storedManifest) {
    totalBytes += manifestBytes.byteLength;
    loadedBytes += manifestBytes.byteLength;
  }
  const manifest = readManifest(manifestBytes, manifestUrl);
  for (const shard of manifest.records) totalBytes += shard.nbytes;
  report(true);

  // A library in the package (store builds) is read from there by web-llm, never cached or fetched.
  if (/^https?:\/\//i.test(record.model_lib)) await fetchAndStore('webllm/wasm', record.model_lib, 'application/wasm');
  const tokenizer = tokenizerFiles.includes('tokenizer.json') ? 'tokenizer.json' : tokenizerFiles.includes('tokenizer.model') ? 'tokenizer.model' : null;
  if (tokenizer) await fetchAndStore('webllm/model', new URL(tokenizer, base).href, 'application/octet-stream');

  for (const shard of manifest.records) {
    if (signal.aborted) throw signal.reason;
    await fetchAndStore('webllm/model', new URL(shard.dataPath, base).href, 'application/octet-stream', shard.nbytes);
    report();
  }
  if (!storedManifest) await store('webllm/model', manifestUrl, manifestBytes, 'application/json');
  report(true);
}
