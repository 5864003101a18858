/**
 * The model picker's list: web-llm's prebuilt model records, described for a person (size, expected
 * quality) and checked against what this computer's graphics adapter can do. Pure: the engine host
 * passes in the records and the adapter's capabilities, so the rule is tested without a GPU.
 */

/** The fields of web-llm's ModelRecord the picker reads. */
export interface ModelRecordLike {
  model: string;
  model_id: string;
  model_lib: string;
  vram_required_MB?: number;
  low_resource_required?: boolean;
  buffer_size_required_bytes?: number;
  required_features?: string[];
  model_type?: number;
}

/** What the engine host learned from navigator.gpu. `null`: no adapter at all (or no WebGPU). */
export interface AdapterCapabilities {
  webgpu: boolean;
  adapter: boolean;
  shaderF16: boolean;
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  isFallbackAdapter: boolean;
}

export type ModelQuality = 'basic' | 'good' | 'better' | 'best';

export interface LocalModelEntry {
  id: string;
  /** Graphics memory the model needs, in MB (web-llm's estimate). */
  vramMB: number | null;
  /** Billions of parameters, read from the id; null when the id does not say. */
  parametersB: number | null;
  quality: ModelQuality;
  /** Empty when the model can run on this adapter; otherwise why not, one sentence. */
  unsupportedReason: string;
  lowResource: boolean;
}

/** Reads "1B", "0.5B", "135M", "3.8B" from a model id. */
export function parametersFromId(id: string): number | null {
  const match = /(?:^|[-_])(\d+(?:\.\d+)?)([BM])(?=[-_])/i.exec(id);
  if (!match) return null;
  const value = Number(match[1]);
  return match[2]?.toUpperCase() === 'M' ? value / 1000 : value;
}

/** A rough, honest guide: bigger models answer better, and chat needs at least ~1B parameters. */
export function qualityFor(parametersB: number | null): ModelQuality {
  if (parametersB === null) return 'good';
  if (parametersB < 1) return 'basic';
  if (parametersB < 3) return 'good';
  if (parametersB < 7) return 'better';
  return 'best';
}

/** True for records whose quantisation computes in 16-bit floats (q4f16, q0f16): they need shader-f16. */
export function needsShaderF16(record: ModelRecordLike): boolean {
  return (record.required_features ?? []).includes('shader-f16') || /[_-]q\d+f16/i.test(record.model_id);
}

export function unsupportedReason(record: ModelRecordLike, adapter: AdapterCapabilities): string {
  if (!adapter.webgpu) return 'This browser has no WebGPU.';
  if (!adapter.adapter) return 'WebGPU found no usable graphics adapter.';
  if (needsShaderF16(record) && !adapter.shaderF16) return 'Needs 16-bit float shaders (shader-f16), which this adapter lacks.';
  if (record.buffer_size_required_bytes !== undefined && record.buffer_size_required_bytes > adapter.maxStorageBufferBindingSize) {
    return 'Needs larger GPU buffers than this adapter allows.';
  }
  return '';
}

/** Chat models only (no embedding models), smallest first, each checked against the adapter. */
export function describeModels(records: readonly ModelRecordLike[], adapter: AdapterCapabilities): LocalModelEntry[] {
  return records
    .filter((record) => record.model_type === undefined || record.model_type === 0)
    .map((record): LocalModelEntry => {
      const parametersB = parametersFromId(record.model_id);
      return {
        id: record.model_id,
        vramMB: typeof record.vram_required_MB === 'number' ? Math.round(record.vram_required_MB) : null,
        parametersB,
        quality: qualityFor(parametersB),
        unsupportedReason: unsupportedReason(record, adapter),
        lowResource: record.low_resource_required === true,
      };
    })
    .sort((a, b) => (a.vramMB ?? Infinity) - (b.vramMB ?? Infinity) || a.id.localeCompare(b.id));
}
