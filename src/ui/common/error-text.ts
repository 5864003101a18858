/**
 * The words of a failure in the user's language. Errors built in the background and providers carry
 * catalogue ids (messageWording/hintWording, src/shared/wording.ts) next to their English text; this shows
 * the translation when the id is a valid errors-catalogue key the catalogue knows, else the English.
 *
 * The ids come from another context, so they are checked here, where they are used: only `error_…` keys
 * (an error cannot borrow another area's label) with at most nine short string substitutions.
 */
import * as v from 'valibot';
import { WordingSchema, type UserFacingError } from '../../shared/errors';
import { t, type MessageKey } from '../i18n';

export interface ErrorText {
  message: string;
  hint?: string;
}

export function errorText(error: UserFacingError): ErrorText {
  const message = translated(error.messageWording, error.message);
  const hint = error.hint === undefined ? undefined : translated(error.hintWording, error.hint);
  return hint ? { message, hint } : { message };
}

/** Both sentences as one line, for the short notes beside a button. */
export function errorLine(error: UserFacingError): string {
  const { message, hint } = errorText(error);
  return hint ? `${message} ${hint}` : message;
}

/** `english` in the user's language when `wording` is a valid errors-catalogue id the catalogue knows. */
export function translated(wording: unknown, english: string): string {
  const parsed = v.safeParse(WordingSchema, wording);
  if (!parsed.success) return english;
  const key = parsed.output.key as MessageKey;
  const text = t(key, ...parsed.output.args);
  // t() answers the key itself for a key the catalogue lacks (an older catalogue, a newer background).
  return text === key || text === '' ? english : text;
}
