/**
 * Every request the browser context makes, from every page (the messenger, the sidebar, any extension page)
 * and from service workers (the extension's background: Playwright reports service-worker fetches through
 * the same `request` event, attributed with request.serviceWorker(); `probeServiceWorkerVisibility` proves it
 * on each run), plus WebSocket opens. Recorded with who made them, for the NET and CANARY oracles.
 */
import type { BrowserContext, Page, Request, Worker } from '@playwright/test';

export interface ObservedRequest {
  seq: number;
  at: number;
  url: string;
  method: string;
  resourceType: string;
  /** `sw <url>` for a service worker, `page <url>` for a page or frame, `websocket` for a WebSocket open. */
  from: string;
  /** The first part of a POST body, to search for secrets leaving to the wrong place. */
  postData?: string;
  /** Set when the response ended (`finished`) or the request failed (`failed: <reason>`). */
  outcome?: string;
}

export interface NetMonitor {
  readonly requests: ObservedRequest[];
  /** A position in the stream; `since(mark)` gives what came after it. */
  mark(): number;
  since(mark: number): ObservedRequest[];
  dispose(): void;
}

export function startNetMonitor(context: BrowserContext): NetMonitor {
  const requests: ObservedRequest[] = [];
  const byRequest = new WeakMap<Request, ObservedRequest>();
  let seq = 0;
  const onRequest = (request: Request) => {
    let from = 'unknown';
    const worker = request.serviceWorker();
    if (worker) from = `sw ${worker.url()}`;
    else {
      try {
        from = `page ${request.frame().url() || '(navigating)'}`;
      } catch {
        from = 'page (navigation)';
      }
    }
    let postData: string | undefined;
    try {
      postData = request.postData()?.slice(0, 4096) ?? undefined;
    } catch {
      postData = undefined;
    }
    const observed: ObservedRequest = {
      seq: ++seq,
      at: Date.now(),
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      from,
      ...(postData !== undefined ? { postData } : {}),
    };
    byRequest.set(request, observed);
    requests.push(observed);
  };
  const onFinished = (request: Request) => {
    const observed = byRequest.get(request);
    if (observed) observed.outcome = 'finished';
  };
  const onFailed = (request: Request) => {
    const observed = byRequest.get(request);
    if (observed) observed.outcome = `failed: ${request.failure()?.errorText ?? 'unknown'}`;
  };
  const watchPage = (page: Page) => {
    page.on('websocket', (socket) => {
      requests.push({ seq: ++seq, at: Date.now(), url: socket.url(), method: 'GET', resourceType: 'websocket', from: `page ${page.url()}` });
    });
  };
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  context.on('page', watchPage);
  context.pages().forEach(watchPage);
  return {
    requests,
    mark: () => seq,
    since: (mark) => requests.filter((request) => request.seq > mark),
    dispose() {
      context.off('request', onRequest);
      context.off('requestfinished', onFinished);
      context.off('requestfailed', onFailed);
      context.off('page', watchPage);
    },
  };
}

/**
 * Makes the extension's service worker fetch `url` and checks the monitor saw it, attributed to the worker.
 * Throws when it did not: the NET oracle would then be blind to the background, the likeliest leaker.
 */
export async function probeServiceWorkerVisibility(monitor: NetMonitor, worker: Worker, url: string): Promise<void> {
  const mark = monitor.mark();
  await worker.evaluate(async (target) => {
    await fetch(target, { cache: 'no-store' }).catch(() => undefined);
  }, url);
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline) {
    if (monitor.since(mark).some((request) => request.url === url && request.from.startsWith('sw '))) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(
    `The network monitor did not see the extension service worker's fetch of ${url}: service-worker requests ` +
      'are not reported to BrowserContext "request" events in this Playwright/Chromium (PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK set?). ' +
      'NET cannot be evaluated.',
  );
}
