/**
 * Turns whatever went wrong into what the user reads: one sentence of what happened, one of what
 * to do. Provider errors already carry both; anything else becomes a generic, honest message.
 */
import type { ErrorKind, UserFacingError } from '../shared/errors';
import { ProviderError } from '../providers/types';

const RETRYABLE: ReadonlySet<ErrorKind> = new Set(['rate-limit', 'network', 'timeout', 'server', 'interrupted', 'adapter']);

const DEFAULT_HINTS: Partial<Record<ErrorKind, string>> = {
  auth: 'Check the API key in Aside’s options.',
  'rate-limit': 'Wait a moment and press Retry.',
  quota: 'Add credits or pick another assistant in the popup.',
  network: 'Check that the server is running and reachable, then press Retry.',
  timeout: 'The model may be busy or loading. Press Retry, or pick a faster model.',
  server: 'The provider had a problem. Press Retry in a moment.',
  model: 'Pick a model that exists on this server in Aside’s options.',
  context: 'The chat is too long for this model. Pick a model with a larger context.',
  protocol: 'The server does not speak the expected API. Check the base URL in Aside’s options.',
  config: 'Open Aside’s options to set up an assistant.',
};

export class BackgroundError extends Error {
  constructor(readonly userError: UserFacingError) {
    super(userError.message);
  }
}

export function userError(kind: ErrorKind, message: string, hint?: string): UserFacingError {
  return { kind, message, hint: hint ?? DEFAULT_HINTS[kind], retryable: RETRYABLE.has(kind) };
}

export function toUserFacingError(error: unknown): UserFacingError {
  if (error instanceof BackgroundError) return error.userError;
  if (error instanceof ProviderError) return userError(error.kind, error.message, error.details.hint);
  const message = error instanceof Error ? error.message : String(error);
  return userError('server', `Something went wrong: ${message}`, 'Press Retry. If it keeps happening, reload the extension.');
}
