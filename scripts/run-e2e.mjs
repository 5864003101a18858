#!/usr/bin/env node
/**
 * Runs the real-browser suite (Playwright + Debian Chromium, dist/chrome loaded). Builds nothing:
 * `npm test` builds first; alone, run `npm run build:chrome` before it.
 *
 * Under `xvfb-run -a` with ASIDE_HEADED=1 when xvfb-run exists, so that the keyboard-shortcut test can
 * fire a real key press at a real (virtual) window; headless otherwise (that test then skips, saying why).
 * ASIDE_HEADED=0 forces headless; ASIDE_HEADED=1 without xvfb-run runs headed on the current DISPLAY.
 * Extra arguments go to `playwright test` (e.g. `npm run test:e2e -- -g Stop`). Exit code is Playwright's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const playwrightCli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

// ASIDE_HEADED=0 forces headless; ASIDE_HEADED=1 without xvfb-run uses the current DISPLAY.
const forced = process.env.ASIDE_HEADED;
const useXvfb = forced !== '0' && onPath('xvfb-run');
const headed = useXvfb || (forced === '1' && Boolean(process.env.DISPLAY));
const env = { ...process.env, ASIDE_HEADED: headed ? '1' : '0' };
const testArgs = [playwrightCli, 'test', ...process.argv.slice(2)];

const dist = process.env.ASIDE_DIST_CHROME || join(root, 'dist', 'chrome');
if (!existsSync(join(dist, 'manifest.json'))) {
  console.error(`run-e2e: ${dist} has no manifest.json; run \`npm run build:chrome\` first (npm test does).`);
  process.exit(1);
}

const [command, args] = useXvfb
  ? ['xvfb-run', ['-a', '--server-args=-screen 0 1280x900x24', process.execPath, ...testArgs]]
  : [process.execPath, testArgs];
console.log(
  `run-e2e: ${headed ? 'headed' : 'headless'} Chromium${useXvfb ? ' under xvfb-run' : ''}` +
    (headed ? '' : ' (no xvfb-run and no DISPLAY: the keyboard-shortcut test will skip)'),
);
const started = Date.now();
const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
console.log(`run-e2e: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (result.error) {
  console.error(`run-e2e: could not start ${command}: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? (result.signal ? 1 : 0));
