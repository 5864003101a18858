/**
 * Picks the provider implementation for a settings kind. Every kind that speaks OpenAI's
 * chat-completions protocol shares one implementation, with the small dialect switches each needs.
 */
import type { ProviderKind } from '../shared/settings';
import { createOpenAICompatibleProvider } from './openai-compatible';
import type { OpenAICompatibleDialect } from './openai-compatible';
import { ProviderError, type LanguageModelProvider, type ProviderConfig } from './types';

const OPENAI_COMPATIBLE_DIALECTS: Partial<Record<ProviderKind, Partial<OpenAICompatibleDialect>>> = {
  'openai-compatible': {},
  // OpenAI's reasoning models refuse `max_tokens`; all its models accept `max_completion_tokens`.
  openai: { maxTokensField: 'max_completion_tokens' },
  // Ollama is reached through its OpenAI-compatible /v1 API until a native NDJSON provider exists.
  ollama: {},
  // Mistral rejects unknown fields with 422, `stream_options` included, and sends usage unasked.
  mistral: { requestUsage: false },
  openrouter: {},
};

const DISPLAY_NAMES: Record<ProviderKind, string> = {
  'openai-compatible': 'An OpenAI-compatible server',
  openai: 'OpenAI',
  ollama: 'Ollama',
  anthropic: 'Anthropic',
  mistral: 'Mistral',
  gemini: 'Gemini',
  openrouter: 'OpenRouter',
  webllm: 'The in-browser model (WebLLM)',
  'chrome-ai': 'Chrome’s built-in model',
};

/** Throws ProviderError('config') for a kind with no implementation yet, or for an unusable base URL. */
export function createProvider(kind: ProviderKind, config: ProviderConfig): LanguageModelProvider {
  const dialect = OPENAI_COMPATIBLE_DIALECTS[kind];
  if (dialect === undefined) {
    throw new ProviderError('config', `${DISPLAY_NAMES[kind] ?? kind} is not supported yet in this version of Aside.`, {
      hint: 'Choose an OpenAI-compatible assistant (OpenAI, Mistral, OpenRouter, Ollama, LM Studio…) in the options.',
    });
  }
  const baseUrl = kind === 'ollama' ? withOllamaOpenAIPath(config.baseUrl) : config.baseUrl;
  return createOpenAICompatibleProvider({ ...config, baseUrl }, { kind, dialect });
}

/**
 * Users often paste Ollama's bare address (http://localhost:11434), which is what its docs show for the
 * native API; the OpenAI-compatible API lives under /v1.
 */
function withOllamaOpenAIPath(baseUrl: string): string {
  try {
    const url = new URL(baseUrl.trim());
    if (url.pathname === '/' || url.pathname === '') return `${url.origin}/v1`;
    return baseUrl;
  } catch {
    return baseUrl;
  }
}
