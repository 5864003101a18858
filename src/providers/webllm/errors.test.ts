// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeWebLLMError } from './errors';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('web-llm failures, as the user reads them', () => {
  const cases: Array<[string, unknown, { kind: string; code?: string; message: RegExp; hint: RegExp }]> = [
    [
      'no navigator.gpu (WebGPUNotAvailableError)',
      named('WebGPUNotAvailableError', 'WebGPU is not supported in your current environment, but it is necessary to run the WebLLM engine.'),
      { kind: 'webgpu', code: 'webgpu-missing', message: /does not offer WebGPU/, hint: /Chrome’s built-in model.*Ollama.*remote API/ },
    ],
    [
      'requestAdapter() returned null',
      new Error("Unable to find a compatible GPU. This issue might be because your computer doesn't have a GPU"),
      { kind: 'webgpu', code: 'no-adapter', message: /no usable graphics adapter/, hint: /hardware acceleration.*Ollama/ },
    ],
    [
      'a q4f16 model without shader-f16 (ShaderF16SupportError)',
      named('ShaderF16SupportError', 'This model requires WebGPU extension shader-f16, which is not enabled in this browser.'),
      { kind: 'webgpu', code: 'no-shader-f16', message: /shader-f16/, hint: /q4f32/ },
    ],
    [
      'DeviceLostError',
      named('DeviceLostError', 'The WebGPU device was lost while loading the model.'),
      { kind: 'webgpu', code: 'device-lost', message: /ran out of memory/, hint: /smaller model/ },
    ],
    [
      'a fetch failure',
      Object.assign(new TypeError('Failed to fetch'), { url: 'https://huggingface.co/mlc-ai/x/resolve/main/mlc-chat-config.json' }),
      { kind: 'network', message: /could not be downloaded from huggingface\.co/, hint: /Retry/ },
    ],
    [
      'QuotaExceededError while caching',
      named('QuotaExceededError', 'The quota has been exceeded.'),
      { kind: 'quota', code: 'storage-quota', message: /not enough storage/i, hint: /delete downloaded models/ },
    ],
    [
      'a 404 on a model file',
      { name: 'DownloadHttpError', message: 'HTTP 404', status: 404, url: 'https://huggingface.co/x/params_shard_0.bin' },
      { kind: 'model', message: /not found at huggingface\.co \(HTTP 404\)/, hint: /another model/ },
    ],
    [
      'a 500 on a model file',
      { name: 'DownloadHttpError', message: 'HTTP 500', status: 500, url: 'https://huggingface.co/x/params_shard_0.bin' },
      { kind: 'server', message: /huggingface\.co failed to send a model file \(HTTP 500\)/, hint: /Retry.*finished files are kept/ },
    ],
  ];
  for (const [what, error, expected] of cases) {
    it(`${what}: ${expected.kind}`, () => {
      const mapped = describeWebLLMError(error, 'Llama-3.2-1B-Instruct-q4f16_1-MLC');
      expect(mapped.kind).toBe(expected.kind);
      if (expected.code) expect(mapped.details.code).toBe(expected.code);
      expect(mapped.message).toMatch(expected.message);
      expect(mapped.details.hint).toMatch(expected.hint);
    });
  }

  it('a file request the download guard refused names the address, and is not retried', () => {
    const blocked = Object.assign(named('DownloadBlockedError', 'Aside blocked a model file request to https://evil.example'), {
      url: 'https://evil.example/shard.bin',
    });
    const error = describeWebLLMError(blocked, 'Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(error.kind).toBe('config');
    expect(error.details.code).toBe('download-blocked');
    expect(error.message).toBe('Aside blocked a model file request to https://evil.example, which is not where this model’s files come from.');
    expect(error.details.hint).toMatch(/Delete the model/);
  });

  it('anything else is a server error that quotes the engine’s words', () => {
    const mapped = describeWebLLMError(new Error('tokenizer exploded'), 'm');
    expect(mapped.kind).toBe('server');
    expect(mapped.message).toContain('tokenizer exploded');
  });
});
