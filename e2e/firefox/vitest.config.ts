import { defineConfig } from 'vitest/config';

/**
 * Firefox real-browser suite (firefox-esr over WebDriver BiDi, dist/firefox installed). Separate from the
 * unit config: node environment, one file at a time (each launches a browser), generous timeouts for a
 * browser start. Run it through `npm run test:e2e:firefox` (scripts/run-e2e-firefox.mjs).
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['e2e/firefox/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    // Idle, Firefox starts in ~4 s and a test takes ~5 s; a busy 2-core CI machine can be 4x slower.
    testTimeout: 45_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
