import type { AsideDatabase } from './database';

/** API keys, readable only by trusted extension contexts. Never returned to any UI. */
export interface SecretStore {
  get(assistantId: string): Promise<string | undefined>;
  set(assistantId: string, apiKey: string): Promise<void>;
  remove(assistantId: string): Promise<void>;
  has(assistantId: string): Promise<boolean>;
}

export function createSecretStore(database: AsideDatabase): SecretStore {
  return {
    async get(assistantId) {
      return (await database.secrets.get(assistantId))?.apiKey;
    },
    async set(assistantId, apiKey) {
      await database.secrets.put({ assistantId, apiKey });
    },
    async remove(assistantId) {
      await database.secrets.delete(assistantId);
    },
    async has(assistantId) {
      return (await database.secrets.get(assistantId)) !== undefined;
    },
  };
}
