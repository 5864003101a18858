import * as v from 'valibot';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import { AssistantSchema } from '../../shared/settings';
import type { UserFacingError } from '../../shared/errors';
import type { FieldErrors, FormDraft } from './form-draft';
import type { OptionsHost } from './options-host';
import { ENABLED_KINDS } from './presets';
import { askForOrigin } from './save-flow';
import { t } from '../i18n';

export type ModelListOutcome =
  | { ok: true; models: string[] }
  | { ok: false; error: UserFacingError | null; fieldErrors: FieldErrors };

/**
 * Asks the background for the models the draft's server offers. Call it straight from the click
 * handler: like saving, it asks the browser for the server's origin synchronously, inside the user
 * gesture, and waits for the answer, since the background can reach only origins it was granted.
 *
 * The key sent is the one typed in the form. Without one, `savedId` lets the background use the saved
 * assistant's key, which it does only while the address stays on that assistant's origin; with
 * "Forget the saved key" ticked, no key is used at all.
 */
export function loadModelList(api: UiApi, host: OptionsHost, draft: FormDraft, savedId: string | null): Promise<ModelListOutcome> {
  if (!ENABLED_KINDS.has(draft.kind)) {
    return Promise.resolve({ ok: false, error: null, fieldErrors: { kind: t('options_kindComingSoonError') } });
  }
  const baseUrl = v.safeParse(AssistantSchema.entries.baseUrl, draft.baseUrl);
  if (!baseUrl.success) {
    return Promise.resolve({ ok: false, error: null, fieldErrors: { baseUrl: baseUrl.issues[0]?.message ?? t('options_baseUrlInvalid') } });
  }
  const permission = askForOrigin(host, new URL(baseUrl.output).origin);

  return (async (): Promise<ModelListOutcome> => {
    await permission;
    const typedKey = draft.apiKey.trim();
    const payload = {
      kind: draft.kind,
      baseUrl: baseUrl.output,
      ...(typedKey !== '' ? { apiKey: typedKey } : {}),
      ...(savedId !== null && typedKey === '' && !draft.forgetKey ? { assistantId: savedId } : {}),
    };
    try {
      const answer = await api.request('ui->background:list-models', payload);
      return answer.ok ? { ok: true, models: answer.models } : { ok: false, error: answer.error, fieldErrors: {} };
    } catch (cause) {
      return { ok: false, error: toUserFacingError(cause), fieldErrors: {} };
    }
  })();
}
