/**
 * A fake Ollama on real HTTP: a protocol peer for the extension's native Ollama provider (research
 * notes §0, §5). Like the real server it checks the Origin against OLLAMA_ORIGINS plus its built-in
 * defaults, which do not include browser extensions: an unlisted Origin, preflights included, gets
 * 403 with an empty body before routing; a request with no Origin passes. Tests set the allowed list
 * the way a user sets OLLAMA_ORIGINS.
 *
 *   const ollama = await startFakeOllama({ models: ['llama3.2:latest'] });
 *   ollama.setAllowedOrigins(['chrome-extension://<id>']);
 *   ... point the provider at ollama.url (http://127.0.0.1:<port>) ...
 */
import type { ServerResponse } from 'node:http';
import {
  answerPreflight,
  BehaviourQueue,
  echoOriginCors,
  estimateTokens,
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
import { defaultOllamaErrorMessage, type OllamaBehaviour, type OllamaStreamBehaviour } from './ollama-behaviours';
import { writeOllamaStream } from './ollama-stream';
import { isOriginAllowedByOllama } from './origin-check';

export type { OllamaBehaviour, OllamaHttpErrorBehaviour, OllamaStreamBehaviour } from './ollama-behaviours';

export type OllamaRoute = 'chat' | 'tags';

export interface FakeOllamaOptions extends PeerOptions {
  /** Models served and listed by /api/tags. A request for another gets 404. */
  models?: string[];
  /** OLLAMA_ORIGINS: extra allowed origins (exact or with one `*`). Default none; null turns the check off. */
  allowedOrigins?: string[] | null;
}

/** `url` is the server's root, e.g. http://127.0.0.1:53123 (what Ollama's docs show). */
export interface FakeOllamaServer extends ScriptableFake<OllamaRoute, OllamaBehaviour> {
  /** As if the user restarted Ollama with OLLAMA_ORIGINS set to these; null turns the check off. */
  setAllowedOrigins(origins: string[] | null): void;
  /** Forgets scripted behaviours and recorded requests; restores the allowed origins given at start. */
  reset(): void;
}

export type FakeOllamaRequest = RecordedRequest<OllamaBehaviour>;

const DEFAULT_MODELS = ['llama3.2:latest', 'qwen3:8b'];
const FAKE_VERSION = '0.12.0';

export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllamaServer> {
  const behaviours = new BehaviourQueue<OllamaRoute, OllamaBehaviour>('chat');
  const models = options.models ?? DEFAULT_MODELS;
  const initialOrigins = options.allowedOrigins === undefined ? [] : options.allowedOrigins;
  let allowedOrigins = initialOrigins;

  const peer = await startHttpPeer<OllamaBehaviour>(async (exchange) => {
    const { request, response, record, origin, pathname } = exchange;
    // gin-contrib/cors runs before routing: an unlisted Origin never reaches a handler.
    if (allowedOrigins !== null && origin !== undefined && !isOriginAllowedByOllama(origin, allowedOrigins)) {
      response.writeHead(403, { 'Content-Length': '0' });
      response.end();
      return;
    }
    if (record.method === 'OPTIONS') {
      answerPreflight(request, response, origin);
      return;
    }
    const cors = echoOriginCors(origin);

    if (pathname === '/' && (record.method === 'GET' || record.method === 'HEAD')) {
      sendJson(response, 200, 'Ollama is running', cors);
      return;
    }
    if (pathname === '/api/version' && record.method === 'GET') {
      sendJson(response, 200, { version: FAKE_VERSION }, cors);
      return;
    }
    if (pathname === '/api/tags' && record.method === 'GET') {
      const behaviour = behaviours.next('tags');
      if (behaviour) record.behaviour = behaviour;
      if (behaviour && sendScriptedError(response, behaviour, 'unknown', cors)) return;
      sendJson(response, 200, { models: models.map(tagOf) }, cors);
      return;
    }
    if (pathname === '/api/show' && record.method === 'POST') {
      const model = isRecord(record.body) && typeof record.body.model === 'string' ? record.body.model : '';
      if (!models.includes(model) && !models.includes(`${model}:latest`)) {
        sendJson(response, 404, { error: `model '${model}' not found` }, cors);
        return;
      }
      sendJson(response, 200, { modelfile: '# fake', parameters: '', template: '{{ .Prompt }}', details: tagOf(model).details, capabilities: ['completion'] }, cors);
      return;
    }
    if (pathname === '/api/chat' && record.method === 'POST') {
      const body = isRecord(record.body) ? record.body : undefined;
      if (!body || typeof body.model !== 'string' || body.model === '') {
        sendJson(response, 400, { error: 'model is required' }, cors);
        return;
      }
      const model = body.model;
      const behaviour = behaviours.next('chat') ?? {};
      record.behaviour = behaviour;
      if (sendScriptedError(response, behaviour, model, cors)) return;
      if (!models.includes(model) && !models.includes(`${model}:latest`)) {
        sendJson(response, 404, { error: defaultOllamaErrorMessage(404, model) }, cors);
        return;
      }
      const stream = behaviour as OllamaStreamBehaviour;
      if (!(await waitForFirstByte(response, stream.firstByteDelayMs))) return;
      startStream(response, 'application/x-ndjson', cors);
      await writeOllamaStream(response, stream, {
        model,
        promptTokens: estimateTokens(JSON.stringify(body.messages ?? [])),
        onFirstToken: exchange.markFirstToken,
        onCut: exchange.markServerCut,
      });
      return;
    }
    // Go's default mux.
    sendJson(response, 404, '404 page not found', cors);
  }, options);

  return {
    ...scriptableFake(peer, behaviours, peer.origin, () => {
      allowedOrigins = initialOrigins;
    }),
    setAllowedOrigins(origins) {
      allowedOrigins = origins;
    },
  };
}

function sendScriptedError(response: ServerResponse, behaviour: OllamaBehaviour, model: string, cors: Record<string, string>): boolean {
  if (!('httpError' in behaviour)) return false;
  const body = 'body' in behaviour ? behaviour.body : { error: behaviour.message ?? defaultOllamaErrorMessage(behaviour.httpError, model) };
  sendJson(response, behaviour.httpError, body, { ...behaviour.headers, ...cors });
  return true;
}

function tagOf(name: string) {
  return {
    name,
    model: name,
    modified_at: '2026-05-01T10:00:00.000000000Z',
    size: 2_019_393_189,
    digest: 'a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72',
    details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
  };
}
