/**
 * A fake OpenAI-compatible server on real HTTP: a protocol peer for the extension's provider, speaking
 * the chat-completions wire format (research notes §0, §1, §4, and Ollama's origin rule from §5). It
 * knows nothing about Aside, so anything the extension does against it, it would do against a real
 * server. Reused by unit tests, the real-browser suite, and red-team tests that script the model's text.
 *
 *   const server = await startFakeOpenAI();
 *   server.script({ httpError: 429, headers: { 'retry-after-ms': '20' } });   // next request only
 *   server.script({ text: '**Hi** <img src=x>' }, { persistent: true });     // every later request
 *   ... point the provider at server.url ...
 *   await server.close();
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { writeChatStream } from './chat-stream';
import {
  isPolicyBehaviour,
  type Behaviour,
  type RequestBehaviour,
  type ScriptOptions,
  type ServerPolicy,
  type StreamBehaviour,
} from './openai-compatible-behaviours';
import {
  contextTooLongResponse,
  defaultErrorResponse,
  insufficientQuotaResponse,
  invalidApiKeyResponse,
  type ErrorResponse,
} from './openai-error-bodies';
import { isOriginAllowedByOllama } from './origin-check';

export type {
  Behaviour,
  ContextTooLongBehaviour,
  HttpErrorBehaviour,
  PolicyBehaviour,
  QuotaBehaviour,
  RequestBehaviour,
  ScriptOptions,
  ServerPolicy,
  StreamBehaviour,
} from './openai-compatible-behaviours';

export interface FakeOpenAIOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  apiKey?: string;
  models?: string[];
  ollamaOriginCheck?: string[];
  /** Behaviour of chat requests when nothing is scripted. Default: stream "Hello from the fake model." */
  defaultBehaviour?: RequestBehaviour;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. /v1/chat/completions. */
  path: string;
  /** Lower-cased names, as node reports them. */
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or undefined when empty or not JSON. */
  body: unknown;
  rawBody: string;
  /** The behaviour this request was answered with, when it reached a scripted route. */
  behaviour?: RequestBehaviour;
  /** Epoch milliseconds (fractional) when the request was fully received. */
  receivedAt: number;
  /** When the first response byte (status line and headers) was written. */
  firstByteAt?: number;
  /** When the first content delta was written. */
  firstTokenAt?: number;
  /** True when the client closed the connection before the response ended (cancel, timeout). */
  closedByClient: boolean;
}

export interface FakeOpenAIServer {
  /** Base URL including /v1, e.g. http://127.0.0.1:53123/v1. */
  readonly url: string;
  /** e.g. http://127.0.0.1:53123, for host permissions and egress checks. */
  readonly origin: string;
  readonly port: number;
  /** Every request received, preflights included, in order. Live: new requests are appended. */
  readonly requests: RecordedRequest[];
  /** Queues a behaviour for the next request(s), or sets a server policy (see PolicyBehaviour). */
  script(behaviour: Behaviour, options?: ScriptOptions): void;
  /** Changes server-wide settings. */
  configure(policy: Partial<ServerPolicy>): void;
  /** Forgets scripted behaviours and recorded requests; restores the policy given at start. */
  reset(): void;
  /** Resolves with the first recorded request (already received or future) that matches. */
  waitForRequest(predicate?: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Closes every connection, stalled streams included, then the server. */
  close(): Promise<void>;
}

type Route = NonNullable<ScriptOptions['route']>;

const DEFAULT_MODELS = ['fake-model', 'fake-model-large'];
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAIServer> {
  const initialPolicy: ServerPolicy = {
    apiKey: options.apiKey ?? null,
    models: options.models ?? DEFAULT_MODELS,
    ollamaOriginCheck: options.ollamaOriginCheck ?? null,
    rejectOrigin: false,
  };
  let policy: ServerPolicy = { ...initialPolicy };
  const queues: Record<Route, RequestBehaviour[]> = { chat: [], models: [] };
  const persistent: Partial<Record<Route, RequestBehaviour>> = {};
  const requests: RecordedRequest[] = [];
  const waiters = new Set<{ predicate: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }>();
  let requestCounter = 0;
  let closing = false;

  const nextBehaviour = (route: Route): RequestBehaviour | undefined =>
    queues[route].shift() ?? persistent[route] ?? (route === 'chat' ? options.defaultBehaviour ?? {} : undefined);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(`fake server failure: ${String(error)}`);
      } else {
        response.destroy();
      }
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const record: RecordedRequest = {
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

    const origin = headerValue(request.headers.origin);
    if (policy.ollamaOriginCheck && origin !== undefined && !isOriginAllowedByOllama(origin, policy.ollamaOriginCheck)) {
      // Ollama's CORS middleware: 403, Content-Length 0, before routing, preflights included.
      response.writeHead(403, { 'Content-Length': '0' });
      response.end();
      return;
    }
    if (record.method === 'OPTIONS') {
      answerPreflight(request, response, origin);
      return;
    }
    const cors = corsHeaders(origin);
    const pathname = new URL(record.path, 'http://fake.invalid').pathname.replace(/\/+$/, '');

    if (pathname === '/v1/models' && record.method === 'GET') {
      if (!authorized(request, response, cors)) return;
      const behaviour = nextBehaviour('models');
      if (behaviour) record.behaviour = behaviour;
      const error = behaviour ? errorResponseFor(behaviour, 'unknown', 0) : undefined;
      if (error) {
        sendError(response, error, cors);
        return;
      }
      sendJson(response, 200, {
        object: 'list',
        data: policy.models.map((id) => ({ id, object: 'model', created: 1686935002, owned_by: 'fake' })),
      }, cors);
      return;
    }

    if (pathname === '/v1/chat/completions' && record.method === 'POST') {
      if (!authorized(request, response, cors)) return;
      if (!isRecord(record.body)) {
        sendJson(response, 400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error', param: null, code: null } }, cors);
        return;
      }
      const model = typeof record.body.model === 'string' ? record.body.model : '';
      const promptTokens = estimatePromptTokens(record.body.messages);
      const behaviour = nextBehaviour('chat') ?? {};
      record.behaviour = behaviour;
      const error = errorResponseFor(behaviour, model, promptTokens);
      if (error) {
        sendError(response, error, cors);
        return;
      }
      const stream = behaviour as StreamBehaviour;
      if (stream.firstByteDelayMs) await delay(stream.firstByteDelayMs);
      if (response.destroyed) return;
      const requestId = `fake-${++requestCounter}`;
      response.socket?.setNoDelay(true);
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
        'x-request-id': requestId,
        ...cors,
      });
      response.flushHeaders();
      const streamOptions = isRecord(record.body.stream_options) ? record.body.stream_options : {};
      await writeChatStream(response, stream, {
        model,
        includeUsage: streamOptions.include_usage === true,
        promptTokens,
        requestId,
        onFirstToken: () => {
          record.firstTokenAt ??= now();
        },
        onCut: () => {
          endedByServer = true;
        },
      });
      return;
    }

    // What Go's default mux (Ollama, LocalAI) says for an unknown path.
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...cors });
    response.end('404 page not found');
  }

  function authorized(request: IncomingMessage, response: ServerResponse, cors: Record<string, string>): boolean {
    if (policy.apiKey === null) return true;
    const presented = /^Bearer\s+(.+)$/i.exec(headerValue(request.headers.authorization) ?? '')?.[1]?.trim();
    if (presented === policy.apiKey) return true;
    sendError(response, invalidApiKeyResponse(presented), cors);
    return false;
  }

  function answerPreflight(request: IncomingMessage, response: ServerResponse, origin: string | undefined): void {
    if (policy.rejectOrigin) {
      response.writeHead(403, { 'Content-Length': '0' });
      response.end();
      return;
    }
    // Fetch never lets a `*` cover Authorization, so the requested headers are named one by one.
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

  function corsHeaders(origin: string | undefined): Record<string, string> {
    if (policy.rejectOrigin || origin === undefined) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': 'retry-after, retry-after-ms, x-request-id, x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests',
      Vary: 'Origin',
    };
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
  const origin = `http://${hostForUrl}:${address.port}`;

  return {
    url: `${origin}/v1`,
    origin,
    port: address.port,
    requests,
    script(behaviour, scriptOptions = {}) {
      if (isPolicyBehaviour(behaviour)) {
        policy = { ...policy, ...behaviour };
        return;
      }
      const route = scriptOptions.route ?? 'chat';
      if (scriptOptions.persistent) {
        persistent[route] = behaviour;
        return;
      }
      for (let count = 0; count < (scriptOptions.times ?? 1); count++) queues[route].push(behaviour);
    },
    configure(changes) {
      policy = { ...policy, ...changes };
    },
    reset() {
      queues.chat.length = 0;
      queues.models.length = 0;
      delete persistent.chat;
      delete persistent.models;
      requests.length = 0;
      policy = { ...initialPolicy };
    },
    waitForRequest(predicate = () => true, timeoutMs = 5_000) {
      const existing = requests.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (request: RecordedRequest) => {
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
    close() {
      closing = true;
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function errorResponseFor(behaviour: RequestBehaviour, model: string, promptTokens: number): ErrorResponse | undefined {
  if ('quota429' in behaviour) return insufficientQuotaResponse();
  if ('contextTooLong' in behaviour) return contextTooLongResponse(promptTokens);
  if ('httpError' in behaviour) {
    const defaults = defaultErrorResponse(behaviour.httpError, model);
    return {
      status: behaviour.httpError,
      body: 'body' in behaviour ? behaviour.body : defaults.body,
      headers: { ...defaults.headers, ...behaviour.headers },
    };
  }
  return undefined;
}

function sendError(response: ServerResponse, error: ErrorResponse, cors: Record<string, string>): void {
  if (typeof error.body === 'string') {
    const bytes = Buffer.from(error.body, 'utf8');
    response.writeHead(error.status, {
      ...(bytes.length > 0 ? { 'Content-Type': 'text/plain; charset=utf-8' } : {}),
      'Content-Length': String(bytes.length),
      ...error.headers,
      ...cors,
    });
    response.end(bytes);
    return;
  }
  sendJson(response, error.status, error.body, { ...error.headers, ...cors });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length), ...headers });
  response.end(bytes);
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

/** Roughly four characters a token: enough for plausible usage numbers. */
function estimatePromptTokens(messages: unknown): number {
  if (!Array.isArray(messages)) return 0;
  const characters = messages.reduce<number>(
    (total, message) => total + (isRecord(message) && typeof message.content === 'string' ? message.content.length : 0),
    0,
  );
  return Math.max(1, Math.ceil(characters / 4));
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function now(): number {
  return performance.timeOrigin + performance.now();
}
