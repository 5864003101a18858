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
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeChatStream } from './chat-stream';
import {
  answerPreflight,
  BehaviourQueue,
  estimateTokens,
  headerValue,
  isRecord,
  sendJson,
  startHttpPeer,
  startStream,
  waitForFirstByte,
  type PeerOptions,
  type RecordedRequest as PeerRecordedRequest,
} from './http-peer';
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

export interface FakeOpenAIOptions extends PeerOptions {
  apiKey?: string;
  models?: string[];
  ollamaOriginCheck?: string[];
  /** Behaviour of chat requests when nothing is scripted. Default: stream "Hello from the fake model." */
  defaultBehaviour?: RequestBehaviour;
}

/** A request as received; `firstTokenAt` is when the first content delta was written. */
export type RecordedRequest = PeerRecordedRequest<RequestBehaviour>;

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

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAIServer> {
  const initialPolicy: ServerPolicy = {
    apiKey: options.apiKey ?? null,
    models: options.models ?? DEFAULT_MODELS,
    ollamaOriginCheck: options.ollamaOriginCheck ?? null,
    rejectOrigin: false,
  };
  let policy: ServerPolicy = { ...initialPolicy };
  const behaviours = new BehaviourQueue<Route, RequestBehaviour>('chat');
  let requestCounter = 0;

  const nextBehaviour = (route: Route): RequestBehaviour | undefined =>
    behaviours.next(route) ?? (route === 'chat' ? options.defaultBehaviour ?? {} : undefined);

  const peer = await startHttpPeer<RequestBehaviour>(async (exchange) => {
    const { request, response, record, origin, pathname } = exchange;
    if (policy.ollamaOriginCheck && origin !== undefined && !isOriginAllowedByOllama(origin, policy.ollamaOriginCheck)) {
      // Ollama's CORS middleware: 403, Content-Length 0, before routing, preflights included.
      refuseOrigin(response);
      return;
    }
    if (record.method === 'OPTIONS') {
      if (policy.rejectOrigin) refuseOrigin(response);
      else answerPreflight(request, response, origin);
      return;
    }
    const cors = corsHeaders(origin);

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
      if (!(await waitForFirstByte(response, stream.firstByteDelayMs))) return;
      const requestId = `fake-${++requestCounter}`;
      startStream(response, 'text/event-stream; charset=utf-8', { 'x-request-id': requestId, ...cors });
      const streamOptions = isRecord(record.body.stream_options) ? record.body.stream_options : {};
      await writeChatStream(response, stream, {
        model,
        includeUsage: streamOptions.include_usage === true,
        promptTokens,
        requestId,
        onFirstToken: exchange.markFirstToken,
        onCut: exchange.markServerCut,
      });
      return;
    }

    // What Go's default mux (Ollama, LocalAI) says for an unknown path.
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...cors });
    response.end('404 page not found');
  }, options);

  function authorized(request: IncomingMessage, response: ServerResponse, cors: Record<string, string>): boolean {
    if (policy.apiKey === null) return true;
    const presented = /^Bearer\s+(.+)$/i.exec(headerValue(request.headers.authorization) ?? '')?.[1]?.trim();
    if (presented === policy.apiKey) return true;
    sendError(response, invalidApiKeyResponse(presented), cors);
    return false;
  }

  function corsHeaders(origin: string | undefined): Record<string, string> {
    if (policy.rejectOrigin || origin === undefined) return {};
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': 'retry-after, retry-after-ms, x-request-id, x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests',
      Vary: 'Origin',
    };
  }

  return {
    url: `${peer.origin}/v1`,
    origin: peer.origin,
    port: peer.port,
    requests: peer.requests,
    script(behaviour, scriptOptions = {}) {
      if (isPolicyBehaviour(behaviour)) {
        policy = { ...policy, ...behaviour };
        return;
      }
      behaviours.add(behaviour, scriptOptions);
    },
    configure(changes) {
      policy = { ...policy, ...changes };
    },
    reset() {
      behaviours.clear();
      peer.forgetRequests();
      policy = { ...initialPolicy };
    },
    waitForRequest: peer.waitForRequest,
    close: peer.close,
  };
}

/** An empty 403, as a server refusing the Origin answers. */
function refuseOrigin(response: ServerResponse): void {
  response.writeHead(403, { 'Content-Length': '0' });
  response.end();
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

/** A string body goes out as plain text, anything else as JSON (http-peer's sendJson does both). */
function sendError(response: ServerResponse, error: ErrorResponse, cors: Record<string, string>): void {
  sendJson(response, error.status, error.body, { ...error.headers, ...cors });
}

/** Roughly four characters a token, as http-peer counts; 0 when `messages` is not a list at all. */
function estimatePromptTokens(messages: unknown): number {
  if (!Array.isArray(messages)) return 0;
  const contents = messages.map((message) => (isRecord(message) && typeof message.content === 'string' ? message.content : ''));
  return estimateTokens(contents.join(''));
}
