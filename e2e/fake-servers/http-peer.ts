/**
 * What every fake provider server shares, whatever protocol it speaks: a node:http server on a free
 * port, every request recorded (with its body, timings, and whether the client hung up), waiting for
 * a request, a queue of scripted behaviours per route, and closing stalled connections on shutdown.
 * The protocol itself (routes, bodies, stream shapes) lives in each fake's own file.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export interface RecordedRequest<Behaviour = unknown> {
  method: string;
  /** Path and query, e.g. /v1/messages. */
  path: string;
  /** Lower-cased names, as node reports them. */
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or undefined when empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** The behaviour this request was answered with, when it reached a scripted route. */
  behaviour?: Behaviour;
  /** Epoch milliseconds (fractional) when the request was fully received. */
  receivedAt: number;
  /** When the first response byte (status line and headers) was written. */
  firstByteAt?: number;
  /** When the first piece of the answer was written. */
  firstTokenAt?: number;
  /** True when the client closed the connection before the response ended (cancel, timeout). */
  closedByClient: boolean;
}

/** One request being answered. */
export interface PeerExchange<Behaviour> {
  request: IncomingMessage;
  response: ServerResponse;
  record: RecordedRequest<Behaviour>;
  /** The Origin header, if the client sent one. */
  origin: string | undefined;
  /** The path without query or trailing slashes. */
  pathname: string;
  query: URLSearchParams;
  markFirstToken(): void;
  /** Call just before cutting the connection on purpose, so the cut is not taken for the client leaving. */
  markServerCut(): void;
}

export interface HttpPeer<Behaviour> {
  /** e.g. http://127.0.0.1:53123, for host permissions and egress checks. */
  readonly origin: string;
  readonly port: number;
  /** Every request received, preflights included, in order. Live: new requests are appended. */
  readonly requests: RecordedRequest<Behaviour>[];
  /** Resolves with the first recorded request (already received or future) that matches. */
  waitForRequest(predicate?: (request: RecordedRequest<Behaviour>) => boolean, timeoutMs?: number): Promise<RecordedRequest<Behaviour>>;
  forgetRequests(): void;
  /** Closes every connection, stalled streams included, then the server. */
  close(): Promise<void>;
}

export interface PeerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function startHttpPeer<Behaviour>(
  handle: (exchange: PeerExchange<Behaviour>) => Promise<void>,
  options: PeerOptions = {},
): Promise<HttpPeer<Behaviour>> {
  const requests: RecordedRequest<Behaviour>[] = [];
  const waiters = new Set<{ predicate: (request: RecordedRequest<Behaviour>) => boolean; resolve: (request: RecordedRequest<Behaviour>) => void }>();
  let closing = false;

  const server = createServer((request, response) => {
    accept(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(`fake server failure: ${String(error)}`);
      } else {
        response.destroy();
      }
    });
  });

  async function accept(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const record: RecordedRequest<Behaviour> = {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headers: request.headers,
      body: parseJson(rawBody),
      rawBody,
      receivedAt: now(),
      closedByClient: false,
    };
    requests.push(record);
    for (const waiter of waiters) {
      if (waiter.predicate(record)) {
        waiters.delete(waiter);
        waiter.resolve(record);
      }
    }
    let endedByServer = false;
    response.on('close', () => {
      if (!response.writableFinished && !endedByServer && !closing) record.closedByClient = true;
    });
    // Stamp the first byte whichever way the headers leave.
    const writeHead = response.writeHead.bind(response);
    response.writeHead = ((...args: Parameters<typeof response.writeHead>) => {
      record.firstByteAt ??= now();
      return writeHead(...args);
    }) as typeof response.writeHead;

    const url = new URL(record.path, 'http://fake.invalid');
    await handle({
      request,
      response,
      record,
      origin: headerValue(request.headers.origin),
      pathname: url.pathname.replace(/\/+$/, '') || '/',
      query: url.searchParams,
      markFirstToken: () => {
        record.firstTokenAt ??= now();
      },
      markServerCut: () => {
        endedByServer = true;
      },
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    origin: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    requests,
    waitForRequest(predicate = () => true, timeoutMs = 5_000) {
      const existing = requests.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (request: RecordedRequest<Behaviour>) => {
            clearTimeout(timer);
            resolve(request);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching request within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    forgetRequests() {
      requests.length = 0;
    },
    close() {
      closing = true;
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export interface ScriptOptions<Route extends string> {
  /** Which endpoint the behaviour applies to. */
  route?: Route;
  /** How many next requests get it. Default 1. */
  times?: number;
  /** Make it the default for every request once the queue is empty (until `reset`). */
  persistent?: boolean;
}

/** Scripted behaviours, per route: queued ones first, then a persistent one, then none. */
export class BehaviourQueue<Route extends string, Behaviour> {
  private readonly queues = new Map<Route, Behaviour[]>();
  private readonly persistent = new Map<Route, Behaviour>();

  constructor(private readonly defaultRoute: Route) {}

  add(behaviour: Behaviour, options: ScriptOptions<Route> = {}): void {
    const route = options.route ?? this.defaultRoute;
    if (options.persistent) {
      this.persistent.set(route, behaviour);
      return;
    }
    const queue = this.queues.get(route) ?? [];
    for (let count = 0; count < (options.times ?? 1); count++) queue.push(behaviour);
    this.queues.set(route, queue);
  }

  next(route: Route): Behaviour | undefined {
    return this.queues.get(route)?.shift() ?? this.persistent.get(route);
  }

  clear(): void {
    this.queues.clear();
    this.persistent.clear();
  }
}

export interface ScriptableFake<Route extends string, Behaviour> extends HttpPeer<Behaviour> {
  readonly url: string;
  script(behaviour: Behaviour, options?: ScriptOptions<Route>): void;
  /** Forgets scripted behaviours and recorded requests. */
  reset(): void;
}

/**
 * The peer with the `url`, `script` and `reset` every fake offers: scripting fills `behaviours`, and
 * resetting empties it and the request log, then runs `onReset` for the fake's own settings.
 */
export function scriptableFake<Route extends string, Behaviour>(
  peer: HttpPeer<Behaviour>,
  behaviours: BehaviourQueue<Route, Behaviour>,
  url: string,
  onReset: () => void = () => {},
): ScriptableFake<Route, Behaviour> {
  return {
    ...peer,
    url,
    script: (behaviour, scriptOptions) => behaviours.add(behaviour, scriptOptions),
    reset() {
      behaviours.clear();
      peer.forgetRequests();
      onReset();
    },
  };
}

/** CORS headers naming the request's own Origin (none without one), as Gemini and Ollama answer. */
export function echoOriginCors(origin: string | undefined): Record<string, string> {
  return origin !== undefined ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
}

/**
 * Waits out a scripted delay before the first byte. False when the client left meanwhile: there is
 * nobody to answer, and writing would only fail.
 */
export async function waitForFirstByte(response: ServerResponse, delayMs: number | undefined): Promise<boolean> {
  if (delayMs) await delay(delayMs);
  return !response.destroyed;
}

/** A 204 preflight naming each requested header: Fetch never lets `*` cover Authorization. */
export function answerPreflight(request: IncomingMessage, response: ServerResponse, origin: string | undefined): void {
  response.writeHead(204, {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Allow-Methods': 'GET,POST,OPTIONS',
    'Access-Control-Allow-Headers': headerValue(request.headers['access-control-request-headers']) ?? '',
    'Access-Control-Max-Age': '0',
    Vary: 'Origin, Access-Control-Request-Headers',
    'Content-Length': '0',
  });
  response.end();
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  response.writeHead(status, {
    ...(bytes.length > 0 ? { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' } : {}),
    'Content-Length': String(bytes.length),
    ...headers,
  });
  response.end(bytes);
}

/** Headers for a streamed 200, flushed at once so the client sees the first byte immediately. */
export function startStream(response: ServerResponse, contentType: string, headers: Record<string, string> = {}): void {
  response.socket?.setNoDelay(true);
  response.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no', ...headers });
  response.flushHeaders();
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Roughly four characters a token: enough for plausible usage numbers. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function now(): number {
  return performance.timeOrigin + performance.now();
}
