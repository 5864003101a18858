#!/usr/bin/env node
/**
 * `npm run package`: builds both targets and writes what the stores take, reproducibly.
 *
 *   dist/aside-chrome-<version>.zip    Chrome Web Store (dist/chrome, manifest.json at the root)
 *   dist/aside-firefox-<version>.zip   addons.mozilla.org (dist/firefox, manifest.json at the root)
 *   dist/aside-source-<version>.zip    the source AMO asks for: `git archive HEAD` (committed files only)
 *
 * The same commit packaged twice gives identical bytes (deterministic-zip.mjs; vite's output is
 * content-hashed and path-independent), with the same Node major (zlib's deflate output is not
 * guaranteed across zlib versions). Prints each file's size and sha256.
 *
 * Options: --out-dir <dir> builds into <dir>/chrome and <dir>/firefox and writes the zips to <dir>
 * (default dist; the reproducibility test uses two temporary dirs); --skip-build packages what is there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createZip } from './deterministic-zip.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const viteCli = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const TARGETS = ['chrome', 'firefox'];

const { values: options } = parseArgs({
  options: { 'out-dir': { type: 'string', default: 'dist' }, 'skip-build': { type: 'boolean', default: false } },
});
const outDir = resolve(root, options['out-dir']);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function build(target) {
  // vite.config.ts reads BROWSER for the target and ASIDE_OUT_DIR for where it goes. NODE_ENV is pinned: a
  // caller's NODE_ENV=test (vitest sets it for scripts/package.test.ts) makes Preact's JSX transform embed
  // each component's absolute source path, so the zip would depend on where the checkout lies.
  const result = spawnSync(process.execPath, [viteCli, 'build', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', BROWSER: target, ASIDE_OUT_DIR: outDir },
    stdio: 'inherit',
  });
  if (result.status !== 0) fail(`vite build for ${target} failed`);
}

/** Every file under `dir`, as zip entries. Dotfiles (editor and OS litter) are left out, as web-ext does. */
function filesUnder(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/');
    if (path.split('/').some((segment) => segment.startsWith('.'))) continue;
    files.push({ path, data: readFileSync(join(dir, path)) });
  }
  return files;
}

function packageTarget(target) {
  const dir = join(outDir, target);
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) fail(`${dir} has no manifest.json (build it, or drop --skip-build)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.version !== version) fail(`${target} manifest says ${manifest.version}, package.json ${version}: rebuild`);
  return write(`aside-${target}-${version}.zip`, createZip(filesUnder(dir)));
}

function git(args, encoding = 'utf8') {
  return spawnSync('git', args, { cwd: root, encoding, maxBuffer: 512 * 1024 * 1024 });
}

/**
 * The committed tree, as AMO's reviewers will rebuild it. git archive stamps entries with the commit's
 * time, so the same commit gives the same bytes. Outside a git checkout (e.g. rebuilding from this very
 * archive) there is nothing to archive, and that is not an error.
 */
function packageSource() {
  if (git(['rev-parse', '--verify', '--quiet', 'HEAD']).status !== 0) {
    console.warn('package: not a git checkout with a commit: source archive skipped');
    return null;
  }
  const dirty = git(['status', '--porcelain', '--untracked-files=no']).stdout.trim();
  if (dirty) {
    console.warn('package: uncommitted changes: the extension zips include them, the source archive (HEAD) does not');
  }
  const archive = git(['archive', '--format=zip', 'HEAD'], 'buffer');
  if (archive.status !== 0) fail(`git archive failed: ${archive.stderr}`);
  return write(`aside-source-${version}.zip`, archive.stdout);
}

function write(name, bytes) {
  const path = join(outDir, name);
  writeFileSync(path, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  console.log(`${relative(root, path) || path}  ${(bytes.length / 1024).toFixed(1)} KiB  sha256 ${sha256}`);
  return path;
}

mkdirSync(outDir, { recursive: true });
if (!options['skip-build']) for (const target of TARGETS) build(target);
for (const target of TARGETS) packageTarget(target);
packageSource();
