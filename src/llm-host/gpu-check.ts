/**
 * What this browser's WebGPU can do, asked once before anything is loaded: web-llm would find out only
 * after fetching and instantiating the model library, and with errors less precise than these.
 */
import type { AdapterCapabilities, ModelRecordLike } from '../providers/webllm/catalog';
import { needsShaderF16 } from '../providers/webllm/catalog';

interface GpuAdapterLike {
  features: { has(name: string): boolean };
  limits: { maxBufferSize: number; maxStorageBufferBindingSize: number };
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean };
}

interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

export async function adapterCapabilities(navigatorLike: { gpu?: unknown }): Promise<AdapterCapabilities> {
  const none: AdapterCapabilities = { webgpu: false, adapter: false, shaderF16: false, maxBufferSize: 0, maxStorageBufferBindingSize: 0, isFallbackAdapter: false };
  const gpu = navigatorLike.gpu as GpuLike | undefined;
  if (!gpu || typeof gpu.requestAdapter !== 'function') return none;
  let adapter: GpuAdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null;
  }
  if (!adapter) return { ...none, webgpu: true };
  return {
    webgpu: true,
    adapter: true,
    shaderF16: adapter.features.has('shader-f16'),
    maxBufferSize: adapter.limits.maxBufferSize,
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    isFallbackAdapter: adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false,
  };
}

/** Throws the error web-llm would throw for this model on this adapter (same names, same words). */
export function assertCanRun(record: ModelRecordLike, capabilities: AdapterCapabilities): void {
  if (!capabilities.webgpu) {
    throw Object.assign(new Error('WebGPU is not supported in your current environment, but it is necessary to run the WebLLM engine.'), {
      name: 'WebGPUNotAvailableError',
    });
  }
  if (!capabilities.adapter) {
    throw Object.assign(new Error("Unable to find a compatible GPU. This issue might be because your computer doesn't have a GPU, or your system settings are not configured properly."), {
      name: 'NoCompatibleGPUError',
    });
  }
  if (needsShaderF16(record) && !capabilities.shaderF16) {
    throw Object.assign(new Error('This model requires WebGPU extension shader-f16, which is not enabled in this browser.'), {
      name: 'ShaderF16SupportError',
    });
  }
}
