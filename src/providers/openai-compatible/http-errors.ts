/**
 * Maps an HTTP error response from an OpenAI-compatible server to a ProviderError with a message that
 * says what happened and a hint that says what to do. Status codes carry most of the meaning; the body
 * refines it where servers agree (`context_length_exceeded`, `insufficient_quota`, `model_not_found`).
 */
import { ProviderError, type ProviderErrorDetails } from '../types';
import type { Endpoint } from '../shared/endpoint';
import { parseErrorBody, type ErrorBody } from '../shared/error-body';
import { cleanProviderMessage } from '../shared/redact';
import { parseRetryAfterMs } from '../shared/retry-after';
import { ollamaOriginsHint, ollamaOriginsValue } from '../ollama/origins';

export interface HttpErrorContext {
  endpoint: Endpoint;
  model: string;
  /** Used to know whether to ask for a key, and to mask it if the server echoes it. */
  apiKey?: string;
  extensionOrigin?: string;
}

const OLLAMA_DEFAULT_PORT = '11434';
const CONTEXT_TOO_LONG = /context[ _-]?length|context window|maximum context|too many tokens|prompt is too long|reduce the length/i;
const OUT_OF_QUOTA = /insufficient[ _-]?quota|exceeded your current quota|out of credits|insufficient credits/i;

export function describeHttpError(
  status: number,
  headers: Headers,
  bodyText: string,
  context: HttpErrorContext,
): ProviderError {
  const body = parseErrorBody(bodyText);
  const providerMessage = body.message ? cleanProviderMessage(body.message, context.apiKey) : undefined;
  const retryAfterMs = parseRetryAfterMs(headers);
  const base: ProviderErrorDetails = { status };
  if (providerMessage) base.providerMessage = providerMessage;
  if (body.code) base.code = body.code;
  if (retryAfterMs !== undefined) base.retryAfterMs = retryAfterMs;
  const { endpoint, model } = context;
  const quoted = providerMessage ? `: ${providerMessage}` : '.';

  if (isContextTooLong(status, body)) {
    return new ProviderError('context', `The conversation is too long for the model “${model}”.`, {
      ...base,
      hint: 'Include fewer messages, or choose a model with a larger context window.',
    });
  }
  if (isOutOfQuota(status, body)) {
    return new ProviderError('quota', `The account at ${endpoint.host} has no credits or quota left.`, {
      ...base,
      hint: 'Add credits or raise the spending limit with the provider, or choose another assistant.',
    });
  }

  switch (status) {
    case 401:
      return new ProviderError(
        'auth',
        context.apiKey?.trim() ? `The API key was rejected by ${endpoint.host}.` : `${endpoint.host} requires an API key.`,
        {
          ...base,
          hint: context.apiKey?.trim()
            ? 'Check the API key in the assistant settings: it may be mistyped, revoked, or meant for another provider.'
            : 'Add the API key in the assistant settings.',
        },
      );
    case 403:
      return describeForbidden(body, base, context);
    case 404:
      return describeNotFound(body, base, context);
    case 408:
      return new ProviderError('timeout', `${endpoint.host} gave up waiting for the model (HTTP 408).`, {
        ...base,
        hint: 'Try again in a moment.',
      });
    case 429:
      return new ProviderError('rate-limit', `${endpoint.host} is limiting how fast requests can be made.`, {
        ...base,
        hint:
          retryAfterMs !== undefined
            ? `Try again in ${formatWait(retryAfterMs)}.`
            : 'Wait a moment and try again.',
      });
  }

  if (status >= 500) {
    return new ProviderError('server', `${endpoint.host} had a problem answering (HTTP ${status})${quoted}`, {
      ...base,
      hint: 'This is on the provider’s side; try again in a moment.',
    });
  }
  if (status === 400 || status === 422) {
    return new ProviderError('config', `${endpoint.host} rejected the request${quoted}`, {
      ...base,
      hint: `Check the model name “${model}” and the base URL in the assistant settings.`,
    });
  }
  return new ProviderError('config', `${endpoint.host} answered with HTTP ${status}${quoted}`, {
    ...base,
    hint: 'Check the base URL in the assistant settings (OpenAI-compatible APIs usually end in /v1).',
  });
}

export { ollamaOriginsValue };

function describeForbidden(body: ErrorBody, base: ProviderErrorDetails, context: HttpErrorContext): ProviderError {
  const { endpoint, model } = context;
  const isOllama = endpoint.port === OLLAMA_DEFAULT_PORT;
  // Ollama refuses an unlisted Origin with 403 and no body at all; Chrome sends our origin on every POST.
  if (isOllama || body.empty) {
    const setting = `OLLAMA_ORIGINS=${ollamaOriginsValue(context.extensionOrigin)}`;
    return new ProviderError('auth', `${endpoint.host} refused requests from this extension.`, {
      ...base,
      code: 'origin_rejected',
      hint: isOllama
        ? ollamaOriginsHint(context.extensionOrigin)
        : `If this server is Ollama, set ${setting} and restart it; other servers need this extension’s origin allowed in their CORS settings.`,
    });
  }
  return new ProviderError('auth', `${endpoint.host} denied access${base.providerMessage ? `: ${base.providerMessage}` : '.'}`, {
    ...base,
    hint: `Check that the API key may use the model “${model}”, or choose another model.`,
  });
}

function describeNotFound(body: ErrorBody, base: ProviderErrorDetails, context: HttpErrorContext): ProviderError {
  const { endpoint, model } = context;
  // A JSON error means the API exists and the model does not; anything else means a wrong base URL.
  const looksLikeApiError = body.code !== undefined || body.type !== undefined || /model/i.test(body.message ?? '');
  if (!looksLikeApiError) {
    return new ProviderError('config', `Nothing at ${endpoint.origin} answers OpenAI-compatible requests.`, {
      ...base,
      code: base.code ?? 'endpoint_not_found',
      hint: 'Check the base URL in the assistant settings; OpenAI-compatible APIs usually end in /v1.',
    });
  }
  const pullHint = endpoint.port === OLLAMA_DEFAULT_PORT ? ` or run “ollama pull ${model}”` : '';
  return new ProviderError('model', `The model “${model}” was not found at ${endpoint.host}.`, {
    ...base,
    hint: `Pick a model from the list in the assistant settings${pullHint}.`,
  });
}

function isContextTooLong(status: number, body: ErrorBody): boolean {
  if (status === 413) return true;
  if (status !== 400 && status !== 422) return false;
  return body.code === 'context_length_exceeded' || CONTEXT_TOO_LONG.test(body.message ?? '');
}

function isOutOfQuota(status: number, body: ErrorBody): boolean {
  if (status === 402) return true;
  if (status !== 429 && status !== 403) return false;
  return body.code === 'insufficient_quota' || body.type === 'insufficient_quota' || OUT_OF_QUOTA.test(body.message ?? '');
}

function formatWait(milliseconds: number): string {
  if (milliseconds < 1000) return 'a second';
  const seconds = Math.ceil(milliseconds / 1000);
  if (seconds < 120) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
