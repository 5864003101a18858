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
 *
 * --store: the builds to upload. A WebLLM model library is WebAssembly, which both stores count as code
 * that must be in the package: the libraries of store-models.json are fetched (scripts/model-libs.mjs) and
 * packed, and the build offers no other model (ASIDE_REMOTE_MODEL_LIBS=0). The zips are then named
 * aside-<target>-<version>-store.zip. --model-libs <dir> uses libraries already fetched there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createZip } from './deterministic-zip.mjs';
import { fetchModelLibraries, librariesFor, ModelLibrariesError, readStoreModels } from './model-libs.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const viteCli = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const TARGETS = ['chrome', 'firefox'];

const { values: options } = parseArgs({
  options: {
    'out-dir': { type: 'string', default: 'dist' },
    'skip-build': { type: 'boolean', default: false },
    store: { type: 'boolean', default: false },
    'model-libs': { type: 'string' },
  },
});
const store = options.store;
const zipSuffix = store ? '-store' : '';
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
    env: { ...process.env, NODE_ENV: 'production', BROWSER: target, ASIDE_OUT_DIR: outDir, ...storeBuildEnv },
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
  if (store) checkStoreLibraries(target, dir);
  return write(`aside-${target}-${version}${zipSuffix}.zip`, createZip(filesUnder(dir)));
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

/** The libraries store-models.json needs, by file name. */
async function storeLibraries() {
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  const modelIds = readStoreModels(join(root, 'store-models.json'));
  return { modelIds, records: prebuiltAppConfig.model_list, files: [...librariesFor(modelIds, prebuiltAppConfig.model_list).keys()].sort() };
}

/** A store zip without every library, or one that may still fetch others, must not be uploaded. */
function checkStoreLibraries(target, dir) {
  let index;
  try {
    index = JSON.parse(readFileSync(join(dir, 'model-libs', 'index.json'), 'utf8'));
  } catch {
    fail(`${target}: no model-libs/index.json in the build: was it built with --store?`);
  }
  if (index.remoteAllowed !== false) fail(`${target}: the build still allows model libraries from GitHub`);
  const missing = storeFiles.filter((file) => !index.files.includes(file));
  if (missing.length > 0) fail(`${target}: model libraries missing from the build: ${missing.join(', ')}`);
}

let storeBuildEnv = {};
let storeFiles = [];
if (store) {
  try {
    const { modelIds, records, files } = await storeLibraries();
    storeFiles = files;
    const libraryDir = options['model-libs'] ? resolve(options['model-libs']) : join(root, 'model-libs');
    if (!options['model-libs']) {
      console.log('package: fetching the model libraries of store-models.json into model-libs/');
      await fetchModelLibraries({ out: libraryDir, modelIds, records });
    }
    const present = existsSync(libraryDir) ? readdirSync(libraryDir) : [];
    const missing = files.filter((file) => !present.includes(file));
    if (missing.length > 0) fail(`${libraryDir} lacks ${missing.join(', ')} (run node scripts/model-libs.mjs --out ${libraryDir})`);
    const extra = present.filter((file) => file.endsWith('.wasm') && !files.includes(file));
    if (extra.length > 0) fail(`${libraryDir} holds libraries store-models.json does not name: ${extra.join(', ')}`);
    storeBuildEnv = { ASIDE_MODEL_LIBS_DIR: libraryDir, ASIDE_REMOTE_MODEL_LIBS: '0' };
  } catch (error) {
    if (error instanceof ModelLibrariesError) fail(error.message);
    throw error;
  }
}

mkdirSync(outDir, { recursive: true });
if (!options['skip-build']) for (const target of TARGETS) build(target);
for (const target of TARGETS) packageTarget(target);
packageSource();
