import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
/** The built extension under test; ASIDE_DIST_CHROME points the suite at another build. */
export const DIST_CHROME = resolve(process.env.ASIDE_DIST_CHROME || resolve(REPO_ROOT, 'dist', 'chrome'));
export const DIST_FIREFOX = resolve(REPO_ROOT, 'dist', 'firefox');
export const ARTIFACTS_DIR = resolve(REPO_ROOT, 'e2e', '.artifacts');
export const COMPOSER_SOURCE = resolve(REPO_ROOT, 'e2e', 'fixtures', 'whatsapp', 'composer.ts');
export const COMPOSER_BUNDLE = resolve(ARTIFACTS_DIR, 'composer.js');
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
