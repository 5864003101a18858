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

/**
 * Which messages a task reads by default (minimisation). Mirrors protocol.ts ReadScope, which this file
 * cannot import (protocol imports settings); `privacy/minimise.test.ts` checks the two accept the same.
 */
export const DEFAULT_READ_COUNT = 50;
export const MAX_READ_COUNT = 2_000;
export const ReadScopeSettingSchema = v.variant('kind', [
  v.object({ kind: v.literal('visible') }),
  v.object({
    kind: v.literal('last'),
    count: v.pipe(v.number(), v.integer('Enter a whole number of messages'), v.minValue(1, 'At least 1 message'), v.maxValue(MAX_READ_COUNT, `At most ${MAX_READ_COUNT} messages`)),
  }),
  v.object({ kind: v.literal('since-unread') }),
  v.object({ kind: v.literal('selection') }),
]);

/** The user's privacy choices that apply to every chat (per-chat ones live in the consents table). */
export const PrivacySettingsSchema = v.object({
  /** Names, phone numbers, e-mail addresses, card numbers and IBANs become placeholders before a remote request. */
  pseudonymise: v.optional(v.boolean(), true),
  /** What a task reads unless the sidebar picks another scope for one run. */
  readScope: v.optional(ReadScopeSettingSchema, { kind: 'last', count: DEFAULT_READ_COUNT }),
  /** No history, no chat keys in the egress log, nothing stored per chat except explicit choices. */
  incognito: v.optional(v.boolean(), false),
});
export type PrivacySettings = v.InferOutput<typeof PrivacySettingsSchema>;
export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = v.parse(PrivacySettingsSchema, {});

export const SettingsSchema = v.object({
  assistants: v.array(AssistantSchema),
  activeAssistantId: v.nullable(v.string()),
  privacy: v.optional(PrivacySettingsSchema, () => structuredClone(DEFAULT_PRIVACY_SETTINGS)),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
/** What a settings change may return: sections with defaults may be left out (the store keeps them). */
export type SettingsInput = v.InferInput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { assistants: [], activeAssistantId: null, privacy: structuredClone(DEFAULT_PRIVACY_SETTINGS) };

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
