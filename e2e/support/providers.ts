/**
 * Fixtures for the provider suite (e2e/providers.spec.ts), on top of e2e/support/extension.ts:
 * worker-scoped fake Anthropic, Gemini and Ollama servers on 127.0.0.1 (call `reset()` per test), and
 * `useAssistant`, which configures an assistant through the options page the way a user does (kind,
 * address, key, "Load models", pick the model, Save) and makes it the active one.
 */
import type { BrowserContext } from '@playwright/test';
import { startFakeAnthropic, type FakeAnthropicServer } from '../fake-servers/anthropic';
import { startFakeGemini, type FakeGeminiServer } from '../fake-servers/gemini';
import { startFakeOllama, type FakeOllamaServer } from '../fake-servers/ollama';
import { expect, test as extensionTest } from './extension';
import { ExtensionPages } from './pages';

export const ANTHROPIC_KEY = 'sk-ant-e2e-0123456789';
export const GEMINI_KEY = 'AIzaE2E-0123456789abcdefghijklmno';

export interface AssistantSetup {
  kind: 'anthropic' | 'gemini' | 'ollama';
  baseUrl: string;
  apiKey?: string;
  /** Picked from the list "Load models" brings, so the background's list-models path runs too. */
  model: string;
}

export interface ProviderWorkerFixtures {
  fakeAnthropic: FakeAnthropicServer;
  fakeGemini: FakeGeminiServer;
  fakeOllama: FakeOllamaServer;
}

export interface ProviderTestFixtures {
  /** Configures (once per browser and address) and activates an assistant through the options page. */
  useAssistant(setup: AssistantSetup): Promise<void>;
}

/** Addresses already configured in this browser, so a second test only switches to them. */
const configured = new WeakMap<BrowserContext, Set<string>>();

export const test = extensionTest.extend<ProviderTestFixtures, ProviderWorkerFixtures>({
  fakeAnthropic: [
    async ({}, use) => {
      const server = await startFakeAnthropic({ host: '127.0.0.1', apiKey: ANTHROPIC_KEY, models: ['claude-fake-1', 'claude-fake-2'] });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  fakeGemini: [
    async ({}, use) => {
      const server = await startFakeGemini({ host: '127.0.0.1', apiKey: GEMINI_KEY, models: ['gemini-fake-flash'] });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
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

  useAssistant: async ({ extensionContext, extensionId }, use) => {
    const pages = new ExtensionPages(extensionContext, extensionId);
    // The assistant that was active before, given back afterwards: other specs share this browser.
    let previouslyActive: string | null | undefined;
    await use(async (setup) => {
      const options = await pages.openOptions();
      const page = options.page;
      await expect(page.getByTestId('provider-kind')).toBeVisible();
      if (previouslyActive === undefined) {
        const active = page.locator('[data-testid="assistant-item"][data-active="true"]');
        previouslyActive = (await active.count()) > 0 ? await active.first().getAttribute('data-assistant-id') : null;
      }
      const done = configured.get(extensionContext) ?? new Set<string>();
      configured.set(extensionContext, done);
      const row = page.getByTestId('assistant-item').filter({ hasText: setup.baseUrl });
      if (!done.has(setup.baseUrl)) {
        await options.kind.selectOption(setup.kind);
        await options.baseUrl.fill(setup.baseUrl);
        if (setup.apiKey !== undefined) await options.apiKey.fill(setup.apiKey);
        await page.getByTestId('provider-load-models').click();
        await page.getByTestId('provider-model-select').selectOption(setup.model);
        await expect(options.model).toHaveValue(setup.model);
        await options.save.click();
        await expect(page.getByTestId('save-result')).toContainText('Saved');
        done.add(setup.baseUrl);
      }
      await expect(row).toHaveCount(1);
      if ((await row.getAttribute('data-active')) !== 'true') await row.getByTestId('assistant-activate').click();
      await expect(row).toHaveAttribute('data-active', 'true');
      await page.close();
    });
    if (previouslyActive) {
      const options = await pages.openOptions();
      const row = options.page.locator(`[data-testid="assistant-item"][data-assistant-id="${previouslyActive}"]`);
      if ((await row.getAttribute('data-active')) !== 'true') await row.getByTestId('assistant-activate').click();
      await expect(row).toHaveAttribute('data-active', 'true');
    }
    await pages.dispose();
  },
});

export { expect };
