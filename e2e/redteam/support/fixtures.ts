/**
 * The red-team's Playwright fixtures, on top of the suite's own (e2e/support/extension.ts): one browser with
 * the built extension and one configured assistant per worker, shared by every case; plus, per worker, the
 * attacker listener and the network monitor (checked once to see service-worker fetches); per case, the
 * messenger fixture route. `runContext` bundles them for runCase.
 */
import {
  closeExtensionContext,
  extensionWorker,
  launchWithExtension,
  PREGRANTED_ORIGINS,
  test as base,
  type ConfiguredAssistant,
} from '../../support/extension';
import { ExtensionPages } from '../../support/pages';
import { DIST_CHROME } from '../../support/paths';
import { expect } from '@playwright/test';
import { ATTACKER_HOST, ATTACKER_PORT, startAttacker, type Attacker } from './attacker';
import { loadCanary } from '../cases';
import { RedteamMessenger } from './messenger';
import { probeServiceWorkerVisibility, startNetMonitor, type NetMonitor } from './net-monitor';
import type { RunContext } from './run-case';

interface RedteamWorkerFixtures {
  attacker: Attacker;
  netMonitor: NetMonitor;
}

interface RedteamTestFixtures {
  messenger: RedteamMessenger;
  runContext: RunContext;
}

/**
 * ASIDE_REDTEAM_REMOTE=1: the assistant is a remote one to the extension (its base URL names a host that
 * only this browser resolves, to the fake server on 127.0.0.1, as e2e/privacy.spec.ts does), so every case
 * also goes through what remote assistants get: the consent dialog and its send-preview (which VISIBLE then
 * checks) and pseudonymisation with the restoring of the answer. Off by default: a loopback assistant is local.
 */
export const REMOTE = process.env.ASIDE_REDTEAM_REMOTE === '1';
const REMOTE_HOST = 'remote-provider.test';

export const test = base.extend<RedteamTestFixtures, RedteamWorkerFixtures>({
  extensionContext: [
    async ({}, use) => {
      const context = REMOTE
        ? await launchWithExtension(DIST_CHROME, {
            pregrant: [...PREGRANTED_ORIGINS, `http://${REMOTE_HOST}/*`],
            extraArgs: [`--host-resolver-rules=MAP ${REMOTE_HOST} 127.0.0.1`],
          })
        : await launchWithExtension();
      await use(context);
      await closeExtensionContext(context);
    },
    { scope: 'worker', timeout: 30_000 },
  ],

  assistant: [
    async ({ extensionContext, extensionId, fakeOpenAI }, use) => {
      const url = new URL(fakeOpenAI.url);
      if (REMOTE) url.hostname = REMOTE_HOST;
      const assistant: ConfiguredAssistant = {
        kind: 'openai-compatible',
        baseUrl: url.href.replace(/\/$/, ''),
        // The key the fake server insists on (e2e/support/extension.ts).
        apiKey: 'sk-aside-e2e-0123456789',
        model: 'fake-model',
      };
      // As the user does it: the options page's form and Save; then the popup shows it as the active one.
      const pages = new ExtensionPages(extensionContext, extensionId);
      const options = await pages.openOptions();
      await options.configure(assistant);
      const popup = await pages.openPopup();
      const option = popup.assistantOptions.filter({ hasText: assistant.model });
      await expect(async () => {
        await popup.page.reload();
        await expect(option).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 10_000 });
      await pages.dispose();
      await use(assistant);
    },
    { scope: 'worker' },
  ],

  attacker: [
    async ({}, use) => {
      const attacker = await startAttacker(ATTACKER_HOST, ATTACKER_PORT);
      await use(attacker);
      await attacker.close();
    },
    { scope: 'worker' },
  ],

  netMonitor: [
    async ({ extensionContext, attacker }, use) => {
      const monitor = startNetMonitor(extensionContext);
      // Prove the monitor sees the background's own fetches, then forget the probe.
      await probeServiceWorkerVisibility(monitor, await extensionWorker(extensionContext), `${attacker.origin}/__redteam-probe`);
      attacker.reset();
      await use(monitor);
      monitor.dispose();
    },
    { scope: 'worker' },
  ],

  messenger: async ({ extensionContext }, use) => {
    const messenger = new RedteamMessenger(extensionContext);
    await messenger.install();
    await use(messenger);
    await messenger.dispose();
  },

  runContext: async ({ extensionContext, extensionId, fakeOpenAI, assistant, attacker, netMonitor, messenger }, use) => {
    await use({
      context: extensionContext,
      extensionId,
      fake: fakeOpenAI,
      attacker,
      monitor: netMonitor,
      messenger,
      apiKey: assistant.apiKey,
      providerOrigin: new URL(assistant.baseUrl).origin,
      canary: loadCanary(),
    });
  },
});

export { expect } from '../../support/extension';
