/**
 * A fake Gemini API (Generative Language API, v1beta) on real HTTP: a protocol peer for the
 * extension's Gemini provider (research notes §0, §3). It accepts the key from `x-goog-api-key` or
 * `?key=` as Google does, recording which (the extension must use the header), answers a bad key with
 * Google's 400 API_KEY_INVALID, and streams SSE only when asked with `alt=sse`.
 *
 *   const server = await startFakeGemini({ apiKey: 'AIza…' });
 *   server.script({ httpError: 429, retryDelay: '1s' });
 *   ... point the provider at server.url (…/v1beta) ...
 */
import type { ServerResponse } from 'node:http';
import { googleErrorBody, type GeminiBehaviour, type GeminiStreamBehaviour } from './gemini-behaviours';
import { writeGeminiStream } from './gemini-stream';
import {
  answerPreflight,
  BehaviourQueue,
  echoOriginCors,
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

export type { GeminiBehaviour, GeminiHttpErrorBehaviour, GeminiStreamBehaviour } from './gemini-behaviours';

export type GeminiRoute = 'generate' | 'models';

export interface FakeGeminiOptions extends PeerOptions {
  /** When set, requests need this key (header or ?key=). */
  apiKey?: string;
  /** Chat models served (and listed, with an embedding model beside them). */
  models?: string[];
}

/** `url` is the base URL including /v1beta. */
export type FakeGeminiServer = ScriptableFake<GeminiRoute, GeminiBehaviour>;

export type FakeGeminiRequest = RecordedRequest<GeminiBehaviour>;

const DEFAULT_MODELS = ['gemini-fake-flash', 'gemini-fake-pro'];
const EMBEDDING_MODEL = 'text-embedding-fake';
const GENERATE_PATH = /^\/v1beta\/models\/([^/:]+):(streamGenerateContent|generateContent)$/;

export async function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeGeminiServer> {
  const behaviours = new BehaviourQueue<GeminiRoute, GeminiBehaviour>('generate');
  const models = options.models ?? DEFAULT_MODELS;
  let responseCounter = 0;

  const peer = await startHttpPeer<GeminiBehaviour>(async (exchange) => {
    const { request, response, record, origin, pathname, query } = exchange;
    if (record.method === 'OPTIONS') {
      answerPreflight(request, response, origin);
      return;
    }
    const cors = echoOriginCors(origin);
    const presented = headerValue(request.headers['x-goog-api-key']) ?? query.get('key') ?? undefined;
    if (options.apiKey !== undefined && presented !== options.apiKey) {
      // Google answers a missing key with 403 and a wrong one with 400 (not 401).
      if (presented === undefined) {
        sendJson(response, 403, googleErrorBody(403, { message: 'Method doesn’t allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.' }), cors);
      } else {
        sendJson(response, 400, googleErrorBody(400, { message: 'API key not valid. Please pass a valid API key.', reason: 'API_KEY_INVALID' }), cors);
      }
      return;
    }

    if (pathname === '/v1beta/models' && record.method === 'GET') {
      const behaviour = behaviours.next('models');
      if (behaviour) record.behaviour = behaviour;
      if (behaviour && sendScriptedError(response, behaviour, cors)) return;
      sendJson(response, 200, modelPage(models, query), cors);
      return;
    }

    const generate = GENERATE_PATH.exec(pathname);
    if (generate && record.method === 'POST') {
      const model = decodeURIComponent(generate[1]!);
      const body = isRecord(record.body) ? record.body : undefined;
      if (!body || !Array.isArray(body.contents)) {
        sendJson(response, 400, googleErrorBody(400, { message: 'Invalid JSON payload received. Unknown name "messages": Cannot find field.' }), cors);
        return;
      }
      const behaviour = behaviours.next('generate') ?? {};
      record.behaviour = behaviour;
      if (sendScriptedError(response, behaviour, cors)) return;
      if (!models.includes(model)) {
        sendJson(response, 404, googleErrorBody(404, { message: `models/${model} is not found for API version v1beta, or is not supported for generateContent.` }), cors);
        return;
      }
      const stream = behaviour as GeminiStreamBehaviour;
      if (!(await waitForFirstByte(response, stream.firstByteDelayMs))) return;
      const context = {
        model,
        promptTokens: estimateTokens(JSON.stringify(body.contents) + JSON.stringify(body.systemInstruction ?? '')),
        responseId: `fake-response-${++responseCounter}`,
        onFirstToken: exchange.markFirstToken,
        onCut: exchange.markServerCut,
      };
      if (generate[2] !== 'streamGenerateContent' || query.get('alt') !== 'sse') {
        // Without alt=sse Gemini streams one JSON array; a client expecting SSE would not read it.
        sendJson(response, 200, [{ candidates: [{ content: { parts: [{ text: stream.text ?? 'Hello from the fake model.' }], role: 'model' }, finishReason: 'STOP' }] }], cors);
        return;
      }
      startStream(response, 'text/event-stream', cors);
      await writeGeminiStream(response, stream, context);
      return;
    }

    sendJson(response, 404, googleErrorBody(404, { message: 'Not Found' }), cors);
  }, options);

  return scriptableFake(peer, behaviours, `${peer.origin}/v1beta`);
}

function sendScriptedError(response: ServerResponse, behaviour: GeminiBehaviour, cors: Record<string, string>): boolean {
  if (!('httpError' in behaviour)) return false;
  const status = behaviour.httpError;
  const body =
    'body' in behaviour
      ? behaviour.body
      : googleErrorBody(status, {
          ...(behaviour.status ? { status: behaviour.status } : {}),
          ...(behaviour.message ? { message: behaviour.message } : {}),
          ...(behaviour.reason ? { reason: behaviour.reason } : {}),
          ...(behaviour.retryDelay ? { retryDelay: behaviour.retryDelay } : {}),
        });
  sendJson(response, status, body, { ...behaviour.headers, ...cors });
  return true;
}

function modelPage(models: string[], query: URLSearchParams) {
  const all = [
    ...models.map((id) => ({ name: `models/${id}`, displayName: id, inputTokenLimit: 1_048_576, outputTokenLimit: 65_536, supportedGenerationMethods: ['generateContent', 'countTokens'] })),
    { name: `models/${EMBEDDING_MODEL}`, displayName: 'Embedding', inputTokenLimit: 2_048, outputTokenLimit: 1, supportedGenerationMethods: ['embedContent'] },
  ];
  const pageSize = Math.max(1, Math.min(1000, Number(query.get('pageSize') ?? 50) || 50));
  const start = Number(query.get('pageToken') ?? 0) || 0;
  const page = all.slice(start, start + pageSize);
  return { models: page, ...(start + pageSize < all.length ? { nextPageToken: String(start + pageSize) } : {}) };
}
