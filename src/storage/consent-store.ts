import type { AsideDatabase, ConsentRecord } from './database';

/** Per-chat privacy choices: standing consent for a remote destination, and the local-only flag. */
export interface ConsentStore {
  get(chatKey: string): Promise<ConsentRecord | undefined>;
  /** "Always for this chat": later runs of this chat to `origin` need no consent. */
  allowAlways(chatKey: string, origin: string): Promise<void>;
  revoke(chatKey: string): Promise<void>;
  setLocalOnly(chatKey: string, localOnly: boolean): Promise<void>;
}

const MAX_ORIGINS_PER_CHAT = 20;

export function createConsentStore(database: AsideDatabase, now: () => number = Date.now): ConsentStore {
  const change = (chatKey: string, edit: (record: ConsentRecord) => ConsentRecord) =>
    database.transaction('rw', database.consents, async () => {
      const current = (await database.consents.get(chatKey)) ?? { chatKey, alwaysAllowed: [], localOnly: false, updatedAt: 0 };
      await database.consents.put({ ...edit(current), chatKey, updatedAt: now() });
    });
  return {
    get: (chatKey) => database.consents.get(chatKey),
    allowAlways: (chatKey, origin) =>
      change(chatKey, (record) => ({
        ...record,
        alwaysAllowed: [...record.alwaysAllowed.filter((item) => item !== origin), origin].slice(-MAX_ORIGINS_PER_CHAT),
      })),
    revoke: (chatKey) => change(chatKey, (record) => ({ ...record, alwaysAllowed: [] })),
    setLocalOnly: (chatKey, localOnly) => change(chatKey, (record) => ({ ...record, localOnly })),
  };
}
