/**
 * In-browser models in real Firefox (firefox-esr on Linux, the shipped add-on): Firefox has no offscreen
 * documents, so the engine host runs inside the background page, loaded lazily. Firefox on Linux offers
 * no WebGPU today, so the options page must say so with the alternatives, and testing a WebLLM assistant
 * must fail with the `webgpu` error, not hang or fail obscurely.
 */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionsPage, testId } from './support/extension-pages';
import { launchFirefoxWithAside } from './support/firefox';

const MODEL = 'Llama-3.2-1B-Instruct-q4f32_1-MLC';

describe('in-browser models in Firefox (no WebGPU on Linux, no Chrome built-in model)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchFirefoxWithAside();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the picker says WebGPU is missing and names the alternatives; Test connection fails with the webgpu error', async () => {
    const options = await OptionsPage.open(browser);
    const page = options.page;
    await page.select(testId('provider-kind'), 'webllm');
    const status = await page.waitForSelector(testId('local-gpu-status'), { timeout: 30_000 });
    expect(await status!.evaluate((element) => element.getAttribute('data-status'))).toMatch(/no-webgpu|no-adapter/);
    expect(await status!.evaluate((element) => element.textContent)).toMatch(/Ollama|remote API/);

    await page.select(testId('local-model-select'), MODEL);
    await page.locator(testId('provider-save')).click();
    await page.waitForSelector(testId('save-result'), { timeout: 10_000 });
    await page.locator(testId('provider-test')).click();
    const result = await page.waitForSelector(`${testId('test-result')}[data-ok="false"]`, { timeout: 30_000 });
    expect(await result!.evaluate((element) => element.getAttribute('data-kind'))).toBe('webgpu');
    expect(await result!.evaluate((element) => element.textContent)).toMatch(/does not offer WebGPU|no usable graphics adapter/);
    expect(await result!.evaluate((element) => element.textContent)).toMatch(/Ollama.*remote API/);
  });

  it('Chrome’s built-in model: the options say Firefox has none, and name the alternatives', async () => {
    const options = await OptionsPage.open(browser);
    await options.page.select(testId('provider-kind'), 'chrome-ai');
    const status = await options.page.waitForSelector(testId('chrome-ai-status'), { timeout: 10_000 });
    expect(await status!.evaluate((element) => element.getAttribute('data-availability'))).toBe('no-api');
    expect(await status!.evaluate((element) => element.textContent)).toMatch(/no built-in model.*WebLLM, Ollama or a remote API/);
    expect(await options.page.$(testId('chrome-ai-download')), 'nothing to download here').toBeNull();
  });
});
