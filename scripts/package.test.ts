// @vitest-environment node
/**
 * `npm run package` is reproducible and gives the stores what they expect: packaging twice (two full
 * builds, in two directories at once) yields byte-identical zips, and each extension zip holds exactly
 * its build with manifest.json at the root, read back with an independent zip reader.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
// Rebuilt from the source archive itself there is no git, hence no source archive to check.
const inGitCheckout = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root }).status === 0;
const SOURCE_ZIP = `aside-source-${version}.zip`;
// The source archive is HEAD: only a tree without uncommitted changes can rebuild the same extension zips
// (untracked files are not looked at: one the build needs is what the rebuild test below must catch).
const treeClean = inGitCheckout && spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).stdout.trim() === '';
const ZIPS = [`aside-chrome-${version}.zip`, `aside-firefox-${version}.zip`, ...(inGitCheckout ? [SOURCE_ZIP] : [])];

interface ZipEntry {
  name: string;
  method: number;
  dosTime: number;
  dosDate: number;
  data: Buffer;
}

/** Reads a plain (non-zip64) archive through its central directory, as unzip tools do. */
function readZip(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end, 'end-of-central-directory record').toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    entries.push({
      name,
      method,
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(dir, full).split(sep).join('/'), readFileSync(full));
  }
  return files;
}

const runPackage = (outDir: string, checkout = root) =>
  promisify(execFile)(process.execPath, [join(checkout, 'scripts', 'package.mjs'), '--out-dir', outDir], {
    cwd: checkout,
    maxBuffer: 16 * 1024 * 1024,
  });

describe('npm run package', () => {
  const first = mkdtempSync(join(tmpdir(), 'aside-package-a-'));
  const second = mkdtempSync(join(tmpdir(), 'aside-package-b-'));

  beforeAll(async () => {
    await Promise.all([runPackage(first), runPackage(second)]);
  }, 180_000);

  afterAll(() => {
    for (const dir of [first, second]) rmSync(dir, { recursive: true, force: true });
  });

  it.each(ZIPS)('%s is byte-identical when packaged twice', (name) => {
    const a = readFileSync(join(first, name));
    const b = readFileSync(join(second, name));
    // A difference here while someone edits src/ during the run is expected: the two builds saw different code.
    expect(a.equals(b), `${name} differs between two packagings`).toBe(true);
  });

  it.each(['chrome', 'firefox'])('the %s zip is exactly its build, manifest.json at the root, fixed timestamps', (target) => {
    const entries = readZip(readFileSync(join(first, `aside-${target}-${version}.zip`)));
    const names = entries.map((entry) => entry.name);
    expect(names).toContain('manifest.json');
    expect(names).toEqual([...names].sort());
    for (const entry of entries) {
      expect({ name: entry.name, time: entry.dosTime, date: entry.dosDate }).toEqual({ name: entry.name, time: 0, date: 0x21 });
    }
    // A store build names no path of the machine that built it (it would also make the bytes depend on it).
    for (const entry of entries) expect(entry.data.includes(Buffer.from(root)), `${entry.name} holds ${root}`).toBe(false);
    const built = filesUnder(join(first, target));
    expect(new Set(names)).toEqual(new Set(built.keys()));
    for (const entry of entries) expect(entry.data.equals(built.get(entry.name)!), entry.name).toBe(true);

    const manifest = JSON.parse(entries.find((entry) => entry.name === 'manifest.json')!.data.toString('utf8'));
    expect(manifest.version).toBe(version);
    if (target === 'firefox') expect(manifest.browser_specific_settings.gecko.id).toBeTruthy();
  });

  it('no file in the Firefox zip is too large for AMO’s linter to read (web-llm is split under 5 MB)', () => {
    // addons-linter reports FILE_TOO_LARGE (an error that blocks submission) for a script over 5 MiB: it
    // cannot review what it does not parse. vite.config.ts splits web-llm's embedded binaries for this.
    const entries = readZip(readFileSync(join(first, `aside-firefox-${version}.zip`)));
    const tooLarge = entries.filter((entry) => entry.data.length > 5 * 1024 * 1024).map((entry) => `${entry.name} (${entry.data.length} bytes)`);
    expect(tooLarge).toEqual([]);
    // The engine host and web-llm are in the package (loaded lazily by the background page), not left out.
    expect(entries.some((entry) => /^assets\/webllm-data-\d+-[\w-]+\.js$/.test(entry.name))).toBe(true);
    expect(entries.map((entry) => entry.name)).toEqual(expect.arrayContaining(['_locales/en/messages.json', '_locales/de/messages.json']));
  });

  // What AMO's reviewer does: unzip the source archive alone (no .git, nothing ignored), install the same
  // dependencies (here: the same node_modules, linked), package. Runs where the tree is committed (CI).
  it.skipIf(!treeClean)('rebuilt from the source archive alone, both extension zips come out byte for byte the same', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'aside-package-source-'));
    try {
      for (const entry of readZip(readFileSync(join(first, SOURCE_ZIP)))) {
        if (entry.name.endsWith('/')) continue;
        mkdirSync(dirname(join(checkout, entry.name)), { recursive: true });
        writeFileSync(join(checkout, entry.name), entry.data);
      }
      symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'), 'dir');
      await runPackage(join(checkout, 'out'), checkout);
      for (const target of ['chrome', 'firefox']) {
        const name = `aside-${target}-${version}.zip`;
        expect(readFileSync(join(checkout, 'out', name)).equals(readFileSync(join(first, name))), `${name} rebuilt from source`).toBe(true);
      }
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  }, 180_000);

  it.skipIf(!inGitCheckout)('the source archive holds what a reviewer needs to rebuild', () => {
    const names = readZip(readFileSync(join(first, SOURCE_ZIP))).map((entry) => entry.name);
    for (const needed of ['package.json', 'package-lock.json', 'vite.config.ts', 'manifest.config.ts', 'README.md']) {
      expect(names).toContain(needed);
    }
    expect(names.some((name) => name.startsWith('node_modules/') || name.startsWith('dist/'))).toBe(false);
  });
});
