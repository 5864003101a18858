/**
 * Firefox with Aside installed, driven by puppeteer-core over WebDriver BiDi (no geckodriver).
 *
 * The add-on is the shipped build (dist/firefox), installed as a temporary add-on, so the production
 * manifest is what runs: content script on https://web.whatsapp.com/* only, no test-only permissions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPO_ROOT } from '../../support/paths';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
/** The built add-on under test; ASIDE_DIST_FIREFOX points the suite at another build. */
export const DIST_FIREFOX = resolve(process.env.ASIDE_DIST_FIREFOX || resolve(REPO_ROOT, 'dist', 'firefox'));

/**
 * Firefox gives each install a random moz-extension:// host; this pref pins it, so the tests know the
 * extension pages' URLs without asking the add-on.
 */
export const ADDON_UUID = '3b0c7a52-5e0f-4d1e-9a51-a51de0000001';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;

export function extensionPageUrl(page: 'sidebar' | 'options' | 'popup', query = ''): string {
  return `${EXTENSION_ORIGIN}/extension-pages/${page}.html${query}`;
}

/** The gecko id of the build under test, read from its manifest (the id the uuid pref is keyed by). */
export function builtGeckoId(dist = DIST_FIREFOX): string {
  const manifestPath = resolve(dist, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built add-on at ${dist}: run \`npm run build:firefox\` (npm test builds first).`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

export interface LaunchOptions {
  /** More Firefox prefs for this browser only (e.g. `network.dns.localDomains` to give a fake server a remote name). */
  prefs?: Record<string, unknown>;
}

export async function launchFirefoxWithAside(launch: LaunchOptions = {}): Promise<Browser> {
  const geckoId = builtGeckoId();
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr, or set FIREFOX_PATH.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    // Headless needs no display; ASIDE_FIREFOX_HEADED=1 shows the window when debugging on a desktop.
    headless: process.env.ASIDE_FIREFOX_HEADED !== '1',
    // Without it, BiDi refuses to navigate a tab to moz-extension:// ("not allowed in this context"); with
    // it, the extension pages open as ordinary tabs, as the Chromium suite opens chrome-extension:// ones.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: ADDON_UUID }),
      // Firefox's doorhanger for permissions.request() is browser chrome that BiDi cannot answer. With this
      // pref off, Firefox grants optional permissions without asking, as the Chromium suite's pre-granted
      // profile does: the options page's own request still runs, and is answered "yes".
      'extensions.webextOptionalPermissionPrompts': false,
      ...launch.prefs,
    },
  });
  try {
    const id = await browser.installExtension(DIST_FIREFOX);
    if (id !== geckoId) throw new Error(`installed add-on has id ${id}, expected ${geckoId}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/**
 * Opens one of Aside's pages in a new tab. Firefox moves the tab into its extension process for these
 * URLs and BiDi then reports no load event for the navigation, so `goto` is not awaited: the page's own
 * readiness is, polled by hand because an evaluation that races the process switch fails with an internal
 * BiDi error (waitForFunction would give up on the first one).
 */
export async function openExtensionPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.goto(url, { timeout: 15_000 }).catch(() => undefined);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = await page
      .evaluate((expected: string) => location.href === expected && document.readyState === 'complete', url)
      .catch(() => false);
    if (ready) return page;
    if (Date.now() > deadline) throw new Error(`${url} did not load in 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
