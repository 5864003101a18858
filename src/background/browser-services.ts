/**
 * The real services, built from the WebExtension API. This and main.ts are the only background
 * files that touch `browser`.
 */
import { browser } from '../platform/browser';
import { createProvider } from '../providers/registry';
import type { Reply } from '../shared/protocol';
import { openDatabase } from '../storage/database';
import { createHistoryStore } from '../storage/history-store';
import { createConsentStore } from '../storage/consent-store';
import { createChatAssistantStore } from '../storage/chat-assistant-store';
import { createSecretStore } from '../storage/secret-store';
import { createSettingsStore } from '../storage/settings-store';
import { withDataConsent } from './data-consent';
import { BackgroundError, userError } from './errors';
import { wording } from '../shared/wording';
import type { BackgroundServices, ContentMessageType } from './services';

/** The egress log is for the user to audit recent traffic, not an archive. */
const EGRESS_LOG_LIMIT = 1_000;

export function createBrowserServices(): BackgroundServices {
  const database = openDatabase();
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('').replace(/\/$/, '') };
  return {
    extension,
    settings: createSettingsStore(browser.storage.local),
    secrets: createSecretStore(database),
    history: createHistoryStore(database),
    recordEgress(entry) {
      void database.egress
        .add(entry)
        .then(async (id) => {
          if (typeof id === 'number' && id % 100 === 0) {
            await database.egress.where('id').below(id - EGRESS_LOG_LIMIT).delete();
          }
        })
        .catch(() => undefined);
    },
    egressLog: {
      recent: (limit) => database.egress.orderBy('id').reverse().limit(limit).toArray(),
      async clear() {
        await database.egress.clear();
      },
    },
    consents: createConsentStore(database),
    chatAssistants: createChatAssistantStore(browser.storage.local),
    tabs: {
      async urlOf(tabId) {
        try {
          return (await browser.tabs.get(tabId)).url ?? '';
        } catch {
          return null;
        }
      },
      async sendToContent(tabId, type, payload) {
        let reply: Reply<ContentMessageType> | undefined;
        try {
          reply = (await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 })) as typeof reply;
        } catch {
          reply = undefined;
        }
        if (!reply) {
          throw new BackgroundError(
            userError('adapter', wording('error_notRunningInTab'), wording('error_reloadTabHint')),
          );
        }
        if (!reply.ok) throw new BackgroundError(reply.error);
        return reply.value as never;
      },
    },
    createProvider,
    // Firefox's built-in data consent can be withdrawn in about:addons at any time: checked at each request.
    fetchImplementation: withDataConsent(browser.permissions as never, globalThis.fetch.bind(globalThis)),
    newId: () => crypto.randomUUID(),
  };
}
