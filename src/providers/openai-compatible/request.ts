/**
 * The HTTP requests of the OpenAI chat-completions protocol, with the few switches that real servers
 * need: they agree on the shape but not on every field.
 */
import type { ProviderConfig, StreamOptions } from '../types';
import { joinUrl } from '../shared/endpoint';
import type { PreparedRequest } from '../shared/prepared-request';

export interface OpenAICompatibleDialect {
  /**
   * OpenAI's reasoning models reject `max_tokens`; every other compatible server expects it and some
   * (Mistral) reject `max_completion_tokens`.
   */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /**
   * Ask for a usage chunk with `stream_options.include_usage`. Mistral answers 422 to any field it
   * does not know, and puts usage in its finish chunk unasked.
   */
  requestUsage: boolean;
}

export const DEFAULT_DIALECT: OpenAICompatibleDialect = { maxTokensField: 'max_tokens', requestUsage: true };

export type { PreparedRequest } from '../shared/prepared-request';

export function buildChatCompletionsRequest(
  config: Pick<ProviderConfig, 'baseUrl' | 'model' | 'apiKey'>,
  options: Pick<StreamOptions, 'messages' | 'maxOutputTokens' | 'temperature'>,
  dialect: OpenAICompatibleDialect = DEFAULT_DIALECT,
): PreparedRequest {
  const body: Record<string, unknown> = {
    model: config.model,
    // Copy only role and content: a message object must not smuggle extra fields to the provider.
    messages: options.messages.map(({ role, content }) => ({ role, content })),
    stream: true,
  };
  if (dialect.requestUsage) body.stream_options = { include_usage: true };
  if (options.maxOutputTokens !== undefined) body[dialect.maxTokensField] = options.maxOutputTokens;
  if (options.temperature !== undefined) body.temperature = options.temperature;
  return {
    url: joinUrl(config.baseUrl, 'chat/completions'),
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authorizationHeader(config.apiKey) },
      body: JSON.stringify(body),
    },
  };
}

export function buildModelsRequest(config: Pick<ProviderConfig, 'baseUrl' | 'apiKey'>): PreparedRequest {
  // No Content-Type on a GET: it would only add a CORS preflight for servers that check.
  return { url: joinUrl(config.baseUrl, 'models'), init: { method: 'GET', headers: authorizationHeader(config.apiKey) } };
}

/** Local servers need no key; sending an empty `Bearer ` makes some of them answer 401. */
function authorizationHeader(apiKey: string | undefined): Record<string, string> {
  const key = apiKey?.trim();
  return key ? { Authorization: `Bearer ${key}` } : {};
}
