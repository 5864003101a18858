/**
 * The WhatsApp fixture page for red-team cases: the same document as e2e/fixtures/whatsapp (the adapter's
 * own chat renderer, which HTML-escapes every text, and a real Lexical composer) served as
 * https://web.whatsapp.com/, plus what the red team needs that the shared fixture does not offer: a hostile
 * page script installed before any of the page's own code runs (addInitScript, main world).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page, Route } from '@playwright/test';
import { buildWhatsAppDocument, WHATSAPP_ORIGIN, WHATSAPP_URL, WhatsAppPage, type ChatSpec } from '../../fixtures/whatsapp/page';
import { COMPOSER_BUNDLE } from '../../support/paths';
import type { RedteamMessage } from '../cases';

const COMPOSER_PATH = '/__fixture/composer.js';
export const OWNER_NAME = 'Sam Reyes';

/** The fixture's chat spec for a case's messages: a group, so every sender's name shows as WhatsApp shows it. */
export function chatSpecFor(messages: RedteamMessage[]): ChatSpec {
  return {
    title: 'Family and friends',
    isGroup: true,
    ownerName: OWNER_NAME,
    messages: messages.map((message) => ({
      direction: message.direction,
      ...(message.direction === 'in' ? { sender: message.sender || 'Unknown' } : {}),
      text: message.text,
    })),
  };
}

/** Wraps a case's page script so that a throw is logged (and kept) rather than breaking the page. */
export function pageScriptSource(script: string, phase: string): string {
  return `(() => { try {\n${script}\n} catch (error) { console.warn('[redteam page_script ${phase}]', String(error)); } })();`;
}

export class RedteamMessenger {
  private spec: ChatSpec | null = null;
  private readonly composerJs: string;
  private readonly handler = (route: Route) => this.fulfil(route);
  private readonly pages: Page[] = [];

  constructor(private readonly context: BrowserContext) {
    this.composerJs = readFileSync(COMPOSER_BUNDLE, 'utf8');
  }

  async install(): Promise<void> {
    await this.context.route(`${WHATSAPP_ORIGIN}/**`, this.handler);
  }

  /** A new tab on https://web.whatsapp.com/ showing `spec`; `initScript` runs in the page before its own code. */
  async open(spec: ChatSpec, { initScript }: { initScript?: string } = {}): Promise<WhatsAppPage> {
    this.spec = spec;
    const page = await this.context.newPage();
    this.pages.push(page);
    if (initScript) await page.addInitScript({ content: initScript });
    await page.goto(WHATSAPP_URL);
    // Polled on a timer: a background tab gets no animation frames (the default polling) while the sidebar is in front.
    await page.waitForFunction(() => window.__fixture?.ready === true, undefined, { polling: 25 });
    return new WhatsAppPage(page);
  }

  async closePages(): Promise<void> {
    for (const page of this.pages.splice(0)) await page.close().catch(() => undefined);
  }

  async dispose(): Promise<void> {
    await this.closePages();
    await this.context.unroute(`${WHATSAPP_ORIGIN}/**`, this.handler).catch(() => undefined);
  }

  private async fulfil(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    if (url.pathname === COMPOSER_PATH) {
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: this.composerJs });
    } else if (url.pathname === '/' && this.spec) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: buildWhatsAppDocument(this.spec) });
    } else {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the fixture' });
    }
  }
}
