/**
 * The egress guard of a WebLLM model download. The downloader's URLs are built partly from files the
 * server sends (mlc-chat-config.json's tokenizer_files, tensor-cache.json's dataPath), so without a
 * guard a tampered or hijacked file list could point the engine host at any address. This fetch allows
 * only the origins of the chosen model record itself: its `model` URL (the weights, config, tokenizer)
 * and its `model_lib` URL (the library .wasm). Anything else is refused before the network is touched.
 *
 * Redirects: Hugging Face answers every large file of `huggingface.co/…/resolve/main/` with a 302 to its
 * own CDN hosts (cdn-lfs.hf.co, cas-bridge.xethub.hf.co…), so refusing every redirect would break every
 * real download. A browser fetch cannot show where a redirect points before following it (a "manual"
 * redirect is opaque), so the final address is checked on the response: a redirect off the record's
 * origins, other than to the CDN hosts its origin is known to use, is refused, its body never read nor
 * stored. Credentials and referrer are never sent, so a followed redirect carries nothing but the path.
 *
 * Every request is reported (origin, bytes received, status; blocked or not) through `record`, which the
 * engine host forwards to the background's egress log, so the options page lists model downloads like
 * every other request.
 */
import type { ModelRecordLike } from '../providers/webllm/catalog';
import { modelBaseUrl } from './downloader';
import type { HostEgressEntry } from './protocol';

/** What the egress log shows for model-file requests; "-blocked" for those the guard refused. */
const MODEL_DOWNLOAD_ACTION = 'model-download' as const;
const MODEL_DOWNLOAD_BLOCKED_ACTION = 'model-download-blocked' as const;

/**
 * Hosts an origin hands its files to by redirect. Only Hugging Face does this for web-llm's prebuilt
 * models; its CDN lives on hf.co and huggingface.co subdomains.
 */
const REDIRECT_HOST_SUFFIXES: Record<string, readonly string[]> = {
  'https://huggingface.co': ['.hf.co', '.huggingface.co'],
};

/** A model file request refused by the guard; its message names both the address and what is allowed. */
export class DownloadBlockedError extends Error {
  override readonly name = 'DownloadBlockedError';
  constructor(
    readonly url: string,
    allowed: readonly string[],
  ) {
    super(`Aside blocked a model file request to ${safeOrigin(url)}: this model’s files may come only from ${allowed.join(' and ')}.`);
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid address';
  }
}

/** The origins a record's files may come from: its model URL's and, when fetched over HTTP(S), its library's. */
export function allowedDownloadOrigins(record: ModelRecordLike): string[] {
  const origins = [new URL(modelBaseUrl(record.model)).origin];
  if (/^https?:\/\//i.test(record.model_lib)) {
    const library = new URL(record.model_lib).origin;
    if (!origins.includes(library)) origins.push(library);
  }
  return origins;
}

/** A redirect may land on the record's origins, or on the CDN of the origin that sent it. */
function redirectAllowed(finalOrigin: string, requestOrigin: string, allowed: readonly string[]): boolean {
  if (allowed.includes(finalOrigin)) return true;
  if (!finalOrigin.startsWith('https://')) return false;
  const host = new URL(finalOrigin).hostname;
  return (REDIRECT_HOST_SUFFIXES[requestOrigin] ?? []).some((suffix) => host.endsWith(suffix));
}

export interface DownloadGuardOptions {
  fetch: typeof fetch;
  record(event: HostEgressEntry): void;
  now?: () => number;
}

/** A fetch for downloading `model`'s files: only its own origins, each request reported. */
export function createDownloadFetch(model: ModelRecordLike, options: DownloadGuardOptions): typeof fetch {
  const allowed = allowedDownloadOrigins(model);
  const now = options.now ?? Date.now;
  const blocked = (url: string, origin: string): never => {
    options.record({ time: now(), origin, method: 'GET', bytes: 0, status: null, action: MODEL_DOWNLOAD_BLOCKED_ACTION });
    throw new DownloadBlockedError(url, allowed);
  };

  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return blocked(url, 'invalid address');
    }
    if (!allowed.includes(origin)) return blocked(url, origin);

    const event: HostEgressEntry = { time: now(), origin, method: 'GET', bytes: 0, status: null, action: MODEL_DOWNLOAD_ACTION };
    let response: Response;
    try {
      response = await options.fetch(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'follow' });
    } catch (error) {
      options.record(event);
      throw error;
    }
    if (response.redirected && response.url) {
      const finalOrigin = safeOrigin(response.url);
      if (!redirectAllowed(finalOrigin, origin, allowed)) {
        // The request was answered by the allowed origin with a redirect; the other origin's body is dropped unread.
        options.record(event);
        await response.body?.cancel().catch(() => undefined);
        return blocked(response.url, finalOrigin);
      }
    }
    event.status = response.status;
    // An error answer's body is not read (the downloader stops at the status): record it now.
    if (!response.ok || !response.body) {
      options.record(event);
      return response;
    }
    // Counted as the downloader reads, recorded once the file has arrived (or failed, or was cancelled).
    let recorded = false;
    const finish = () => {
      if (recorded) return;
      recorded = true;
      options.record(event);
    };
    const reader = response.body.getReader();
    const counted = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            finish();
            controller.close();
            return;
          }
          event.bytes += value.byteLength;
          controller.enqueue(value);
        } catch (error) {
          finish();
          controller.error(error);
        }
      },
      async cancel(reason) {
        finish();
        await reader.cancel(reason);
      },
    });
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  }) as typeof fetch;
}
