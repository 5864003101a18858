import * as v from 'valibot';
import { AssistantSchema, type Assistant, type AssistantView, type ProviderKind } from '../../shared/settings';
import { CONTEXT_WINDOW_KINDS, ENABLED_KINDS, KEY_REQUIRED_KINDS, defaultNameFor } from './presets';
import { t } from '../i18n';

/** What the options form holds while the user edits it. The key is never prefilled. */
export interface FormDraft {
  /** null for a new assistant. */
  id: string | null;
  kind: ProviderKind;
  name: string;
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Remove the stored key on save. */
  forgetKey: boolean;
  /** The context window as typed, in tokens; '' for the provider's default. Only some kinds use it. */
  contextWindow: string;
}

export type FormField = 'kind' | 'name' | 'baseUrl' | 'model' | 'apiKey' | 'contextWindowTokens';
export type FieldErrors = Partial<Record<FormField, string>>;

export const EMPTY_DRAFT: FormDraft = {
  id: null,
  kind: 'openai-compatible',
  name: '',
  baseUrl: '',
  model: '',
  apiKey: '',
  forgetKey: false,
  contextWindow: '',
};

export function draftFrom(assistant: AssistantView): FormDraft {
  return {
    id: assistant.id,
    kind: assistant.kind,
    name: assistant.name,
    baseUrl: assistant.baseUrl,
    model: assistant.model,
    apiKey: '',
    forgetKey: false,
    contextWindow: assistant.contextWindowTokens === undefined ? '' : String(assistant.contextWindowTokens),
  };
}

export type Validated =
  | { ok: true; assistant: Assistant; apiKey: string | undefined; origin: string; missingKey: boolean }
  | { ok: false; errors: FieldErrors };

const FIELDS: ReadonlySet<string> = new Set<FormField>(['kind', 'name', 'baseUrl', 'model', 'contextWindowTokens']);

/**
 * Checks the draft with the same schema the background applies, so most mistakes show at once and
 * beside their field. The background's answer still rules: its config errors are shown too.
 */
export function validateDraft(draft: FormDraft, options: { hasApiKey: boolean; newId: () => string }): Validated {
  const errors: FieldErrors = {};
  if (!ENABLED_KINDS.has(draft.kind)) errors.kind = t('options_kindComingSoonError');

  const candidate: Record<string, unknown> = {
    id: draft.id ?? options.newId(),
    name: draft.name.trim() === '' ? defaultNameFor(draft.kind, draft.baseUrl) : draft.name,
    kind: draft.kind,
    baseUrl: draft.baseUrl,
    model: draft.model,
  };
  // Only kinds that use it keep a context window, so switching kind does not carry a stale one along.
  const typedWindow = draft.contextWindow.trim();
  if (CONTEXT_WINDOW_KINDS.has(draft.kind) && typedWindow !== '') {
    if (/^\d+$/.test(typedWindow)) candidate.contextWindowTokens = Number(typedWindow);
    else errors.contextWindowTokens = t('options_contextWindowInvalid');
  }
  const parsed = v.safeParse(AssistantSchema, candidate);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const key = issue.path?.[0]?.key;
      if (typeof key === 'string' && FIELDS.has(key)) errors[key as FormField] ??= issue.message;
    }
  }

  const typedKey = draft.apiKey.trim();
  if (typedKey.length > 500) errors.apiKey = t('options_apiKeyTooLong');

  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const assistant = parsed.output;
  const apiKey = typedKey !== '' ? typedKey : draft.forgetKey ? '' : undefined;
  // Not a blocker (the service will say so), but worth a sentence after saving.
  const keyAfterSave = typedKey !== '' || (options.hasApiKey && !draft.forgetKey);
  const missingKey = KEY_REQUIRED_KINDS.has(draft.kind) && !keyAfterSave;
  return { ok: true, assistant, apiKey, origin: new URL(assistant.baseUrl).origin, missingKey };
}
