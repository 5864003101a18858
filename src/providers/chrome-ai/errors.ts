/**
 * What the Prompt API's states and errors mean to the user. Chrome throws DOMExceptions, recognised
 * by name: NotAllowedError (no user gesture for a download, or blocked by policy), NotSupportedError,
 * QuotaExceededError (the input is too long for the session), OperationError, InvalidStateError.
 */
import { ProviderError } from '../types';
import type { LanguageModelAvailability } from './language-model-api';

const ALTERNATIVES = 'Choose another assistant in Aside’s options: WebLLM in the browser, Ollama or LM Studio on this computer, or a remote API.';

export function unavailableError(reason: 'no-api' | 'unavailable'): ProviderError {
  return new ProviderError(
    'webgpu',
    reason === 'no-api'
      ? 'This browser has no built-in model (Chrome’s Prompt API is missing).'
      : 'Chrome’s built-in model cannot run on this device.',
    {
      code: reason === 'no-api' ? 'prompt-api-missing' : 'prompt-api-unavailable',
      hint: `It needs desktop Chrome 138 or later with enough memory and disk space (see chrome://on-device-internals). ${ALTERNATIVES}`,
    },
  );
}

/** A model that exists for this device but is not on it yet: the download starts from Aside's options. */
export function notDownloadedError(state: Exclude<LanguageModelAvailability, 'available' | 'unavailable'>): ProviderError {
  return new ProviderError(
    'model',
    state === 'downloading' ? 'Chrome is still downloading its built-in model.' : 'Chrome’s built-in model is not downloaded yet.',
    {
      code: `prompt-api-${state}`,
      hint:
        state === 'downloading'
          ? 'Wait until the download finishes (Aside’s options show its progress), then press Retry.'
          : 'Open Aside’s options, pick Chrome’s built-in model and press Download, then press Retry.',
    },
  );
}

export function describeChromeAIError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name ?? '') : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return new ProviderError('context', 'The conversation is too long for Chrome’s built-in model.', {
      hint: 'Include fewer messages, or choose an assistant with a larger context window.',
    });
  }
  if (name === 'NotAllowedError') {
    return new ProviderError('permission', 'Chrome refused to start its built-in model.', {
      providerMessage: message.slice(0, 300),
      hint: 'Start the download from Aside’s options (it needs a click), or check that no browser policy turns the model off.',
    });
  }
  if (name === 'NotSupportedError') return unavailableError('unavailable');
  return new ProviderError('server', `Chrome’s built-in model failed: ${message.slice(0, 300)}`, {
    providerMessage: message.slice(0, 300),
    hint: 'Press Retry. If it keeps happening, restart Chrome.',
  });
}
