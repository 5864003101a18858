/**
 * The sidebar in the browser's language, as a user with a German (or Brazilian Portuguese, or Spanish) Chromium sees
 * it: the extension's own _locales catalogue, picked by Chromium from its interface language. On Linux
 * Chromium takes that from LANGUAGE / LANG (and --lang); Debian's Chromium has only en-US until the
 * chromium-l10n package is installed, and then shows English whatever the language.
 *
 * Playwright Test emulates an en-US locale by default, which changes what getUILanguage() and
 * navigator.language report but not the catalogue Chromium picked: the cases emulate the same language
 * a German or Brazilian user's browser reports, so the page's lang and its words agree as they would.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { CHROMIUM_PATH, DIST_CHROME } from './support/paths';

const HEADED = process.env.ASIDE_HEADED === '1';

async function launchIn(language: string): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), `aside-e2e-i18n-${language}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: !HEADED,
    env: { ...process.env, LANGUAGE: language.replace('-', '_'), LANG: `${language.replace('-', '_')}.UTF-8` },
    args: [
      `--disable-extensions-except=${DIST_CHROME}`,
      `--load-extension=${DIST_CHROME}`,
      `--lang=${language}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  return { context, profile };
}

const CASES = [
  {
    language: 'de',
    uiLanguage: /^de/,
    reply: 'Antworten vorschlagen',
    rewrite: 'Meinen Entwurf umschreiben',
    summarize: 'Zusammenfassen',
    // The reader's language, named in the interface's language.
    translate: 'Auf Deutsch übersetzen',
    ask: 'Fragen',
    refresh: 'Aktualisieren',
    askPlaceholder: 'Frag etwas zu diesem Chat …',
    footer: 'Aside sendet nie eine Nachricht: Einfügen füllt nur das Nachrichtenfeld von WhatsApp.',
  },
  {
    language: 'pt-BR',
    uiLanguage: /^pt/,
    reply: 'Sugerir respostas',
    rewrite: 'Reescrever meu rascunho',
    summarize: 'Resumir',
    translate: 'Traduzir para português (Brasil)',
    ask: 'Perguntar',
    refresh: 'Atualizar',
    askPlaceholder: 'Pergunte sobre esta conversa…',
    footer: 'O Aside nunca envia mensagens: Inserir só preenche a caixa de mensagem do WhatsApp.',
  },
  {
    language: 'es',
    uiLanguage: /^es/,
    reply: 'Sugerir respuestas',
    rewrite: 'Reescribir mi borrador',
    summarize: 'Ponerme al día',
    translate: 'Traducir al español',
    ask: 'Preguntar',
    refresh: 'Actualizar',
    askPlaceholder: 'Pregunta sobre este chat…',
    footer: 'Aside nunca envía mensajes: Insertar solo rellena el cuadro de mensaje de WhatsApp.',
  },
];

for (const expected of CASES) {
  test.describe(`a ${expected.language} browser`, () => {
    test.use({ locale: expected.language });
    test(`the sidebar speaks the browser's language: ${expected.language}`, async () => {
      const pak = `/usr/lib/chromium/locales/${expected.language}.pak`;
      // Debian's Chromium without its translations runs in English whatever the language asked for.
      const translated = existsSync(pak) || !CHROMIUM_PATH.startsWith('/usr/bin/chromium');
      expect(translated, `${pak} is missing: apt-get install chromium-l10n`).toBe(true);
      const { context, profile } = await launchIn(expected.language);
      try {
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const extensionId = new URL(worker.url()).host;
        // The language Chromium runs in, as the extension sees it.
        expect(await worker.evaluate(() => chrome.i18n.getUILanguage())).toMatch(expected.uiLanguage);

        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/extension-pages/sidebar.html?tab=1`);
        await expect(page.getByTestId('action-reply')).toHaveText(expected.reply);
        await expect(page.getByTestId('action-rewrite')).toHaveText(expected.rewrite);
        await expect(page.getByTestId('action-summarize')).toHaveText(expected.summarize);
        await expect(page.getByTestId('action-translate')).toHaveText(expected.translate);
        await expect(page.getByTestId('action-ask')).toHaveText(expected.ask);
        await expect(page.getByTestId('refresh-status')).toHaveText(expected.refresh);
        await expect(page.getByTestId('ask-input')).toHaveAttribute('placeholder', expected.askPlaceholder);
        await expect(page.locator('.sidebar-footer')).toHaveText(expected.footer);
        // The document says its language, so screen readers pronounce it right.
        expect(await page.evaluate(() => document.documentElement.lang)).toMatch(expected.uiLanguage);
        await expect(page.getByText('Suggest replies')).toHaveCount(0);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      }
    });
  });
}
