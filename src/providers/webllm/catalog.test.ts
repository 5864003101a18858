// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeModels, parametersFromId, type AdapterCapabilities, type ModelRecordLike } from './catalog';

const record = (model_id: string, extra: Partial<ModelRecordLike> = {}): ModelRecordLike => ({
  model: `https://huggingface.co/mlc-ai/${model_id}`,
  model_id,
  model_lib: `https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/${model_id}.wasm`,
  ...extra,
});

const GOOD_GPU: AdapterCapabilities = { webgpu: true, adapter: true, shaderF16: true, maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 30, isFallbackAdapter: false };
const SWIFTSHADER: AdapterCapabilities = { ...GOOD_GPU, shaderF16: false, maxBufferSize: 2 ** 28, maxStorageBufferBindingSize: 2 ** 27, isFallbackAdapter: true };

const RECORDS = [
  record('Llama-3.2-3B-Instruct-q4f16_1-MLC', { vram_required_MB: 2263.69 }),
  record('Llama-3.2-1B-Instruct-q4f32_1-MLC', { vram_required_MB: 1128.82, low_resource_required: true }),
  record('SmolLM2-135M-Instruct-q0f16-MLC', { vram_required_MB: 359.69, required_features: ['shader-f16'] }),
  record('snowflake-arctic-embed-m-q0f32-MLC-b4', { vram_required_MB: 100, model_type: 1 }),
];

describe('the model picker’s list', () => {
  it('reads the parameter count from the id', () => {
    expect(parametersFromId('Llama-3.2-1B-Instruct-q4f32_1-MLC')).toBe(1);
    expect(parametersFromId('SmolLM2-135M-Instruct-q0f16-MLC')).toBe(0.135);
    expect(parametersFromId('Qwen2.5-0.5B-Instruct-q4f16_1-MLC')).toBe(0.5);
    expect(parametersFromId('gemma-2-2b-it-q4f16_1-MLC')).toBe(2);
  });

  it('lists chat models smallest first, with size and expected quality, all runnable on a good GPU', () => {
    const list = describeModels(RECORDS, GOOD_GPU);
    expect(list.map((entry) => [entry.id, entry.vramMB, entry.quality, entry.unsupportedReason])).toEqual([
      ['SmolLM2-135M-Instruct-q0f16-MLC', 360, 'basic', ''],
      ['Llama-3.2-1B-Instruct-q4f32_1-MLC', 1129, 'good', ''],
      ['Llama-3.2-3B-Instruct-q4f16_1-MLC', 2264, 'better', ''],
    ]);
  });

  it('marks 16-bit-float models unsupported on an adapter without shader-f16 (SwiftShader), even when the record omits it', () => {
    const reasons = Object.fromEntries(describeModels(RECORDS, SWIFTSHADER).map((entry) => [entry.id, entry.unsupportedReason]));
    expect(reasons['Llama-3.2-1B-Instruct-q4f32_1-MLC']).toBe('');
    expect(reasons['SmolLM2-135M-Instruct-q0f16-MLC']).toMatch(/shader-f16/);
    expect(reasons['Llama-3.2-3B-Instruct-q4f16_1-MLC']).toMatch(/shader-f16/);
  });

  it('says why nothing runs without an adapter or without WebGPU', () => {
    expect(describeModels(RECORDS, { ...GOOD_GPU, adapter: false })[0]?.unsupportedReason).toMatch(/no usable graphics adapter/);
    expect(describeModels(RECORDS, { ...GOOD_GPU, webgpu: false, adapter: false })[0]?.unsupportedReason).toMatch(/no WebGPU/);
  });

  it('flags a model whose buffers exceed the adapter’s limit', () => {
    const [entry] = describeModels([record('Big-7B-q4f32_1-MLC', { buffer_size_required_bytes: 2 ** 30 })], SWIFTSHADER);
    expect(entry?.unsupportedReason).toMatch(/larger GPU buffers/);
  });
});
