/**
 * What web-llm's failures mean to the user. Errors arrive by name and message (they cross a message
 * channel from the engine host), so each is recognised that way. Every message says what happened and
 * what to do instead: in-browser models need WebGPU, and a machine without it can still use Chrome's
 * built-in model, Ollama, or a remote API.
 */
import { wording } from '../../shared/wording';
import { ProviderError } from '../types';
import type { EngineErrorData } from './engine';

/** The other ways to get an assistant when this browser cannot run the model itself. */
export const LOCAL_ALTERNATIVES_HINT = wording('error_localAlternativesHint');

/** The host model files come from; undefined when the failure did not say (the message then names no host). */
function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Reads the name, message and download details of anything thrown. */
export function engineErrorData(error: unknown): EngineErrorData {
  if (typeof error === 'object' && error !== null) {
    const record = error as Partial<EngineErrorData>;
    const data: EngineErrorData = {
      name: typeof record.name === 'string' ? record.name : 'Error',
      message: typeof record.message === 'string' ? record.message : String(error),
    };
    if (typeof record.status === 'number') data.status = record.status;
    if (typeof record.url === 'string') data.url = record.url;
    return data;
  }
  return { name: 'Error', message: String(error) };
}

/** Maps a failure of the engine or of a model download to the ProviderError the user reads. */
export function describeWebLLMError(error: unknown, model: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const { name, message, status, url } = engineErrorData(error);
  const host = hostOf(url);
  const text = `${name}: ${message}`;

  if (name === 'WebGPUNotAvailableError' || name === 'WebGPUNotFoundError' || /WebGPU is not supported|Cannot find WebGPU/i.test(text)) {
    return new ProviderError('webgpu', wording('error_webgpuMissing'), {
      code: 'webgpu-missing',
      hint: LOCAL_ALTERNATIVES_HINT,
    });
  }
  if (name === 'NoCompatibleGPUError' || /Unable to find a compatible GPU/i.test(message)) {
    return new ProviderError('webgpu', wording('error_webgpuNoAdapter'), {
      code: 'no-adapter',
      hint: wording('error_webgpuNoAdapterHint'),
    });
  }
  if (name === 'ShaderF16SupportError' || /shader-f16/i.test(message)) {
    return new ProviderError('webgpu', wording('error_webgpuNoShaderF16', model), {
      code: 'no-shader-f16',
      hint: wording('error_webgpuNoShaderF16Hint'),
    });
  }
  if (name === 'FeatureSupportError') {
    return new ProviderError('webgpu', wording('error_webgpuMissingFeature', model), {
      code: 'missing-feature',
      hint: LOCAL_ALTERNATIVES_HINT,
    });
  }
  if (name === 'DeviceLostError' || /device was lost/i.test(message)) {
    return new ProviderError('webgpu', wording('error_webgpuDeviceLost'), {
      code: 'device-lost',
      hint: wording('error_webgpuDeviceLostHint'),
    });
  }
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return new ProviderError('quota', wording('error_storageQuota'), {
      code: 'storage-quota',
      hint: wording('error_storageQuotaHint'),
    });
  }
  if (name === 'ModelNotFoundError' || name === 'SpecifiedModelNotFoundError' || /Cannot find model record/i.test(message)) {
    return new ProviderError('model', wording('error_webllmUnknownModel', model), {
      hint: wording('error_webllmUnknownModelHint'),
    });
  }
  if (name === 'ModelNotDownloadedError') {
    return new ProviderError('model', wording('error_webllmNotDownloaded', model), {
      hint: wording('error_webllmNotDownloadedHint'),
    });
  }
  if (name === 'ContextWindowSizeExceededError' || /context window size/i.test(message)) {
    return new ProviderError('context', wording('error_contextTooLong', model), {
      hint: wording('error_contextTooLongHint'),
    });
  }
  if (name === 'DownloadBlockedError') {
    // The download guard refused an address outside the model's own origins (src/llm-host/download-guard.ts).
    // The origin, as the egress log shows it.
    const origin = host && url ? new URL(url).origin : 'an invalid address';
    return new ProviderError('config', wording('error_modelFileBlocked', origin), {
      code: 'download-blocked',
      hint: wording('error_modelFileBlockedHint'),
    });
  }
  if (name === 'DownloadHttpError' && status !== undefined) {
    if (status === 404 || status === 401 || status === 403) {
      return new ProviderError('model', host ? wording('error_modelFileMissing', model, host, status) : wording('error_modelFileMissingUnknownSource', model, status), {
        status,
        hint: wording('error_modelFileMissingHint'),
      });
    }
    return new ProviderError('server', host ? wording('error_modelFileFailed', host, status) : wording('error_modelFileFailedUnknownSource', status), {
      status,
      hint: wording('error_modelFileFailedHint'),
    });
  }
  if (name === 'TypeError' && /fetch|network|load failed/i.test(message)) {
    return new ProviderError('network', host ? wording('error_modelDownloadUnreachable', host) : wording('error_modelDownloadUnreachableUnknownSource'), {
      hint: wording('error_modelDownloadUnreachableHint'),
    });
  }
  if (name === 'CompileError' || /WebAssembly/i.test(message)) {
    return new ProviderError('webgpu', wording('error_modelLibrary', model), {
      code: 'model-library',
      providerMessage: message.slice(0, 300),
      hint: wording('error_modelLibraryHint'),
    });
  }
  return new ProviderError('server', wording('error_webllmFailed', message.slice(0, 300)), {
    providerMessage: message.slice(0, 300),
    hint: wording('error_webllmFailedHint'),
  });
}
