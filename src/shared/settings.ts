import * as v from 'valibot';

/** Provider kinds the options page offers. The foundation implements `openai-compatible`. */
export const PROVIDER_KINDS = [
  'openai-compatible', 'openai', 'ollama', 'anthropic', 'mistral', 'gemini', 'openrouter', 'webllm', 'chrome-ai',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

const httpUrl = v.pipe(
  v.string(),
  v.trim(),
  v.url('Enter a full URL such as http://localhost:11434/v1'),
  v.check((url) => /^https?:\/\//i.test(url), 'Only http:// and https:// URLs are allowed'),
);

/** Bounds of a user-set context window: below this nothing useful fits; above it no model exists. */
export const MIN_CONTEXT_WINDOW_TOKENS = 1_024;
export const MAX_CONTEXT_WINDOW_TOKENS = 2_097_152;

/** A configured assistant as stored. The API key is stored apart (see storage/secrets.ts). */
export const AssistantSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give the assistant a name'), v.maxLength(80)),
  kind: v.picklist(PROVIDER_KINDS),
  baseUrl: httpUrl,
  model: v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a model name'), v.maxLength(200)),
  /**
   * The context window to ask a local server for, in tokens (Ollama's num_ctx). Absent: the
   * provider's default (8,192 for Ollama); hosted APIs ignore it.
   */
  contextWindowTokens: v.optional(
    v.pipe(
      v.number(),
      v.integer('Enter a whole number of tokens'),
      v.minValue(MIN_CONTEXT_WINDOW_TOKENS, `At least ${MIN_CONTEXT_WINDOW_TOKENS} tokens`),
      v.maxValue(MAX_CONTEXT_WINDOW_TOKENS, `At most ${MAX_CONTEXT_WINDOW_TOKENS} tokens`),
    ),
  ),
});
export type Assistant = v.InferOutput<typeof AssistantSchema>;

/** What the UI sees of an assistant: never the key, only whether one is set. */
export interface AssistantView extends Assistant {
  hasApiKey: boolean;
  locality: 'local' | 'remote';
}

export const SettingsSchema = v.object({
  assistants: v.array(AssistantSchema),
  activeAssistantId: v.nullable(v.string()),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { assistants: [], activeAssistantId: null };

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/** Local means the model runs in the browser or on the user's own machine. */
export function localityOf(assistant: Pick<Assistant, 'kind' | 'baseUrl'>): 'local' | 'remote' {
  if (assistant.kind === 'webllm' || assistant.kind === 'chrome-ai') return 'local';
  try {
    return LOOPBACK_HOSTS.test(new URL(assistant.baseUrl).hostname) ? 'local' : 'remote';
  } catch {
    return 'remote';
  }
}
