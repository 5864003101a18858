// @vitest-environment node
/**
 * The store build's model libraries: the right files for store-models.json, taken from web-llm's own list,
 * refused when they are not WebAssembly, and nothing stale left for the package to ship.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
// @ts-expect-error: a plain .mjs script without types
import { fetchModelLibraries, librariesFor, readStoreModels } from './model-libs.mjs';

const root = resolve(__dirname, '..');
const wasm = (tag: string) => Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), Buffer.from(tag)]);
const records = prebuiltAppConfig.model_list;
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'aside-model-libs-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('store-models.json', () => {
  it('names models web-llm knows, each with a q4f32 twin for adapters without shader-f16', () => {
    const ids: string[] = readStoreModels(join(root, 'store-models.json'));
    const libraries: Map<string, string> = librariesFor(ids, records);
    expect(libraries.size).toBeGreaterThan(0);
    for (const url of libraries.values()) expect(url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/mlc-ai\/binary-mlc-llm-libs\//);
    for (const id of ids.filter((model) => model.includes('q4f16'))) expect(ids).toContain(id.replace('q4f16', 'q4f32'));
  });

  it('refuses an id web-llm does not list, naming it', () => {
    expect(() => librariesFor(['Llama-3.2-1B-Instruct-q4f16_1-MLC', 'No-Such-Model-MLC'], records)).toThrow(/No-Such-Model-MLC/);
  });

  it('refuses a file without a model list', () => {
    const path = join(work, 'bad.json');
    writeFileSync(path, JSON.stringify({ models: [] }));
    expect(() => readStoreModels(path)).toThrow(/non-empty list/);
  });
});

describe('fetching the libraries', () => {
  const ids = ['Llama-3.2-1B-Instruct-q4f16_1-MLC', 'Llama-3.2-1B-Instruct-q4f32_1-MLC', 'Phi-3.5-mini-instruct-q4f16_1-MLC', 'Phi-3.5-mini-instruct-q4f16_1-MLC-1k'];
  const files = () => [...(librariesFor(ids, records) as Map<string, string>).keys()].sort();
  let server: Server;
  let mirrorUrl: string;
  const requested: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      const file = (request.url ?? '').split('/').pop() ?? '';
      if (/^(Phi|Llama)/.test(file)) return void response.writeHead(200).end(wasm(file));
      response.writeHead(404).end('not found');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    mirrorUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/libs/`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('downloads each library once (two ids sharing one library fetch it once) and reports its sha256', async () => {
    const out = join(work, 'http');
    const written = await fetchModelLibraries({ out, from: mirrorUrl, modelIds: ids, records });
    expect(readdirSync(out).sort()).toEqual(files());
    expect(requested.filter((path) => path.includes('Phi'))).toHaveLength(1);
    expect(written.map((entry: { file: string }) => entry.file).sort()).toEqual(files());
    for (const entry of written) expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(out, files()[0]!)).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
  });

  it('copies from a local mirror folder and removes libraries the list no longer names', async () => {
    const mirror = join(work, 'mirror');
    mkdirSync(mirror, { recursive: true });
    for (const file of files()) writeFileSync(join(mirror, file), wasm(file));
    const out = join(work, 'folder');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'Old-Model-webgpu.wasm'), wasm('old'));
    await fetchModelLibraries({ out, from: mirror, modelIds: ids, records });
    expect(readdirSync(out).sort()).toEqual(files());
  });

  it('refuses a file that is not WebAssembly, such as a Git LFS pointer', async () => {
    const mirror = join(work, 'lfs');
    mkdirSync(mirror, { recursive: true });
    for (const file of files()) writeFileSync(join(mirror, file), 'version https://git-lfs.github.com/spec/v1\n');
    await expect(fetchModelLibraries({ out: join(work, 'lfs-out'), from: mirror, modelIds: ids, records })).rejects.toThrow(/is not WebAssembly/);
  });

  it('names the file and the status when the server refuses', async () => {
    await expect(
      fetchModelLibraries({ out: join(work, 'missing'), from: mirrorUrl, modelIds: ['Qwen2.5-1.5B-Instruct-q4f16_1-MLC'], records }),
    ).rejects.toThrow(/Qwen2-1\.5B-Instruct-q4f16_1_cs1k-webgpu\.wasm: HTTP 404/);
  });
});
