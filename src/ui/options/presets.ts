import { PROVIDER_KINDS, type ProviderKind } from '../../shared/settings';
import { t } from '../i18n';

/**
 * Human names of the provider kinds, in the interface's language (brand names stay as they are).
 * Functions, not tables: the catalogue is installed by the page's entry, after this module loads.
 */
export function kindLabel(kind: ProviderKind): string {
  switch (kind) {
    case 'openai-compatible':
      return t('options_kindOpenAiCompatible');
    case 'webllm':
      return t('options_kindWebLlm');
    case 'chrome-ai':
      return t('options_kindChromeAi');
    case 'openai':
      return 'OpenAI';
    case 'ollama':
      return 'Ollama';
    case 'anthropic':
      return 'Anthropic';
    case 'mistral':
      return 'Mistral';
    case 'gemini':
      return 'Google Gemini';
    case 'openrouter':
      return 'OpenRouter';
  }
}

/** Short names, for an assistant the user did not name. */
function shortName(kind: ProviderKind): string {
  switch (kind) {
    case 'openai-compatible':
      return t('options_shortNameLocalServer');
    case 'gemini':
      return 'Gemini';
    case 'webllm':
      return 'WebLLM';
    case 'chrome-ai':
      return 'Chrome AI';
    default:
      return kindLabel(kind);
  }
}

/**
 * Kinds the background can talk to today; the others are listed as coming soon. Kept in step with the
 * provider registry's IMPLEMENTED_PROVIDER_KINDS (a test checks), without importing every provider here.
 */
export const ENABLED_KINDS: ReadonlySet<ProviderKind> = new Set<ProviderKind>([
  'openai-compatible', 'openai', 'ollama', 'anthropic', 'mistral', 'gemini', 'openrouter', 'webllm', 'chrome-ai',
]);

/**
 * Models that run inside the browser: no address, key or model name to type; the options page shows
 * the in-browser model picker instead (local-models/). The base URL is fixed: where WebLLM's model
 * files come from, and a loopback placeholder for Chrome's model, which has no address at all.
 */
export const IN_BROWSER_KINDS: ReadonlySet<ProviderKind> = new Set<ProviderKind>(['webllm', 'chrome-ai']);

/** Kinds whose context window the user may set: a local server loads the model with it. */
export const CONTEXT_WINDOW_KINDS: ReadonlySet<ProviderKind> = new Set<ProviderKind>(['ollama']);

/** Kinds whose service always needs an API key. */
export const KEY_REQUIRED_KINDS: ReadonlySet<ProviderKind> = new Set<ProviderKind>([
  'openai', 'mistral', 'openrouter', 'anthropic', 'gemini',
]);

export interface Preset {
  id: string;
  label: string;
  kind: ProviderKind;
  baseUrl: string;
  /** An example model name, or (for servers that name models their own way) what to type, in words. */
  modelHint: string | (() => string);
}

export const PRESETS: readonly Preset[] = [
  { id: 'openai', label: 'OpenAI', kind: 'openai', baseUrl: 'https://api.openai.com/v1', modelHint: 'gpt-4o-mini' },
  { id: 'anthropic', label: 'Anthropic', kind: 'anthropic', baseUrl: 'https://api.anthropic.com/v1', modelHint: 'claude-haiku-4-5' },
  { id: 'gemini', label: 'Gemini', kind: 'gemini', baseUrl: 'https://generativelanguage.googleapis.com/v1beta', modelHint: 'gemini-2.5-flash' },
  // Ollama's own address: Aside speaks its native API, which alone can set the context window.
  { id: 'ollama', label: 'Ollama', kind: 'ollama', baseUrl: 'http://localhost:11434', modelHint: 'llama3.2' },
  { id: 'lm-studio', label: 'LM Studio', kind: 'openai-compatible', baseUrl: 'http://localhost:1234/v1', modelHint: () => t('options_modelHintLmStudio') },
  { id: 'llama-cpp', label: 'llama.cpp', kind: 'openai-compatible', baseUrl: 'http://localhost:8080/v1', modelHint: () => t('options_modelHintLlamaCpp') },
  // vLLM checks the browser's Origin: the extension origin must be in --allowed-origins (README).
  { id: 'vllm', label: 'vLLM', kind: 'openai-compatible', baseUrl: 'http://localhost:8000/v1', modelHint: () => t('options_modelHintVllm') },
  { id: 'mistral', label: 'Mistral', kind: 'mistral', baseUrl: 'https://api.mistral.ai/v1', modelHint: 'mistral-small-latest' },
  { id: 'openrouter', label: 'OpenRouter', kind: 'openrouter', baseUrl: 'https://openrouter.ai/api/v1', modelHint: 'openai/gpt-4o-mini' },
  { id: 'webllm', label: 'WebLLM', kind: 'webllm', baseUrl: 'https://huggingface.co', modelHint: 'Llama-3.2-1B-Instruct-q4f32_1-MLC' },
  { id: 'chrome-ai', label: 'Chrome AI', kind: 'chrome-ai', baseUrl: 'http://localhost', modelHint: 'chrome-built-in' },
];

export const KIND_ORDER: readonly ProviderKind[] = PROVIDER_KINDS;

/** The presets offered for a kind (OpenAI-compatible has several servers). */
export function presetsFor(kind: ProviderKind): Preset[] {
  return PRESETS.filter((preset) => preset.kind === kind);
}

/** The preset a kind starts from, when it has exactly one obvious one. */
export function defaultPresetFor(kind: ProviderKind): Preset | undefined {
  const presets = presetsFor(kind);
  return presets.length === 1 ? presets[0] : undefined;
}

/** Preset addresses of earlier versions, still replaced when the user switches kind. */
const LEGACY_PRESET_BASE_URLS: readonly string[] = ['http://localhost:11434/v1'];

/** True when the value is empty or one a preset filled in, so changing kind may replace it. */
export function isPresetValue(value: string, field: 'baseUrl' | 'label'): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (field === 'label') {
    return PRESETS.some((p) => p.label === trimmed) || KIND_ORDER.some((kind) => kindLabel(kind) === trimmed || shortName(kind) === trimmed);
  }
  return PRESETS.some((p) => p.baseUrl === trimmed) || LEGACY_PRESET_BASE_URLS.includes(trimmed);
}

/** The model placeholder for a kind and base URL. */
export function modelHintFor(kind: ProviderKind, baseUrl: string): string {
  const preset = PRESETS.find((p) => p.kind === kind && p.baseUrl === baseUrl.trim()) ?? defaultPresetFor(kind);
  if (!preset) return t('options_modelHintUnknown');
  return t('options_modelHintExample', typeof preset.modelHint === 'function' ? preset.modelHint() : preset.modelHint);
}

/** The name an assistant gets when the user leaves the field empty. */
export function defaultNameFor(kind: ProviderKind, baseUrl: string): string {
  const preset = PRESETS.find((p) => p.kind === kind && p.baseUrl === baseUrl.trim());
  if (preset) return preset.label;
  if (kind === 'openai-compatible') {
    try {
      return new URL(baseUrl.trim()).host || shortName(kind);
    } catch {
      return shortName(kind);
    }
  }
  return shortName(kind);
}
