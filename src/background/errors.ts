/**
 * Turns whatever went wrong into what the user reads: one sentence of what happened, one of what
 * to do. Provider errors already carry both; anything else becomes a generic, honest message.
 *
 * Both sentences are worded (src/shared/wording.ts): the interface shows them in the user's language,
 * and `message`/`hint` keep the English text for logs and for contexts without a catalogue.
 */
import type { ErrorKind, UserFacingError } from '../shared/errors';
import { englishOf, wording, wordingOf, type WordedText } from '../shared/wording';
import { ProviderError } from '../providers/types';

const RETRYABLE: ReadonlySet<ErrorKind> = new Set(['rate-limit', 'network', 'timeout', 'server', 'interrupted', 'adapter']);

const DEFAULT_HINTS: Partial<Record<ErrorKind, WordedText>> = {
  auth: wording('error_hintAuth'),
  'rate-limit': wording('error_hintRateLimit'),
  quota: wording('error_hintQuota'),
  network: wording('error_hintNetwork'),
  timeout: wording('error_hintTimeout'),
  server: wording('error_hintServer'),
  model: wording('error_hintModel'),
  context: wording('error_hintContext'),
  protocol: wording('error_hintProtocol'),
  config: wording('error_hintConfig'),
};

export class BackgroundError extends Error {
  constructor(readonly userError: UserFacingError) {
    super(userError.message);
  }
}

/**
 * A failure the user reads. Pass `wording('error_…', …)` for both sentences; a plain string is shown
 * as it is in every language (kept for text that is not ours, such as a content script's own error).
 */
export function userError(kind: ErrorKind, message: WordedText | string, hint?: WordedText | string): UserFacingError {
  const chosenHint = hint ?? DEFAULT_HINTS[kind];
  const error: UserFacingError = { kind, message: englishOf(message), hint: englishOf(chosenHint), retryable: RETRYABLE.has(kind) };
  const messageWording = wordingOf(message);
  const hintWording = wordingOf(chosenHint);
  if (messageWording) error.messageWording = messageWording;
  if (hintWording) error.hintWording = hintWording;
  return error;
}

export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof BackgroundError) return error.userError;
  if (error instanceof ProviderError) {
    return userError(error.kind, error.messageWording ?? error.message, error.hintWording ?? error.details.hint);
  }
  const message = error instanceof Error ? error.message : String(error);
  return userError('server', wording('error_unexpected', message), wording('error_unexpectedHint'));
}
