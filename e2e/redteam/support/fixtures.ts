/**
 * The red-team's Playwright fixtures, on top of the suite's own (e2e/support/extension.ts): one browser with
 * the built extension and one configured assistant per worker, shared by every case; plus, per worker, the
 * attacker listener and the network monitor (checked once to see service-worker fetches); per case, the
 * messenger fixture route. `runContext` bundles them for runCase.
 */
import { extensionWorker, test as base } from '../../support/extension';
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

export const test = base.extend<RedteamTestFixtures, RedteamWorkerFixtures>({
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
      canary: loadCanary(),
    });
  },
});

export { expect } from '../../support/extension';
