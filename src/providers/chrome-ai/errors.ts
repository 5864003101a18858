/**
 * What the Prompt API's states and errors mean to the user. Chrome throws DOMExceptions, recognised
 * by name: NotAllowedError (no user gesture for a download, or blocked by policy), NotSupportedError,
 * QuotaExceededError (the input is too long for the session), OperationError, InvalidStateError.
 */
import { wording } from '../../shared/wording';
import { ProviderError } from '../types';
import type { LanguageModelAvailability } from './language-model-api';

export function unavailableError(reason: 'no-api' | 'unavailable'): ProviderError {
  return new ProviderError(
    'webgpu',
    reason === 'no-api' ? wording('error_chromeAiMissing') : wording('error_chromeAiUnavailable'),
    {
      code: reason === 'no-api' ? 'prompt-api-missing' : 'prompt-api-unavailable',
      hint: wording('error_chromeAiUnavailableHint'),
    },
  );
}

/** A model that exists for this device but is not on it yet: the download starts from Aside's options. */
export function notDownloadedError(state: Exclude<LanguageModelAvailability, 'available' | 'unavailable'>): ProviderError {
  return new ProviderError(
    'model',
    state === 'downloading' ? wording('error_chromeAiDownloading') : wording('error_chromeAiNotDownloaded'),
    {
      code: `prompt-api-${state}`,
      hint: state === 'downloading' ? wording('error_chromeAiDownloadingHint') : wording('error_chromeAiNotDownloadedHint'),
    },
  );
}

export function describeChromeAIError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name ?? '') : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return new ProviderError('context', wording('error_chromeAiTooLong'), {
      hint: wording('error_chromeAiTooLongHint'),
    });
  }
  if (name === 'NotAllowedError') {
    return new ProviderError('permission', wording('error_chromeAiRefused'), {
      providerMessage: message.slice(0, 300),
      hint: wording('error_chromeAiRefusedHint'),
    });
  }
  if (name === 'NotSupportedError') return unavailableError('unavailable');
  return new ProviderError('server', wording('error_chromeAiFailed', message.slice(0, 300)), {
    providerMessage: message.slice(0, 300),
    hint: wording('error_chromeAiFailedHint'),
  });
}
