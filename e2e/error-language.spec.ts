/**
 * Errors in the browser's language, in real Chromium started in German (LANGUAGE=de and `--lang=de`, as
 * e2e/i18n.spec.ts explains): the background builds each failure with catalogue ids and English text, and
 * the options page and the sidebar show the German of _locales/de/messages.json, with the dynamic parts
 * (the server's host, the exact OLLAMA_ORIGINS setting with this extension's id) in place.
 *
 * The failures are real: a fake Ollama on 127.0.0.1 that, like Ollama's defaults, refuses an extension's
 * Origin with an empty 403, and an address where nothing listens.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { ChatSpec } from './fixtures/whatsapp/page';
import { startFakeOllama, type FakeOllamaServer } from './fake-servers/ollama';
import { closeExtensionContext, expect, launchWithExtension, test as extensionTest } from './support/extension';
import { tabIdOf } from './support/pages';
import { CHROMIUM_PATH } from './support/paths';

const test = extensionTest.extend<{}, { fakeOllama: FakeOllamaServer }>({
  // The same fixtures as every spec, in a browser whose interface language is German.
  extensionContext: [
    async ({}, use) => {
      const pak = '/usr/lib/chromium/locales/de.pak';
      // Debian's Chromium without its translations runs in English whatever the language asked for.
      expect(existsSync(pak) || !CHROMIUM_PATH.startsWith('/usr/bin/chromium'), `${pak} is missing: apt-get install chromium-l10n`).toBe(true);
      const previous = process.env.LANGUAGE;
      process.env.LANGUAGE = 'de';
      try {
        const context = await launchWithExtension(undefined, { extraArgs: ['--lang=de'] });
        await use(context);
        await closeExtensionContext(context);
      } finally {
        if (previous === undefined) delete process.env.LANGUAGE;
        else process.env.LANGUAGE = previous;
      }
    },
    { scope: 'worker', timeout: 30_000 },
  ],
  fakeOllama: [
    async ({}, use) => {
      // Ollama's defaults: browser extensions are not allowed until the user sets OLLAMA_ORIGINS.
      const server = await startFakeOllama({ host: '127.0.0.1', models: ['llama3.2:latest'] });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

test.describe.configure({ mode: 'serial' });
// Playwright Test emulates en-US unless told otherwise; a German user's browser reports German.
test.use({ locale: 'de-DE' });

const CHAT: ChatSpec = {
  title: 'Wanderung am Samstag',
  isGroup: false,
  ownerName: 'Sam Reyes',
  messages: [{ id: '3EB0B1C2D3E4F5060708', direction: 'in', sender: 'Ana Souza', text: 'Bleibt es bei Samstag?', time: '09:12', date: '14/05/2026' }],
};

/** A 127.0.0.1 port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

test('an unreachable server, in German, in the options page’s error notice', async ({ pages }) => {
  const options = await pages.openOptions();
  const page = options.page;
  await expect(page.locator('html')).toHaveAttribute('lang', /^de/);
  const port = await closedPort();
  await options.kind.selectOption('ollama');
  await options.baseUrl.fill(`http://127.0.0.1:${port}`);
  await page.getByTestId('provider-load-models').click();
  const notice = page.getByTestId('model-list-error');
  await expect(notice).toHaveAttribute('data-kind', 'network');
  await expect(notice.locator('.notice-message')).toHaveText(`http://127.0.0.1:${port} ist nicht erreichbar.`);
  await expect(notice.locator('.notice-hint')).toHaveText(
    `Prüfe, ob der Modellserver unter http://127.0.0.1:${port} läuft und Anfragen von Browsererweiterungen annimmt (CORS).`,
  );
  await expect(page.getByText('Could not reach')).toHaveCount(0);
});

test('Ollama refusing the extension, in German, with the exact OLLAMA_ORIGINS setting: in Test connection and in the sidebar', async ({
  pages,
  fakeOllama,
  whatsApp,
  serviceWorker,
  extensionId,
}) => {
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const host = new URL(fakeOllama.url).host;
  const message = `${host} hat Anfragen von dieser Erweiterung abgelehnt.`;
  const hint = `Erlaube die Erweiterung in Ollama: Setze OLLAMA_ORIGINS=${extensionOrigin} dort, wo Ollama läuft, und starte Ollama neu.`;

  const options = await pages.openOptions();
  const page = options.page;
  await options.kind.selectOption('ollama');
  await options.baseUrl.fill(fakeOllama.url);
  // Listing models works (Chrome sends no Origin on this GET); the chat-shaped probe is refused.
  await page.getByTestId('provider-load-models').click();
  await page.getByTestId('provider-model-select').selectOption('llama3.2:latest');
  await options.save.click();
  const row = page.getByTestId('assistant-item').filter({ hasText: fakeOllama.url });
  await expect(row).toHaveCount(1);
  if ((await row.getAttribute('data-active')) !== 'true') await row.getByTestId('assistant-activate').click();
  await expect(row).toHaveAttribute('data-active', 'true');

  await options.test.click();
  const result = page.getByTestId('test-result');
  await expect(result).toHaveAttribute('data-ok', 'false');
  await expect(result).toHaveAttribute('data-kind', 'auth');
  await expect(result.locator('.notice-message')).toHaveText(message);
  await expect(result.locator('.notice-hint')).toHaveText(hint);

  // The same failure while suggesting replies in the sidebar, next to a WhatsApp chat.
  await whatsApp.open(CHAT);
  const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
  await sidebar.run('reply');
  await expect(sidebar.error).toBeVisible({ timeout: 10_000 });
  await expect(sidebar.error).toHaveAttribute('data-kind', 'auth');
  await expect(sidebar.error.locator('.notice-message')).toHaveText(message);
  await expect(sidebar.error.locator('.notice-hint')).toHaveText(hint);
  await expect(sidebar.suggestions).toHaveCount(0);
  const refused = fakeOllama.requests.filter((request) => request.path === '/api/chat');
  expect(refused.length).toBeGreaterThan(0);
  expect(refused[0]!.headers.origin).toBe(extensionOrigin);

  // The user sets OLLAMA_ORIGINS as told: the test passes, and says so in German too.
  fakeOllama.setAllowedOrigins([extensionOrigin]);
  await options.test.click();
  await expect(result).toHaveAttribute('data-ok', 'true');
  await expect(result.locator('.muted')).toHaveText(`Verbunden mit ${fakeOllama.url} · 1 Modell verfügbar.`);
});

test('a chat Aside can only partly read: the health note under the status is German too', async ({ pages, whatsApp, serviceWorker }) => {
  const { page } = await whatsApp.open(CHAT);
  // No message box (a layout Aside doesn't know): the chat reads, but degraded, with a note saying why.
  await page.evaluate(() => document.querySelector('#main footer')?.remove());
  const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'degraded');
  await expect(sidebar.adapterStatus).toContainText('Das Nachrichtenfeld wurde nicht gefunden, daher lassen sich in diesem Chat keine Entwürfe einfügen.');
  await expect(sidebar.adapterStatus).toContainText('npm run extract -- --url https://web.whatsapp.com/ page.html');
  await expect(sidebar.adapterStatus).not.toContainText('The message box was not found');
});
