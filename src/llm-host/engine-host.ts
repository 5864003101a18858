/**
 * The engine host: owns web-llm (imported lazily, so its ~2 MB gzip chunk loads only when a request
 * needs it), the model downloads, and the one loaded model. It runs in Chrome's offscreen document and
 * in Firefox's background page; it speaks to the background only through the channel it is given.
 */
import * as v from 'valibot';
import type { AdapterCapabilities, LocalModelEntry, ModelRecordLike } from '../providers/webllm/catalog';
import { describeModels } from '../providers/webllm/catalog';
import { engineErrorData } from '../providers/webllm/errors';
import type { WebLLMChatRequest, WebLLMEngineLike } from '../providers/webllm/engine';
import { downloadModel, modelBaseUrl, type CacheStorageLike } from './downloader';
import { createDownloadFetch } from './download-guard';
import { adapterCapabilities, assertCanRun } from './gpu-check';
import { withPackagedLibraries, type PackagedLibraries } from './packaged-libraries';
import { HostRequestSchema, type HostChannel, type HostDownloadState, type HostEvent, type HostRequest } from './protocol';

/** What the host needs of web-llm: the prebuilt list, an engine, and the cache helpers. */
export interface WebLLMModule {
  prebuiltAppConfig: { model_list: ModelRecordLike[] };
  MLCEngine: new (config?: { appConfig?: unknown }) => WebLLMEngineLike & { reload(model: string): Promise<void>; unload(): Promise<void> };
  hasModelInCache(model: string, appConfig?: unknown): Promise<boolean>;
  deleteModelAllInfoInCache(model: string, appConfig?: unknown): Promise<void>;
}

export interface HostEnvironment {
  loadWebLLM(): Promise<WebLLMModule>;
  /** Model libraries shipped in the package (store builds); null for none. */
  packagedLibraries?(): Promise<PackagedLibraries | null>;
  /** The URL of a packaged library file. */
  packagedUrl?(file: string): string;
  navigator: { gpu?: unknown };
  caches: CacheStorageLike;
  fetch: typeof fetch;
}

export interface ListResult {
  capabilities: AdapterCapabilities;
  models: Array<LocalModelEntry & { downloaded: boolean }>;
}

const configUrlOf = (record: ModelRecordLike) => new URL('mlc-chat-config.json', modelBaseUrl(record.model)).href;
/** The weights manifest, stored last: a model whose manifest is in has every shard. */
const manifestUrlOf = (record: ModelRecordLike) => new URL('tensor-cache.json', modelBaseUrl(record.model)).href;
/** A library in the package (store builds) is read from the extension, never fetched or cached. */
const fetchedLibrary = (record: ModelRecordLike) => /^https?:\/\//i.test(record.model_lib);

export function startEngineHost(channel: HostChannel<HostEvent, unknown>, environment: HostEnvironment): void {
  let webllm: Promise<WebLLMModule> | undefined;
  const module = () => (webllm ??= environment.loadWebLLM());
  /** web-llm's app config with packaged libraries applied: every web-llm call gets this one. */
  let appConfig: Promise<WebLLMModule['prebuiltAppConfig']> | undefined;
  const config = () =>
    (appConfig ??= Promise.all([module(), environment.packagedLibraries?.() ?? null]).then(([loaded, packaged]) => ({
      ...loaded.prebuiltAppConfig,
      model_list: withPackagedLibraries(loaded.prebuiltAppConfig.model_list, packaged, environment.packagedUrl ?? ((file) => file)),
    })));
  let capabilities: Promise<AdapterCapabilities> | undefined;
  const gpu = () => (capabilities ??= adapterCapabilities(environment.navigator));

  let engine: (WebLLMEngineLike & { reload(model: string): Promise<void> }) | undefined;
  let loadedModel: string | undefined;
  let loading: Promise<void> = Promise.resolve();
  let download: { state: HostDownloadState; controller: AbortController } | undefined;
  const generations = new Map<number, WebLLMEngineLike>();

  const reply = (id: number, value: unknown) => channel.post({ type: 'reply', id, ok: true, value });
  const fail = (id: number, error: unknown) => channel.post({ type: 'reply', id, ok: false, error: engineErrorData(error) });
  const progress = () => {
    if (download) channel.post({ type: 'progress', state: { ...download.state } });
  };

  async function recordOf(model: string): Promise<ModelRecordLike> {
    const record = (await config()).model_list.find((candidate) => candidate.model_id === model);
    if (!record) throw Object.assign(new Error(`Cannot find model record in appConfig for ${model}`), { name: 'ModelNotFoundError' });
    return record;
  }

  /**
   * The models whose files are all stored: the weights, and the files web-llm's own loader would otherwise
   * fetch itself (past the download guard and the egress log): the config, and a library fetched over HTTP.
   * A library missing after an update moved its URL makes the model count as not downloaded, so Download
   * fetches it, through the guard.
   */
  async function downloadedIds(records: readonly ModelRecordLike[]): Promise<Set<string>> {
    // One read of each cache's keys instead of one hasModelInCache per model (there are ~150).
    const keysOf = async (name: 'webllm/model' | 'webllm/config' | 'webllm/wasm') => new Set((await (await environment.caches.open(name)).keys()).map((request) => request.url));
    const [weights, configs, libraries] = await Promise.all([keysOf('webllm/model'), keysOf('webllm/config'), keysOf('webllm/wasm')]);
    return new Set(
      records
        .filter((record) => weights.has(manifestUrlOf(record)) && configs.has(configUrlOf(record)))
        .filter((record) => !fetchedLibrary(record) || libraries.has(record.model_lib))
        .map((record) => record.model_id),
    );
  }


  async function list(): Promise<ListResult> {
    const records = (await config()).model_list;
    const [caps, downloaded] = await Promise.all([gpu(), downloadedIds(records)]);
    return { capabilities: caps, models: describeModels(records, caps).map((entry) => ({ ...entry, downloaded: downloaded.has(entry.id) })) };
  }

  function startDownload(model: string, record: ModelRecordLike): HostDownloadState {
    if (download?.state.status === 'downloading') {
      if (download.state.model === model) return download.state;
      download.controller.abort(new DOMException('Another model was chosen.', 'AbortError'));
    }
    const controller = new AbortController();
    const now = Date.now();
    const current = { state: { model, status: 'downloading' as const, loadedBytes: 0, totalBytes: 0, startedAt: now, updatedAt: now } as HostDownloadState, controller };
    download = current;
    progress();
    void downloadModel(record, {
      // Only the record's own origins; every request goes to the background's egress log.
      fetch: createDownloadFetch(record, { fetch: environment.fetch, record: (entry) => channel.post({ type: 'egress', entry }) }),
      caches: environment.caches,
      signal: controller.signal,
      onProgress: ({ loadedBytes, totalBytes }) => {
        current.state = { ...current.state, loadedBytes, totalBytes, updatedAt: Date.now() };
        if (download === current) progress();
      },
    }).then(
      () => {
        current.state = { ...current.state, status: 'done', updatedAt: Date.now() };
        if (download === current) progress();
      },
      (error: unknown) => {
        const cancelled = controller.signal.aborted;
        current.state = { ...current.state, status: cancelled ? 'cancelled' : 'failed', updatedAt: Date.now() };
        if (!cancelled) current.state.error = engineErrorData(error);
        if (download === current) progress();
      },
    );
    return current.state;
  }

  async function check(model: string): Promise<void> {
    const record = await recordOf(model);
    assertCanRun(record, await gpu());
    const webllmModule = await module();
    if (!(await webllmModule.hasModelInCache(model, await config())) || !(await downloadedIds([record])).has(model)) {
      throw Object.assign(new Error(`${model} is not downloaded.`), { name: 'ModelNotDownloadedError' });
    }
  }

  /** Loads `model` onto the GPU, one load at a time; a model already loaded is reused. */
  function load(model: string): Promise<WebLLMEngineLike> {
    const next = loading.then(async () => {
      if (engine && loadedModel === model) return engine;
      await check(model);
      const webllmModule = await module();
      engine ??= new webllmModule.MLCEngine({ appConfig: await config() });
      loadedModel = undefined;
      await engine.reload(model);
      loadedModel = model;
      return engine;
    });
    loading = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  async function generate(request: Extract<HostRequest, { type: 'generate' }>): Promise<void> {
    const loaded = await load(request.model);
    generations.set(request.id, loaded);
    try {
      const chatRequest: WebLLMChatRequest = { messages: request.messages, stream: true, stream_options: { include_usage: true } };
      if (request.maxTokens !== undefined) chatRequest.max_tokens = request.maxTokens;
      if (request.temperature !== undefined) chatRequest.temperature = request.temperature;
      for await (const chunk of await loaded.chat.completions.create(chatRequest)) {
        channel.post({ type: 'chunk', id: request.id, chunk });
      }
    } catch (error) {
      // web-llm unloads the model when the GPU device is lost: the next request must load it again.
      if (/DeviceLost|ModelNotLoaded|EngineNotLoaded/.test(engineErrorData(error).name)) loadedModel = undefined;
      throw error;
    } finally {
      generations.delete(request.id);
    }
  }

  async function handle(request: HostRequest): Promise<unknown> {
    switch (request.type) {
      case 'list':
        return list();
      case 'status':
        // Asked by a background that just (re)started: the progress event refills its view.
        progress();
        return download?.state ?? null;
      case 'download':
        return startDownload(request.model, await recordOf(request.model));
      case 'cancel-download':
        if (download?.state.model === request.model && download.state.status === 'downloading') {
          download.controller.abort(new DOMException('The user cancelled the download.', 'AbortError'));
        }
        return { cancelled: true };
      case 'delete': {
        if (download?.state.model === request.model && download.state.status === 'downloading') download.controller.abort();
        if (loadedModel === request.model && engine) {
          loadedModel = undefined;
          await (engine as unknown as { unload(): Promise<void> }).unload();
        }
        const record = await recordOf(request.model);
        await (await module()).deleteModelAllInfoInCache(request.model, await config());
        // web-llm leaves the weights manifest behind; without it the model no longer counts as downloaded.
        await (await environment.caches.open('webllm/model')).delete(manifestUrlOf(record));
        if (download?.state.model === request.model) download = undefined;
        return { deleted: true };
      }
      case 'check':
        await check(request.model);
        return { ok: true };
      case 'generate':
        await generate(request);
        return { done: true };
      case 'interrupt':
        generations.get(request.target)?.interruptGenerate();
        return { interrupted: true };
    }
  }

  channel.onMessage((raw) => {
    const parsed = v.safeParse(HostRequestSchema, raw);
    if (!parsed.success) return;
    const request = parsed.output;
    handle(request).then(
      (value) => reply(request.id, value),
      (error: unknown) => fail(request.id, error),
    );
  });
}
