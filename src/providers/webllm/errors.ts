/**
 * What web-llm's failures mean to the user. Errors arrive by name and message (they cross a message
 * channel from the engine host), so each is recognised that way. Every message says what happened and
 * what to do instead: in-browser models need WebGPU, and a machine without it can still use Chrome's
 * built-in model, Ollama, or a remote API.
 */
import { ProviderError } from '../types';
import type { EngineErrorData } from './engine';

/** The other ways to get an assistant when this browser cannot run the model itself. */
export const LOCAL_ALTERNATIVES_HINT =
  'Choose another assistant in Aside’s options: Chrome’s built-in model (Chrome only), Ollama or LM Studio on this computer, or a remote API.';

function hostOf(url: string | undefined): string {
  if (!url) return 'the model source';
  try {
    return new URL(url).host;
  } catch {
    return 'the model source';
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
  const text = `${name}: ${message}`;

  if (name === 'WebGPUNotAvailableError' || name === 'WebGPUNotFoundError' || /WebGPU is not supported|Cannot find WebGPU/i.test(text)) {
    return new ProviderError('webgpu', 'This browser does not offer WebGPU, which in-browser models need.', {
      code: 'webgpu-missing',
      hint: LOCAL_ALTERNATIVES_HINT,
    });
  }
  if (name === 'NoCompatibleGPUError' || /Unable to find a compatible GPU/i.test(message)) {
    return new ProviderError('webgpu', 'WebGPU found no usable graphics adapter on this computer.', {
      code: 'no-adapter',
      hint: `Check that hardware acceleration is on (browser settings → System) and the graphics driver is current. ${LOCAL_ALTERNATIVES_HINT}`,
    });
  }
  if (name === 'ShaderF16SupportError' || /shader-f16/i.test(message)) {
    return new ProviderError('webgpu', `The model “${model}” needs 16-bit float shaders (shader-f16), which this graphics adapter lacks.`, {
      code: 'no-shader-f16',
      hint: `Pick a “q4f32” variant of the model in Aside’s options, or: ${LOCAL_ALTERNATIVES_HINT}`,
    });
  }
  if (name === 'FeatureSupportError') {
    return new ProviderError('webgpu', `This graphics adapter lacks a WebGPU feature the model “${model}” needs.`, {
      code: 'missing-feature',
      hint: LOCAL_ALTERNATIVES_HINT,
    });
  }
  if (name === 'DeviceLostError' || /device was lost/i.test(message)) {
    return new ProviderError('webgpu', 'The graphics device stopped while running the model, usually because it ran out of memory.', {
      code: 'device-lost',
      hint: 'Close other heavy tabs, or pick a smaller model in Aside’s options, then press Retry.',
    });
  }
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return new ProviderError('quota', 'There is not enough storage space for the model’s files.', {
      code: 'storage-quota',
      hint: 'Free disk space, or delete downloaded models you no longer use (Aside’s options → In-browser models), then retry.',
    });
  }
  if (name === 'ModelNotFoundError' || name === 'SpecifiedModelNotFoundError' || /Cannot find model record/i.test(message)) {
    return new ProviderError('model', `The in-browser model “${model}” is not in WebLLM’s model list.`, {
      hint: 'Pick a model from the list in Aside’s options.',
    });
  }
  if (name === 'ModelNotDownloadedError') {
    return new ProviderError('model', `The model “${model}” is not downloaded yet.`, {
      hint: 'Open Aside’s options and download it (In-browser models), then press Retry.',
    });
  }
  if (name === 'ContextWindowSizeExceededError' || /context window size/i.test(message)) {
    return new ProviderError('context', `The conversation is too long for the model “${model}”.`, {
      hint: 'Include fewer messages, or choose a model with a larger context window.',
    });
  }
  if (name === 'DownloadHttpError' && status !== undefined) {
    if (status === 404 || status === 401 || status === 403) {
      return new ProviderError('model', `A file of the model “${model}” was not found at ${hostOf(url)} (HTTP ${status}).`, {
        status,
        hint: 'The model may have moved; pick another model, or retry later.',
      });
    }
    return new ProviderError('server', `${hostOf(url)} failed to send a model file (HTTP ${status}).`, {
      status,
      hint: 'This is on the server’s side: press Retry in a moment; finished files are kept.',
    });
  }
  if (name === 'TypeError' && /fetch|network|load failed/i.test(message)) {
    return new ProviderError('network', `The model’s files could not be downloaded from ${hostOf(url)}.`, {
      hint: 'Check the internet connection, then press Retry; finished files are kept.',
    });
  }
  if (name === 'CompileError' || /WebAssembly/i.test(message)) {
    return new ProviderError('webgpu', `The model library of “${model}” could not be started in this browser.`, {
      code: 'model-library',
      providerMessage: message.slice(0, 300),
      hint: `Delete the model and download it again; if it keeps failing: ${LOCAL_ALTERNATIVES_HINT}`,
    });
  }
  return new ProviderError('server', `The in-browser model failed: ${message.slice(0, 300)}`, {
    providerMessage: message.slice(0, 300),
    hint: 'Press Retry. If it keeps happening, reload the extension or pick a smaller model.',
  });
}
