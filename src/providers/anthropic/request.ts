/**
 * The HTTP requests of Anthropic's Messages API (research notes §2). Differences from OpenAI's that
 * matter here: the key goes in `x-api-key`, the system prompt is a top-level field rather than a
 * message, `max_tokens` is required, and a request from a browser or extension must opt in to CORS
 * with `anthropic-dangerous-direct-browser-access` (without it the API answers 401 to any request
 * that carries an Origin, which Chrome adds to every POST from an extension).
 */
import type { PromptMessage, ProviderConfig, StreamOptions } from '../types';
import { joinUrl } from '../shared/endpoint';
import type { PreparedRequest } from '../shared/prepared-request';

export const ANTHROPIC_VERSION = '2023-06-01';

/** Required by the API; what a chat reply or summary needs, should a caller not say. */
export const DEFAULT_MAX_TOKENS = 1024;

/** Anthropic accepts 0..1; OpenAI-style callers may ask for up to 2. */
export const MAX_TEMPERATURE = 1;

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string;
}

export function buildMessagesRequest(
  config: Pick<ProviderConfig, 'baseUrl' | 'model' | 'apiKey'>,
  options: Pick<StreamOptions, 'messages' | 'maxOutputTokens' | 'temperature'>,
): PreparedRequest {
  const { system, messages } = splitSystemPrompt(options.messages);
  const body: Record<string, unknown> = {
    model: config.model,
    max_tokens: options.maxOutputTokens ?? DEFAULT_MAX_TOKENS,
    messages,
    stream: true,
  };
  if (system !== '') body.system = system;
  if (options.temperature !== undefined) body.temperature = Math.min(MAX_TEMPERATURE, Math.max(0, options.temperature));
  return {
    url: joinUrl(config.baseUrl, 'messages'),
    init: { method: 'POST', headers: { ...anthropicHeaders(config.apiKey), 'content-type': 'application/json' }, body: JSON.stringify(body) },
  };
}

/** One page of the model list; `afterId` continues after the last id of the previous page. */
export function buildModelsRequest(config: Pick<ProviderConfig, 'baseUrl' | 'apiKey'>, afterId?: string): PreparedRequest {
  const query = new URLSearchParams({ limit: '1000' });
  if (afterId) query.set('after_id', afterId);
  return { url: `${joinUrl(config.baseUrl, 'models')}?${query}`, init: { method: 'GET', headers: anthropicHeaders(config.apiKey) } };
}

function anthropicHeaders(apiKey: string | undefined): Record<string, string> {
  const key = apiKey?.trim();
  return {
    ...(key ? { 'x-api-key': key } : {}),
    'anthropic-version': ANTHROPIC_VERSION,
    'anthropic-dangerous-direct-browser-access': 'true',
  };
}

/**
 * System messages become the top-level `system` string; the rest keep their order, with
 * neighbours of the same role joined, since the API expects user and assistant turns to alternate.
 * Only role and content are copied: a message object must not smuggle extra fields to the provider.
 */
export function splitSystemPrompt(messages: readonly PromptMessage[]): { system: string; messages: AnthropicMessage[] } {
  const system: string[] = [];
  const turns: AnthropicMessage[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      system.push(message.content);
      continue;
    }
    const previous = turns.at(-1);
    if (previous && previous.role === message.role) previous.content = `${previous.content}\n\n${message.content}`;
    else turns.push({ role: message.role, content: message.content });
  }
  return { system: system.join('\n\n'), messages: turns };
}
