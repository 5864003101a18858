/**
 * A fake Anthropic Messages API on real HTTP: a protocol peer for the extension's Anthropic provider
 * (research notes §0, §2). It checks what the real API checks (x-api-key, anthropic-version, and the
 * browser-access opt-in whenever an Origin is present), streams named SSE events, and can be scripted
 * to fail the ways Anthropic fails. It knows nothing about Aside.
 *
 *   const server = await startFakeAnthropic({ apiKey: 'sk-ant-…' });
 *   server.script({ httpError: 429 });                 // next request: rate_limit_error, retry-after 1
 *   server.script({ text: 'Hi' }, { persistent: true }); // every later request
 *   ... point the provider at server.url (…/v1) ...
 *   await server.close();
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ANTHROPIC_ERROR_TYPES,
  anthropicErrorBody,
  type AnthropicBehaviour,
  type AnthropicStreamBehaviour,
} from './anthropic-behaviours';
import { writeAnthropicStream } from './anthropic-stream';
import {
  answerPreflight,
  BehaviourQueue,
  estimateTokens,
  headerValue,
  isRecord,
  scriptableFake,
  sendJson,
  startHttpPeer,
  startStream,
  waitForFirstByte,
  type PeerOptions,
  type RecordedRequest,
  type ScriptableFake,
} from './http-peer';

export type { AnthropicBehaviour, AnthropicHttpErrorBehaviour, AnthropicPromptTooLongBehaviour, AnthropicStreamBehaviour } from './anthropic-behaviours';

export type AnthropicRoute = 'messages' | 'models';

export interface FakeAnthropicOptions extends PeerOptions {
  /** When set, requests need `x-api-key: <apiKey>`. */
  apiKey?: string;
  /** Ids served by GET /v1/models. */
  models?: string[];
}

/** `url` is the base URL including /v1. */
export type FakeAnthropicServer = ScriptableFake<AnthropicRoute, AnthropicBehaviour>;

export type FakeAnthropicRequest = RecordedRequest<AnthropicBehaviour>;

const DEFAULT_MODELS = ['claude-fake-1', 'claude-fake-2'];
const CORS_MESSAGE = "CORS requests must set 'anthropic-dangerous-direct-browser-access' header";

export async function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropicServer> {
  const behaviours = new BehaviourQueue<AnthropicRoute, AnthropicBehaviour>('messages');
  const models = options.models ?? DEFAULT_MODELS;
  let messageCounter = 0;

  const peer = await startHttpPeer<AnthropicBehaviour>(async (exchange) => {
    const { request, response, record, origin, pathname } = exchange;
    if (record.method === 'OPTIONS') {
      answerPreflight(request, response, origin);
      return;
    }
    // With an Origin, the API wants the explicit opt-in, and without it answers with no CORS header.
    const browserAccess = headerValue(request.headers['anthropic-dangerous-direct-browser-access']) === 'true';
    if (origin !== undefined && !browserAccess) {
      sendJson(response, 401, anthropicErrorBody('authentication_error', CORS_MESSAGE));
      return;
    }
    const cors: Record<string, string> =
      origin !== undefined ? { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'request-id, retry-after' } : {};
    if (!authorized(request, response, cors)) return;

    if (pathname === '/v1/models' && record.method === 'GET') {
      const behaviour = behaviours.next('models');
      if (behaviour) record.behaviour = behaviour;
      if (behaviour && sendScriptedError(response, behaviour, cors, 0)) return;
      sendJson(response, 200, modelPage(models, exchange.query), { 'request-id': 'req_fake_models', ...cors });
      return;
    }

    if (pathname === '/v1/messages' && record.method === 'POST') {
      if (!headerValue(request.headers['anthropic-version'])) {
        sendJson(response, 400, anthropicErrorBody('invalid_request_error', 'anthropic-version: header is required'), cors);
        return;
      }
      const body = isRecord(record.body) ? record.body : undefined;
      const problem = body ? invalidRequest(body) : 'There was an issue with the JSON body of your request.';
      if (problem) {
        sendJson(response, 400, anthropicErrorBody('invalid_request_error', problem), cors);
        return;
      }
      const model = String(body!.model);
      const inputTokens = estimateTokens(`${String(body!.system ?? '')}${JSON.stringify(body!.messages)}`);
      const behaviour = behaviours.next('messages') ?? {};
      record.behaviour = behaviour;
      if (sendScriptedError(response, behaviour, cors, inputTokens)) return;
      if (!models.includes(model)) {
        sendJson(response, 404, anthropicErrorBody('not_found_error', `model: ${model}`), cors);
        return;
      }
      const stream = behaviour as AnthropicStreamBehaviour;
      if (!(await waitForFirstByte(response, stream.firstByteDelayMs))) return;
      const messageId = `msg_fake_${++messageCounter}`;
      startStream(response, 'text/event-stream; charset=utf-8', { 'request-id': `req_${messageId}`, ...cors });
      await writeAnthropicStream(response, stream, {
        model,
        inputTokens,
        messageId,
        onFirstToken: exchange.markFirstToken,
        onCut: exchange.markServerCut,
      });
      return;
    }

    sendJson(response, 404, anthropicErrorBody('not_found_error', 'Not Found'), cors);
  }, options);

  function authorized(request: IncomingMessage, response: ServerResponse, cors: Record<string, string>): boolean {
    if (options.apiKey === undefined) return true;
    const presented = headerValue(request.headers['x-api-key']);
    if (presented === options.apiKey) return true;
    sendJson(response, 401, anthropicErrorBody('authentication_error', presented ? 'invalid x-api-key' : 'x-api-key header is required'), cors);
    return false;
  }

  return scriptableFake(peer, behaviours, `${peer.origin}/v1`);
}

/** What the real API refuses before streaming: the required fields. */
function invalidRequest(body: Record<string, unknown>): string | undefined {
  if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
  if (typeof body.max_tokens !== 'number') return 'max_tokens: Field required';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: at least one message is required';
  if (body.messages.some((message) => isRecord(message) && message.role === 'system')) {
    return 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';
  }
  return undefined;
}

function sendScriptedError(response: ServerResponse, behaviour: AnthropicBehaviour, cors: Record<string, string>, inputTokens: number): boolean {
  if ('promptTooLong' in behaviour) {
    sendJson(response, 400, anthropicErrorBody('invalid_request_error', `prompt is too long: ${Math.max(inputTokens, 200_001)} tokens > 200000 maximum`), cors);
    return true;
  }
  if (!('httpError' in behaviour)) return false;
  const status = behaviour.httpError;
  const errorType = behaviour.errorType ?? ANTHROPIC_ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  const defaults: Record<string, string> = status === 429 ? { 'retry-after': '1' } : {};
  const body = 'body' in behaviour ? behaviour.body : anthropicErrorBody(errorType, behaviour.message);
  sendJson(response, status, body, { ...defaults, ...behaviour.headers, ...cors });
  return true;
}

function modelPage(models: string[], query: URLSearchParams) {
  const limit = Math.max(1, Math.min(1000, Number(query.get('limit') ?? 20) || 20));
  const afterId = query.get('after_id');
  const start = afterId ? models.indexOf(afterId) + 1 : 0;
  const page = models.slice(start, start + limit);
  return {
    data: page.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-02-19T00:00:00Z' })),
    has_more: start + limit < models.length,
    first_id: page[0] ?? null,
    last_id: page.at(-1) ?? null,
  };
}
