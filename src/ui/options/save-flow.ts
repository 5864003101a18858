import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import type { AssistantView } from '../../shared/settings';
import type { UserFacingError } from '../../shared/errors';
import { validateDraft, type FieldErrors, type FormDraft } from './form-draft';
import type { OptionsHost } from './options-host';
import { IN_BROWSER_KINDS } from './presets';

export type SaveOutcome =
  | {
      ok: true;
      assistant: AssistantView;
      origin: string;
      /** Settles when the user answers the browser's prompt (which may stay open a while). */
      originGranted: Promise<boolean>;
      /** The service needs a key and none is stored. */
      missingKey: boolean;
    }
  | { ok: false; fieldErrors: FieldErrors; error: UserFacingError | null };

/** Asks for the origin now (inside the gesture) and reports whether it was granted, never throwing. */
export function askForOrigin(host: OptionsHost, origin: string): Promise<boolean> {
  let asking: Promise<boolean>;
  try {
    asking = host.requestOrigin(origin);
  } catch {
    return Promise.resolve(false);
  }
  return asking.then(
    (granted) => granted === true,
    () => false,
  );
}

/**
 * Saves the form. Call it straight from the click handler: it validates and asks the browser for
 * the provider's origin synchronously, while the click still counts as a user gesture, before the
 * background is called. The save does not wait for the user's answer to the prompt, and a refusal
 * does not stop it: the caller reports the answer when it comes. In-browser models reach no server, so
 * there is no origin to ask for.
 */
export function saveDraft(api: UiApi, host: OptionsHost, draft: FormDraft, hasApiKey: boolean): Promise<SaveOutcome> {
  const checked = validateDraft(draft, { hasApiKey, newId: host.newId });
  if (!checked.ok) return Promise.resolve({ ok: false, fieldErrors: checked.errors, error: null });
  const permission = IN_BROWSER_KINDS.has(draft.kind) ? Promise.resolve(true) : askForOrigin(host, checked.origin);

  return (async (): Promise<SaveOutcome> => {
    try {
      const payload = checked.apiKey === undefined ? { assistant: checked.assistant } : { assistant: checked.assistant, apiKey: checked.apiKey };
      const { assistant } = await api.request('ui->background:save-assistant', payload);
      return { ok: true, assistant, origin: checked.origin, originGranted: permission, missingKey: checked.missingKey };
    } catch (cause) {
      return { ok: false, fieldErrors: {}, error: toUserFacingError(cause) };
    }
  })();
}
