/**
 * The options page and the popup in the browser's language, in real Chromium: started with LANGUAGE=de and
 * `--lang=de` (what a German Linux desktop gives Chromium), the extension's pages read
 * _locales/de/messages.json through chrome.i18n and show German, and say so in their `lang`.
 *
 * What Debian's Chromium does here (checked by hand, headless and headed under xvfb): with the
 * chromium-l10n package (which .ci/run installs), LANGUAGE=de alone switches Chromium, the extension
 * catalogue and chrome.i18n.getUILanguage() to German. Without it, LANGUAGE is ignored and only `--lang=de`
 * picks the German catalogue, while getUILanguage() still says en-US (so `lang` and number formats stay
 * English); `--lang=de-DE` falls back to English. Playwright Test also emulates an en-US locale (what
 * getUILanguage() reports) unless `locale` is set, hence test.use below. The sidebar's test is e2e/i18n-sidebar.spec.ts.
 */
import type { BrowserContext } from '@playwright/test';
import { closeExtensionContext, expect, extensionWorker, launchWithExtension, test } from './support/extension';
import { ExtensionPages } from './support/pages';

test.describe.configure({ mode: 'serial' });
// Playwright Test emulates en-US unless told otherwise; a German user's browser reports German.
test.use({ locale: 'de-DE' });

let context: BrowserContext;
let pages: ExtensionPages;

test.beforeAll(async () => {
  const previous = process.env.LANGUAGE;
  process.env.LANGUAGE = 'de';
  try {
    context = await launchWithExtension(undefined, { extraArgs: ['--lang=de'] });
  } finally {
    if (previous === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = previous;
  }
  const worker = await extensionWorker(context);
  pages = new ExtensionPages(context, new URL(worker.url()).host);
});

test.afterAll(async () => {
  await pages?.dispose();
  if (context) await closeExtensionContext(context);
});

test('the options page speaks German when the browser does', async () => {
  const options = await pages.openOptions();
  const page = options.page;
  await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  await expect(page.locator('h1')).toHaveText('Aside-Einstellungen');
  await expect(page).toHaveTitle('Aside-Einstellungen');
  await expect(page.getByTestId('options-nav').locator('a')).toHaveText(['Assistenten', 'Prompts', 'Datenschutz', 'Daten', 'Tastenkürzel']);
  await expect(options.save).toHaveText('Speichern');
  await expect(options.test).toHaveText('Verbindung testen');
  await expect(page.locator('label[for="provider-api-key"]')).toHaveText('API-Schlüssel');
  await expect(options.settingsExport).toHaveText('Einstellungen exportieren');
  await expect(page.getByTestId('privacy-settings').locator('legend')).toHaveText('Was eine Aufgabe liest');
  await expect(page.getByTestId('templates-section')).toContainText('Noch keine Vorlagen.');
  await expect(page.getByTestId('egress-clear')).toHaveText('Protokoll leeren');
  // The provider menu: translated descriptions, brand names as they are.
  await expect(options.kind.locator('option[value="webllm"]')).toHaveText('Im Browser (WebLLM)');
  await expect(options.kind.locator('option[value="openai"]')).toHaveText('OpenAI');
});

test('the popup speaks German when the browser does', async () => {
  const popup = await pages.openPopup();
  // No assistant in this fresh profile: the popup invites the user to add one.
  await expect(popup.page.getByTestId('popup-empty')).toContainText('Noch kein Assistent.');
  await expect(popup.page.getByTestId('add-assistant')).toHaveText('Assistenten hinzufügen');
  await expect(popup.openSidebar).toHaveText('Seitenleiste öffnen');
  await expect(popup.page.getByTestId('open-options')).toHaveText('Einstellungen');
});
