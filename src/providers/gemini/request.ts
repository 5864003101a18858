/**
 * The HTTP requests of Google's Generative Language API (research notes §3). The key goes in the
 * `x-goog-api-key` header, never in `?key=`: a URL ends up in logs, history and error reports.
 * `alt=sse` asks for Server-Sent Events; without it the answer is one JSON array streamed piecemeal.
 */
import type { PromptMessage, ProviderConfig, StreamOptions } from '../types';
import { joinUrl } from '../shared/endpoint';
import type { PreparedRequest } from '../shared/prepared-request';

export interface GeminiContent {
  role: 'user' | 'model';
  parts: Array<{ text: string }>;
}

export function buildStreamRequest(
  config: Pick<ProviderConfig, 'baseUrl' | 'model' | 'apiKey'>,
  options: Pick<StreamOptions, 'messages' | 'maxOutputTokens' | 'temperature'>,
): PreparedRequest {
  const { systemInstruction, contents } = toGeminiContents(options.messages);
  const body: Record<string, unknown> = { contents };
  if (systemInstruction !== '') body.systemInstruction = { parts: [{ text: systemInstruction }] };
  const generationConfig: Record<string, unknown> = {};
  if (options.maxOutputTokens !== undefined) generationConfig.maxOutputTokens = options.maxOutputTokens;
  if (options.temperature !== undefined) generationConfig.temperature = options.temperature;
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  return {
    url: `${joinUrl(config.baseUrl, `models/${encodeURIComponent(modelName(config.model))}:streamGenerateContent`)}?alt=sse`,
    init: { method: 'POST', headers: { ...keyHeader(config.apiKey), 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  };
}

/** One page of the model list. */
export function buildModelsRequest(config: Pick<ProviderConfig, 'baseUrl' | 'apiKey'>, pageToken?: string): PreparedRequest {
  const query = new URLSearchParams({ pageSize: '1000' });
  if (pageToken) query.set('pageToken', pageToken);
  return { url: `${joinUrl(config.baseUrl, 'models')}?${query}`, init: { method: 'GET', headers: keyHeader(config.apiKey) } };
}

/** The API lists models as "models/gemini-x"; users paste either form. */
export function modelName(model: string): string {
  return model.trim().replace(/^models\//, '');
}

function keyHeader(apiKey: string | undefined): Record<string, string> {
  const key = apiKey?.trim();
  return key ? { 'x-goog-api-key': key } : {};
}

/**
 * System messages become `systemInstruction`; the rest become contents with Gemini's two roles, user
 * and model, neighbours of the same role joined. Only the text is copied.
 */
export function toGeminiContents(messages: readonly PromptMessage[]): { systemInstruction: string; contents: GeminiContent[] } {
  const system: string[] = [];
  const contents: GeminiContent[] = [];
  for (const message of messages) {
    if (message.role === 'system') {
      system.push(message.content);
      continue;
    }
    const role = message.role === 'assistant' ? 'model' : 'user';
    const previous = contents.at(-1);
    const lastPart = previous?.parts.at(-1);
    if (previous && previous.role === role && lastPart) lastPart.text = `${lastPart.text}\n\n${message.content}`;
    else contents.push({ role, parts: [{ text: message.content }] });
  }
  return { systemInstruction: system.join('\n\n'), contents };
}
