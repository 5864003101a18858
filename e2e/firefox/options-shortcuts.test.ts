/**
 * Firefox lets an add-on's own page remap its shortcuts (commands.update), so the options page's Shortcuts
 * section offers "Change" there: pressing new keys in real Firefox changes the shortcut the browser holds.
 */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionsPage, testId } from './support/extension-pages';
import { launchFirefoxWithAside } from './support/firefox';

describe('Shortcuts in Firefox', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchFirefoxWithAside();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('remaps “Suggest replies” in place, and Firefox holds the new keys', async () => {
    const options = await OptionsPage.open(browser);
    const page = options.page;
    const row = `${testId('shortcut')}[data-command="suggest-replies"]`;
    await page.waitForSelector(`${row} kbd`);
    expect((await options.sidebarApis()).commands['suggest-replies']).toBe('Alt+Shift+S');

    await page.locator(`${row} ${testId('shortcut-change')}`).click();
    await page.waitForSelector(testId('shortcut-input'));
    await page.keyboard.down('Control');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyU');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Control');
    await page.waitForFunction((selector: string) => (document.querySelector(selector) as HTMLInputElement | null)?.value === 'Ctrl+Shift+U', {}, testId('shortcut-input'));
    await page.locator(testId('shortcut-save')).click();

    await page.waitForFunction(
      (selector: string) => [...document.querySelectorAll(`${selector} kbd`)].map((key) => key.textContent).join('+') === 'Ctrl+Shift+U',
      { timeout: 10_000 },
      row,
    );
    expect((await options.sidebarApis()).commands['suggest-replies']).toBe('Ctrl+Shift+U');
  });
});
