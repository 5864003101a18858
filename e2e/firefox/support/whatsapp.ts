/**
 * The WhatsApp fixture page (the Chromium suite's document and real Lexical composer) served AS
 * https://web.whatsapp.com/ in Firefox, through puppeteer's request interception over BiDi
 * (network.provideResponse). Nothing is served on the network, and the content script's production
 * match pattern is the one exercised.
 */
import { build } from 'esbuild';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { COMPOSER_SOURCE } from '../../support/paths';
import { buildWhatsAppDocument, WHATSAPP_ORIGIN, WHATSAPP_URL, type ChatSpec, type FixtureSend } from '../../fixtures/whatsapp/page';

/** The composer script's path in the fixture document (page.ts's COMPOSER_PATH). */
const COMPOSER_PATH = '/__fixture/composer.js';

let composerBundle: Promise<string> | null = null;

/** The fixture composer bundled in memory, as e2e/global-setup.ts bundles it to a file for Playwright. */
function bundleComposer(): Promise<string> {
  composerBundle ??= build({
    entryPoints: [COMPOSER_SOURCE],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['development'],
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0]!.text);
  return composerBundle;
}

/** Opens `spec` in a new tab at https://web.whatsapp.com/, with the composer ready. */
export async function openWhatsAppChat(page: Page, spec: ChatSpec): Promise<WhatsAppTab> {
  const composerJs = await bundleComposer();
  const documentHtml = buildWhatsAppDocument(spec);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    void answer(request, documentHtml, composerJs).catch(() => undefined);
  });
  await page.goto(WHATSAPP_URL);
  await page.waitForFunction(() => window.__fixture?.ready === true, { polling: 50, timeout: 10_000 });
  return new WhatsAppTab(page);
}

async function answer(request: HTTPRequest, documentHtml: string, composerJs: string): Promise<void> {
  const url = new URL(request.url());
  if (url.origin !== WHATSAPP_ORIGIN) return request.continue();
  if (url.pathname === '/') {
    return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: documentHtml });
  }
  if (url.pathname === COMPOSER_PATH) {
    return request.respond({ status: 200, contentType: 'text/javascript; charset=utf-8', body: composerJs });
  }
  // The real site loads much more; the fixture needs nothing else (favicon…).
  return request.respond({ status: 404, contentType: 'text/plain', body: 'not in the fixture' });
}

/** One fixture tab: the page-world probes of the composer (the content script never sees them). */
export class WhatsAppTab {
  constructor(readonly page: Page) {}

  composerText(): Promise<string> {
    return this.page.evaluate(() => window.__fixture.composerText());
  }

  sends(): Promise<FixtureSend[]> {
    return this.page.evaluate(() => window.__fixture.sends.slice());
  }

  enterKeydowns(): Promise<number> {
    return this.page.evaluate(() => window.__fixture.enterKeydowns);
  }
}
