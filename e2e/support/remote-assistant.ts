/**
 * A browser whose assistant is, to the extension, an ordinary remote one: Chromium resolves the name
 * `remote-provider.test` to the fake OpenAI server on 127.0.0.1 (--host-resolver-rules, this browser
 * only), which Aside would otherwise rightly call local. The assistant is configured through the options
 * page, as a user does, and the WhatsApp fixture is installed.
 */
import type { BrowserContext, Worker } from '@playwright/test';
import { startFakeOpenAI } from '../fake-servers/openai-compatible';
import { WhatsAppFixture } from '../fixtures/whatsapp/page';
import { closeExtensionContext, expect, extensionWorker, launchWithExtension, type FakeOpenAI } from './extension';
import { ExtensionPages } from './pages';

export const REMOTE_HOST = 'remote-provider.test';
export const REMOTE_MODEL = 'fake-model';

export interface RemoteAssistantBrowser {
  context: BrowserContext;
  fake: FakeOpenAI;
  pages: ExtensionPages;
  serviceWorker: Worker;
  whatsApp: WhatsAppFixture;
  /** http://remote-provider.test:<port>: where the extension believes it sends. */
  destination: string;
  close(): Promise<void>;
}

export async function launchWithRemoteAssistant(apiKey: string): Promise<RemoteAssistantBrowser> {
  const fake = await startFakeOpenAI({ host: '127.0.0.1', apiKey, models: [REMOTE_MODEL] });
  const destination = `http://${REMOTE_HOST}:${new URL(fake.origin).port}`;
  const context = await launchWithExtension(undefined, {
    pregrant: [`http://${REMOTE_HOST}/*`],
    extraArgs: [`--host-resolver-rules=MAP ${REMOTE_HOST} 127.0.0.1`],
  });
  const serviceWorker = await extensionWorker(context);
  const pages = new ExtensionPages(context, new URL(serviceWorker.url()).host);
  const options = await pages.openOptions();
  await options.configure({ kind: 'openai-compatible', baseUrl: `${destination}/v1`, apiKey, model: REMOTE_MODEL });
  await expect(options.page.getByText(REMOTE_MODEL).first()).toBeVisible();
  await pages.dispose();
  const whatsApp = new WhatsAppFixture(context);
  await whatsApp.install();
  return {
    context,
    fake,
    pages,
    serviceWorker,
    whatsApp,
    destination,
    async close() {
      await whatsApp.dispose();
      await pages.dispose();
      await closeExtensionContext(context);
      await fake.close();
    },
  };
}
