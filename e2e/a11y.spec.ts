/**
 * Accessibility of Aside's own pages, in real Chromium with the built extension: axe-core (its own
 * source, evaluated in the page over the DevTools protocol, since the pages' CSP rightly refuses inline
 * scripts) checks the sidebar with a consent question open and with an answer shown, the popup, and the
 * options page, each in the light and the dark theme (which follows the system's colour scheme). No serious
 * or critical violation may remain.
 *
 * The assistant is "remote" (a hostname Chromium resolves to the fake server on 127.0.0.1, as in
 * consent.spec.ts) so that the sidebar asks for consent before its first request.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';
import { startFakeOpenAI, type FakeOpenAIServer } from './fake-servers/openai-compatible';
import { WhatsAppFixture, type ChatSpec } from './fixtures/whatsapp/page';
import { closeExtensionContext, expect, extensionWorker, launchWithExtension, test } from './support/extension';
import { ExtensionPages, tabIdOf, type SidebarPage } from './support/pages';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const REMOTE_HOST = 'a11y-provider.test';
const KEY = 'sk-a11y-e2e-0123456789';
const THEMES = ['light', 'dark'] as const;

const CHAT: ChatSpec = {
  title: 'Saturday hike',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0E1C2D3E4F5060701', direction: 'in', sender: 'Ana Souza', text: 'Are we still on for the hike on Saturday?', time: '09:12', date: '14/05/2026' },
    { id: '3EB0E1C2D3E4F5060702', direction: 'out', text: 'Yes! Trailhead at 8, bring water.', time: '09:15', date: '14/05/2026' },
    { id: '3EB0E1C2D3E4F5060703', direction: 'in', sender: 'Ben Okafor', text: 'Can someone give me a lift? Details: https://maps.example.org/trail', time: '09:20', date: '14/05/2026' },
  ],
};

const SUMMARY = [
  '**Plans and dates**',
  '',
  '- Hike on Saturday, trailhead at 8 ([map](https://maps.example.org/trail))',
  '',
  '**Open questions for you**',
  '',
  '- Ben asks whether someone can give him a lift',
].join('\n');

/** Runs axe on the page as it is now; returns the violations a user would be hurt by. */
async function seriousViolations(page: Page): Promise<Result[]> {
  const installed = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!installed) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )) as AxeResults;
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** One line per violation and node, so a failure says what to fix and where. */
function describe(violations: Result[]): string {
  return violations
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary ?? violation.help}`))
    .join('\n');
}

/** Checks the page in both themes; the theme follows the system's (emulated) colour scheme. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const backgrounds: string[] = [];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    const violations = await seriousViolations(page);
    expect(describe(violations), `${state}, ${theme} theme`).toBe('');
  }
  expect(backgrounds[0], `${state}: the dark theme is not the light one`).not.toBe(backgrounds[1]);
  await page.emulateMedia({ colorScheme: null });
}

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let pages: ExtensionPages;
let whatsApp: WhatsAppFixture;
let fake: FakeOpenAIServer;
let serviceWorker: Awaited<ReturnType<typeof extensionWorker>>;

test.beforeAll(async () => {
  fake = await startFakeOpenAI({ host: '127.0.0.1', apiKey: KEY, models: ['fake-model'] });
  context = await launchWithExtension(undefined, {
    pregrant: [`http://${REMOTE_HOST}/*`],
    extraArgs: [`--host-resolver-rules=MAP ${REMOTE_HOST} 127.0.0.1`],
  });
  serviceWorker = await extensionWorker(context);
  pages = new ExtensionPages(context, new URL(serviceWorker.url()).host);
  const options = await pages.openOptions();
  await options.configure({ kind: 'openai-compatible', baseUrl: `http://${REMOTE_HOST}:${new URL(fake.origin).port}/v1`, apiKey: KEY, model: 'fake-model' });
  await expect(options.page.getByTestId('save-result')).toBeVisible();
  await pages.dispose();
  whatsApp = new WhatsAppFixture(context);
  await whatsApp.install();
});

test.afterAll(async () => {
  await whatsApp?.dispose();
  await pages?.dispose();
  if (context) await closeExtensionContext(context);
  await fake?.close();
});

test('the sidebar, with the consent question open and then with an answer shown', async () => {
  await whatsApp.open(CHAT);
  const sidebar: SidebarPage = await pages.openSidebar(await tabIdOf(serviceWorker));
  await sidebar.page.setViewportSize({ width: 360, height: 800 });
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
  await expectAccessible(sidebar.page, 'sidebar, idle');

  fake.script({ text: SUMMARY });
  await sidebar.action('summarize').click();
  await expect(sidebar.consentDialog).toBeVisible();
  await expect(sidebar.sendPreview).toContainText('Are we still on for the hike');
  await expectAccessible(sidebar.page, 'sidebar, consent dialog open');

  await sidebar.consentAllow.click();
  await expect(sidebar.output).toContainText('Ben asks whether someone can give him a lift', { timeout: 15_000 });
  await expect(sidebar.stop).toBeHidden();
  await expectAccessible(sidebar.page, 'sidebar, answer shown');

  // An inert link's confirmation is a dialog of its own.
  await sidebar.linkTargets.first().click();
  await expect(sidebar.linkConfirm).toBeVisible();
  await expectAccessible(sidebar.page, 'sidebar, link confirmation open');
  await pages.dispose();
});

test('the popup, with an assistant and the shortcuts', async () => {
  const popup = await pages.openPopup();
  await popup.page.setViewportSize({ width: 360, height: 640 });
  await expect(popup.assistantOptions).toHaveCount(1);
  await expect(popup.page.getByTestId('shortcut').first()).toBeVisible();
  await expectAccessible(popup.page, 'popup');
  await pages.dispose();
});

test('the options page, every section, with a result in History', async () => {
  const options = await pages.openOptions();
  await expect(options.page.getByTestId('history-entry').first()).toBeVisible();
  await expect(options.egressLog.getByTestId('egress-entry').first()).toBeVisible();
  await expectAccessible(options.page, 'options');
  // The delete confirmation, too.
  await options.page.getByTestId('history-delete-all').click();
  await expect(options.page.getByTestId('history-confirmation')).toBeVisible();
  await expectAccessible(options.page, 'options, confirming a deletion');
  await pages.dispose();
});
