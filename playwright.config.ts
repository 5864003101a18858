import { defineConfig } from '@playwright/test';

/**
 * Real-browser suite: Debian's Chromium with the built extension (dist/chrome) loaded, WhatsApp fixture
 * pages served as https://web.whatsapp.com/, and fake provider servers on 127.0.0.1. Run it through
 * `npm run test:e2e` (scripts/run-e2e.mjs), which adds xvfb for the headed keyboard-shortcut test.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // `npm test` runs the red team as its own step (`npm run redteam`, with its report table), so the main run
  // leaves it out when ASIDE_E2E_REDTEAM=0; alone, `npm run test:e2e` runs everything.
  testIgnore: process.env.ASIDE_E2E_REDTEAM === '0' ? ['**/redteam/**'] : [],
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  globalTimeout: 10 * 60_000,
  expect: { timeout: 7_000 },
  use: {
    actionTimeout: 7_000,
    navigationTimeout: 10_000,
    trace: 'retain-on-failure',
  },
});
