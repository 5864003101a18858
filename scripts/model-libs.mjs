#!/usr/bin/env node
/**
 * Fetches the WebLLM model libraries a store build ships (store-models.json) into a folder, for
 * `npm run package -- --store` (which sets ASIDE_MODEL_LIBS_DIR to it; see vite.config.ts).
 *
 * The URLs come from the prebuilt model list of the web-llm version package-lock.json pins, so the
 * libraries always match the engine that loads them. Each file must be WebAssembly (magic bytes) and is
 * printed with its sha256, for the release notes.
 *
 *   node scripts/model-libs.mjs [--out model-libs] [--from <folder or base URL>] [--models store-models.json]
 *
 * --from looks each library up by file name in a local mirror (a folder, or a URL ending in /) instead of
 * GitHub: for machines without access to raw.githubusercontent.com, and for the test.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);

export class ModelLibrariesError extends Error {}

/** The model ids of a store-models.json, checked. */
export function readStoreModels(path) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ModelLibrariesError(`${path}: ${error.message}`);
  }
  const models = parsed?.models;
  if (!Array.isArray(models) || models.length === 0 || !models.every((id) => typeof id === 'string' && id !== '')) {
    throw new ModelLibrariesError(`${path}: "models" must be a non-empty list of web-llm model ids`);
  }
  return models;
}

/** Library URL per file name for the given model ids; an id web-llm does not know is an error naming it. */
export function librariesFor(modelIds, records) {
  const byId = new Map(records.map((record) => [record.model_id, record]));
  const unknown = modelIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new ModelLibrariesError(`not in web-llm's prebuilt model list: ${unknown.join(', ')} (check the ids against this web-llm version)`);
  }
  const libraries = new Map();
  for (const id of modelIds) {
    const url = byId.get(id).model_lib;
    const file = url.slice(url.lastIndexOf('/') + 1);
    if (!/^[\w.-]+\.wasm$/.test(file)) throw new ModelLibrariesError(`${id}: its library "${url}" is not a .wasm file`);
    libraries.set(file, url);
  }
  return libraries;
}

async function download(url) {
  if (!/^https?:/.test(url)) return readFileSync(fileURLToPath(url));
  const response = await fetch(url);
  if (!response.ok) throw new ModelLibrariesError(`${url}: HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

function sourceUrl(file, url, from) {
  if (!from) return url;
  if (/^https?:\/\//.test(from)) return new URL(file, from.endsWith('/') ? from : `${from}/`).href;
  return pathToFileURL(join(resolve(from), file)).href;
}

/**
 * Writes exactly the needed libraries to `out` (stale ones from an earlier list are removed, so the package
 * holds only what store-models.json names). Returns [{ file, bytes, sha256 }].
 */
export async function fetchModelLibraries({ out, from, modelIds, records }) {
  const libraries = librariesFor(modelIds, records);
  mkdirSync(out, { recursive: true });
  for (const existing of readdirSync(out)) {
    if (existing.endsWith('.wasm') && !libraries.has(existing)) rmSync(join(out, existing));
  }
  const written = [];
  for (const [file, url] of libraries) {
    const source = sourceUrl(file, url, from);
    let bytes;
    try {
      bytes = await download(source);
    } catch (error) {
      if (error instanceof ModelLibrariesError) throw error;
      throw new ModelLibrariesError(`${file}: could not read ${source}: ${error.cause?.code ?? error.code ?? error.message}`);
    }
    if (!bytes.subarray(0, 4).equals(WASM_MAGIC)) {
      throw new ModelLibrariesError(`${file}: ${source} is not WebAssembly (an error page or a Git LFS pointer?)`);
    }
    writeFileSync(join(out, file), bytes);
    written.push({ file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return written;
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'model-libs' },
      from: { type: 'string' },
      models: { type: 'string', default: 'store-models.json' },
    },
  });
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  const written = await fetchModelLibraries({
    out: resolve(root, values.out),
    from: values.from,
    modelIds: readStoreModels(resolve(root, values.models)),
    records: prebuiltAppConfig.model_list,
  });
  for (const { file, bytes, sha256 } of written) console.log(`${file}  ${(bytes / 1024 / 1024).toFixed(1)} MiB  sha256 ${sha256}`);
  console.log(`model-libs: ${written.length} libraries in ${values.out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`model-libs: ${error instanceof ModelLibrariesError ? error.message : error.stack}`);
    process.exit(1);
  });
}
