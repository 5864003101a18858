/**
 * Playwright fixtures for Aside's real-browser suite.
 *
 * Worker-scoped (one browser per worker, the extension loaded once): `extensionContext`, `serviceWorker`,
 * `extensionId`, `fakeOpenAI` (a fake OpenAI-compatible server on 127.0.0.1; call `reset()` per test) and
 * `assistant` (that server configured through the options page; depend on it to have an assistant).
 * Playwright's built-in `context` can't be worker-scoped, hence the names.
 * Test-scoped: `whatsApp` (the fixture site), `pages` (page objects for the extension's own pages).
 *
 * Set ASIDE_HEADED=1 to run headed (under xvfb-run in CI; needed by the keyboard-shortcut test).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, chromium, expect, type BrowserContext, type Worker } from '@playwright/test';
import { startFakeOpenAI } from '../fake-servers/openai-compatible';
import { WhatsAppFixture } from '../fixtures/whatsapp/page';
import { CHROMIUM_PATH, DIST_CHROME } from './paths';
import { ExtensionPages } from './pages';

export type FakeOpenAI = Awaited<ReturnType<typeof startFakeOpenAI>>;

export const HEADED = process.env.ASIDE_HEADED === '1';
const E2E_API_KEY = 'sk-aside-e2e-0123456789';

/** The assistant the `assistant` fixture configured through the options page. */
export interface ConfiguredAssistant {
  kind: 'openai-compatible';
  baseUrl: string;
  apiKey: string;
  model: string;
}

export interface WorkerFixtures {
  extensionContext: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  fakeOpenAI: FakeOpenAI;
  assistant: ConfiguredAssistant;
}

export interface TestFixtures {
  whatsApp: WhatsAppFixture;
  pages: ExtensionPages;
}

/**
 * Origins the test profile starts with already granted, as if the user had allowed them in Chrome's
 * permission prompt earlier. Chrome's prompt for `permissions.request()` is browser UI that neither
 * Playwright nor CDP can answer (microsoft/playwright#32755); with the origin already granted, Chrome
 * resolves the extension's own `permissions.request()` with `true` and shows nothing, so the options page's
 * real code path still runs. Port-less patterns cover every port of the fake servers.
 */
export const PREGRANTED_ORIGINS = ['http://127.0.0.1/*'];

/** Chrome's id for an unpacked extension: sha256 of its absolute path, first 32 hex digits mapped to a-p. */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** A fresh profile directory whose Preferences already grant `origins` to the unpacked extension. */
function seededProfile(extensionDir: string, origins: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'aside-e2e-profile-'));
  const permissions = { api: [], explicit_host: origins, manifest_permissions: [], scriptable_host: [] };
  mkdirSync(join(dir, 'Default'));
  writeFileSync(
    join(dir, 'Default', 'Preferences'),
    JSON.stringify({
      extensions: {
        settings: {
          [unpackedExtensionId(extensionDir)]: {
            granted_permissions: permissions,
            runtime_granted_permissions: permissions,
          },
        },
      },
    }),
  );
  return dir;
}

const profiles = new WeakMap<BrowserContext, string>();

export async function launchWithExtension(
  extensionDir = DIST_CHROME,
  {
    headless = !HEADED,
    pregrant = PREGRANTED_ORIGINS,
    extraArgs = [],
  }: { headless?: boolean; pregrant?: string[]; /** More Chromium switches, e.g. --host-resolver-rules. */ extraArgs?: string[] } = {},
): Promise<BrowserContext> {
  const profile = seededProfile(extensionDir, pregrant);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
      ...extraArgs,
    ],
  });
  profiles.set(context, profile);
  return context;
}

/** Closes a context from launchWithExtension and removes its throwaway profile. */
export async function closeExtensionContext(context: BrowserContext): Promise<void> {
  await context.close();
  const profile = profiles.get(context);
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

/** The extension's service worker; waits for it to (re)start when Chrome stopped it. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((sw) => sw.url().startsWith('chrome-extension://'));
  return running ?? context.waitForEvent('serviceworker', { timeout: 10_000 });
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  extensionContext: [
    async ({}, use) => {
      const context = await launchWithExtension();
      await use(context);
      await closeExtensionContext(context);
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  serviceWorker: [
    async ({ extensionContext }, use) => {
      await use(await extensionWorker(extensionContext));
    },
    { scope: 'worker' },
  ],

  extensionId: [
    async ({ serviceWorker }, use) => {
      await use(new URL(serviceWorker.url()).host);
    },
    { scope: 'worker' },
  ],

  fakeOpenAI: [
    async ({}, use) => {
      // The fake insists on the key, so a request without it (or with another) fails as it would for real.
      const fake = await startFakeOpenAI({ host: '127.0.0.1', apiKey: E2E_API_KEY, models: ['fake-model'] });
      await use(fake);
      await fake.close();
    },
    { scope: 'worker' },
  ],

  // Configured once per browser, the way a user does it: the options page's form (only the fields the
  // testid contract names) and its Save button.
  assistant: [
    async ({ extensionContext, extensionId, serviceWorker, fakeOpenAI }, use) => {
      const assistant: ConfiguredAssistant = {
        kind: 'openai-compatible',
        baseUrl: fakeOpenAI.url,
        apiKey: E2E_API_KEY,
        model: 'fake-model',
      };
      const pages = new ExtensionPages(extensionContext, extensionId);
      const options = await pages.openOptions();
      await options.configure(assistant);
      // Saved: the popup lists it, as the active assistant (reloaded: the popup reads assistants on open).
      const popup = await pages.openPopup();
      const option = popup.assistantOptions.filter({ hasText: assistant.model });
      await expect(async () => {
        await popup.page.reload();
        await expect(option).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 10_000 });
      await expect(option).toHaveAttribute('aria-checked', 'true');
      // Save asked Chrome for the provider's origin, and (PREGRANTED_ORIGINS) got it without a prompt.
      const granted = await serviceWorker.evaluate(
        (origin) => chrome.permissions.contains({ origins: [`${origin}/*`] }),
        fakeOpenAI.origin,
      );
      expect(granted, `host permission for ${fakeOpenAI.origin}`).toBe(true);
      await pages.dispose();
      await use(assistant);
    },
    { scope: 'worker' },
  ],

  whatsApp: async ({ extensionContext }, use) => {
    const fixture = new WhatsAppFixture(extensionContext);
    await fixture.install();
    await use(fixture);
    await fixture.dispose();
  },

  pages: async ({ extensionContext, extensionId }, use) => {
    const pages = new ExtensionPages(extensionContext, extensionId);
    await use(pages);
    await pages.dispose();
  },
});

export { expect };
