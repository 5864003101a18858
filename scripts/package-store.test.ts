// @vitest-environment node
/**
 * `npm run package -- --store`: the zips for the stores carry the model libraries of store-models.json
 * inside the package and forbid fetching any other (a library is code to both stores), and packaging
 * refuses to go on with a library missing rather than produce a zip that breaks on a user's machine.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
// @ts-expect-error: a plain .mjs script without types
import { librariesFor, readStoreModels } from './model-libs.mjs';

const root = resolve(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const storeFiles = [...(librariesFor(readStoreModels(join(root, 'store-models.json')), prebuiltAppConfig.model_list) as Map<string, string>).keys()];
const fakeLibrary = (file: string) => Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), Buffer.from(file)]);

/** name -> bytes, read through the central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.set(zip.toString('utf8', at + 46, at + 46 + nameLength), method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

const runPackage = (...args: string[]) =>
  promisify(execFile)(process.execPath, [join(root, 'scripts', 'package.mjs'), ...args], { cwd: root, maxBuffer: 16 * 1024 * 1024 });

describe('npm run package -- --store', () => {
  const work = mkdtempSync(join(tmpdir(), 'aside-package-store-'));
  const libraries = join(work, 'libs');

  beforeAll(async () => {
    mkdirSync(libraries);
    for (const file of storeFiles) writeFileSync(join(libraries, file), fakeLibrary(file));
    await runPackage('--store', '--model-libs', libraries, '--out-dir', join(work, 'out'));
  }, 240_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(['chrome', 'firefox'])('the %s store zip holds every library and allows no other', (target) => {
    const entries = unzip(readFileSync(join(work, 'out', `aside-${target}-${version}-store.zip`)));
    for (const file of storeFiles) expect(entries.get(`model-libs/${file}`)?.equals(fakeLibrary(file)), file).toBe(true);
    const index = JSON.parse(entries.get('model-libs/index.json')!.toString('utf8'));
    expect(index).toEqual({ files: [...storeFiles].sort(), remoteAllowed: false });
  });

  it('stops with the missing library named, before building anything', async () => {
    const partial = join(work, 'partial');
    mkdirSync(partial);
    for (const file of storeFiles.slice(1)) writeFileSync(join(partial, file), fakeLibrary(file));
    const failure = await runPackage('--store', '--model-libs', partial, '--out-dir', join(work, 'never')).catch((error: { stderr: string }) => error);
    expect((failure as { stderr: string }).stderr).toContain(`lacks ${storeFiles[0]}`);
  });
});
