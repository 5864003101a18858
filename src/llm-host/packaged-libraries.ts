/**
 * Model libraries shipped inside the extension package, for store builds. A model library is
 * WebAssembly, which the Chrome Web Store and AMO count as code: a store build must not fetch it from
 * GitHub. Built with ASIDE_MODEL_LIBS_DIR (see vite.config.ts), the package holds model-libs/<file>.wasm
 * and model-libs/index.json; the records of those models then point at the packaged file (web-llm fetches
 * a non-http model_lib directly, without its cache), and with `remoteAllowed: false` only they are offered.
 * Without the folder (the default build), the list is web-llm's, unchanged.
 */
import type { ModelRecordLike } from '../providers/webllm/catalog';

export interface PackagedLibraries {
  /** File names under model-libs/, e.g. "Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm". */
  files: string[];
  /** false: models whose library is not packaged are not offered (store builds). */
  remoteAllowed: boolean;
}

/** Reads model-libs/index.json; null when the package has none or it is malformed. */
export function parsePackagedLibraries(json: unknown): PackagedLibraries | null {
  if (typeof json !== 'object' || json === null) return null;
  const { files, remoteAllowed } = json as { files?: unknown; remoteAllowed?: unknown };
  if (!Array.isArray(files) || !files.every((file) => typeof file === 'string' && /^[\w.-]+\.wasm$/.test(file))) return null;
  return { files: files as string[], remoteAllowed: remoteAllowed !== false };
}

function fileNameOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

/** The model list with packaged libraries used, and (store builds) only the models that have one. */
export function withPackagedLibraries<T extends ModelRecordLike>(
  records: readonly T[],
  packaged: PackagedLibraries | null,
  packagedUrl: (file: string) => string,
): T[] {
  if (!packaged) return [...records];
  const files = new Set(packaged.files);
  return records
    .filter((record) => packaged.remoteAllowed || files.has(fileNameOf(record.model_lib)))
    .map((record) => (files.has(fileNameOf(record.model_lib)) ? { ...record, model_lib: packagedUrl(fileNameOf(record.model_lib)) } : record));
}

/** Fetches and reads the package's index; a default build has none (the fetch fails): null. */
export async function readPackagedLibraries(indexUrl: string): Promise<PackagedLibraries | null> {
  try {
    const response = await fetch(indexUrl);
    return response.ok ? parsePackagedLibraries(await response.json()) : null;
  } catch {
    return null;
  }
}
