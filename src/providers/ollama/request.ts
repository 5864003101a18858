/**
 * The HTTP requests of Ollama's native API (research notes §5). The native API is used rather than
 * its OpenAI-compatible /v1 because only the native one can set the context window (`num_ctx`):
 * Ollama's own default is as small as 4k tokens on a modest GPU, which silently cuts a long chat.
 */
import type { ProviderConfig, StreamOptions } from '../types';
import type { PreparedRequest } from '../shared/prepared-request';

/** Large enough for a long chat and a reply; small enough to load on an 8 GB machine. */
export const DEFAULT_CONTEXT_WINDOW_TOKENS = 8192;

/**
 * The server's root: users paste Ollama's address with or without `/v1` (the OpenAI-compatible
 * API's path, which Aside's earlier versions used) or `/api`, with or without a trailing slash.
 * A path before those (a reverse proxy's) is kept.
 */
export function ollamaRoot(baseUrl: string): string {
  return baseUrl.trim().replace(/\/+$/, '').replace(/\/(?:v1|api)$/i, '');
}

export function buildChatRequest(
  config: Pick<ProviderConfig, 'baseUrl' | 'model' | 'contextWindowTokens'>,
  options: Pick<StreamOptions, 'messages' | 'maxOutputTokens' | 'temperature'>,
): PreparedRequest {
  const modelOptions: Record<string, number> = { num_ctx: config.contextWindowTokens ?? DEFAULT_CONTEXT_WINDOW_TOKENS };
  if (options.maxOutputTokens !== undefined) modelOptions.num_predict = options.maxOutputTokens;
  if (options.temperature !== undefined) modelOptions.temperature = options.temperature;
  const body = {
    model: config.model,
    // Copy only role and content: a message object must not smuggle extra fields to the server.
    messages: options.messages.map(({ role, content }) => ({ role, content })),
    stream: true,
    options: modelOptions,
  };
  return {
    url: `${ollamaRoot(config.baseUrl)}/api/chat`,
    init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  };
}

export function buildTagsRequest(config: Pick<ProviderConfig, 'baseUrl'>): PreparedRequest {
  // No headers on a GET: anything beyond the simple ones would add a CORS preflight.
  return { url: `${ollamaRoot(config.baseUrl)}/api/tags`, init: { method: 'GET' } };
}

/**
 * A POST that costs nothing: the model's metadata. It passes Ollama's origin check exactly when a chat
 * would, and says whether the model is pulled.
 */
export function buildShowRequest(config: Pick<ProviderConfig, 'baseUrl' | 'model'>): PreparedRequest {
  return {
    url: `${ollamaRoot(config.baseUrl)}/api/show`,
    init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ model: config.model }) },
  };
}
