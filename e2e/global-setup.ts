/**
 * Runs once before the real-browser suite: checks the built extension is there and bundles the fixture
 * page's Lexical composer into e2e/.artifacts/composer.js (esbuild API, ~0.1 s).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';
import { ARTIFACTS_DIR, CHROMIUM_PATH, COMPOSER_BUNDLE, COMPOSER_SOURCE, DIST_CHROME } from './support/paths';

export default async function globalSetup(): Promise<void> {
  if (!existsSync(`${DIST_CHROME}/manifest.json`)) {
    throw new Error(`No built extension at ${DIST_CHROME}: run \`npm run build:chrome\` (npm test builds first).`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROME_PATH.`);
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await build({
    entryPoints: [COMPOSER_SOURCE],
    outfile: COMPOSER_BUNDLE,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Lexical's development build: readable stack traces when a fixture misbehaves.
    conditions: ['development'],
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
  });
}
