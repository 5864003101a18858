/**
 * Picks the provider implementation for a settings kind. Every kind that speaks OpenAI's
 * chat-completions protocol shares one implementation, with the small dialect switches each needs;
 * Anthropic, Gemini and Ollama speak their own native protocols.
 */
import { wording } from '../shared/wording';
import type { ProviderKind } from '../shared/settings';
import { createAnthropicProvider } from './anthropic';
import { createGeminiProvider } from './gemini';
import { createOllamaProvider } from './ollama';
import { createOpenAICompatibleProvider } from './openai-compatible';
import type { OpenAICompatibleDialect } from './openai-compatible';
import { ProviderError, type LanguageModelProvider, type ProviderConfig } from './types';

const OPENAI_COMPATIBLE_DIALECTS: Partial<Record<ProviderKind, Partial<OpenAICompatibleDialect>>> = {
  'openai-compatible': {},
  // OpenAI's reasoning models refuse `max_tokens`; all its models accept `max_completion_tokens`.
  openai: { maxTokensField: 'max_completion_tokens' },
  // Mistral rejects unknown fields with 422, `stream_options` included, and sends usage unasked.
  mistral: { requestUsage: false },
  openrouter: {},
};

/** Kinds with a protocol of their own. Ollama's native API is used because only it sets num_ctx. */
const NATIVE_PROVIDERS: Partial<Record<ProviderKind, (config: ProviderConfig) => LanguageModelProvider>> = {
  anthropic: createAnthropicProvider,
  gemini: createGeminiProvider,
  ollama: createOllamaProvider,
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
  if (IN_BROWSER_KINDS.has(kind)) {
    // They fetch nothing and need the engine host, which only the background reaches (background/local-engine.ts).
    throw new ProviderError('config', wording('error_inBrowserNoEndpoint', DISPLAY_NAMES[kind]), {
      hint: wording('error_inBrowserNoEndpointHint'),
    });
  }
  const native = NATIVE_PROVIDERS[kind];
  if (native) return native(config);
  const dialect = OPENAI_COMPATIBLE_DIALECTS[kind];
  if (dialect === undefined) {
    throw new ProviderError('config', wording('error_providerUnsupported', DISPLAY_NAMES[kind] ?? kind), {
      hint: wording('error_providerUnsupportedHint'),
    });
  }
  return createOpenAICompatibleProvider(config, { kind, dialect });
}

/** Models that run inside the browser; built by the background's local engine, never by createProvider. */
export const IN_BROWSER_KINDS: ReadonlySet<ProviderKind> = new Set<ProviderKind>(['webllm', 'chrome-ai']);

/** Kinds Aside can use today; the options page and the background offer only these. */
export const IMPLEMENTED_PROVIDER_KINDS: ReadonlySet<ProviderKind> = new Set<ProviderKind>([
  ...(Object.keys(OPENAI_COMPATIBLE_DIALECTS) as ProviderKind[]),
  ...(Object.keys(NATIVE_PROVIDERS) as ProviderKind[]),
  ...IN_BROWSER_KINDS,
]);
