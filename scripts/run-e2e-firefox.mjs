#!/usr/bin/env node
/**
 * Runs the Firefox real-browser suite: firefox-esr (headless) over WebDriver BiDi with puppeteer-core,
 * the shipped build dist/firefox installed as a temporary add-on, tests in e2e/firefox/*.test.ts under
 * vitest (e2e/firefox/vitest.config.ts). Builds nothing: `npm test` builds first; alone, run
 * `npm run build:firefox` before it.
 *
 * FIREFOX_PATH picks another Firefox (default /usr/bin/firefox-esr); ASIDE_DIST_FIREFOX another build.
 * Extra arguments go to `vitest run` (e.g. `npm run test:e2e:firefox -- -t insert`). Exit code is vitest's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitestCli = join(root, 'node_modules', 'vitest', 'vitest.mjs');

const dist = resolve(process.env.ASIDE_DIST_FIREFOX || join(root, 'dist', 'firefox'));
if (!existsSync(join(dist, 'manifest.json'))) {
  console.error(`run-e2e-firefox: ${dist} has no manifest.json; run \`npm run build:firefox\` first (npm test does).`);
  process.exit(1);
}
const firefox = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
if (!existsSync(firefox)) {
  console.error(`run-e2e-firefox: no Firefox at ${firefox}; apt-get install firefox-esr (.ci/run does), or set FIREFOX_PATH.`);
  process.exit(1);
}

console.log(`run-e2e-firefox: headless ${firefox} with ${dist}`);
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [vitestCli, 'run', '--config', 'e2e/firefox/vitest.config.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
console.log(`run-e2e-firefox: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (result.error) {
  console.error(`run-e2e-firefox: could not start vitest: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? (result.signal ? 1 : 0));
