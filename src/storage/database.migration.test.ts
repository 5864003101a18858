import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_V1 } from './database';
import { createConsentStore } from './consent-store';
import { createHistoryStore } from './history-store';
import { createSecretStore } from './secret-store';

describe('database schema v1 -> v2', () => {
  it('keeps everything written with version 1 and adds the consents table', async () => {
    const name = `migration-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('history').add({ chatKey: 'whatsapp:Ana', task: 'reply', createdAt: 5, suggestions: ['Hi'], assistantName: 'A', model: 'm' });
    await v1.table('secrets').put({ assistantId: 'a1', apiKey: 'sk-keep' });
    await v1.table('egress').add({ time: 1, origin: 'https://api.example', method: 'POST', bytes: 10, chatKey: 'whatsapp:Ana', action: 'reply', status: 200 });
    v1.close();

    const v2 = openDatabase(name);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect((await createHistoryStore(v2).forChat('whatsapp:Ana'))[0]).toMatchObject({ suggestions: ['Hi'] });
    expect(await createSecretStore(v2).get('a1')).toBe('sk-keep');
    expect(await v2.egress.toArray()).toEqual([expect.objectContaining({ origin: 'https://api.example', bytes: 10 })]);
    const consents = createConsentStore(v2);
    expect(await consents.get('whatsapp:Ana')).toBeUndefined();
    await consents.allowAlways('whatsapp:Ana', 'https://api.example');
    await consents.setLocalOnly('whatsapp:Ana', true);
    expect(await consents.get('whatsapp:Ana')).toMatchObject({ alwaysAllowed: ['https://api.example'], localOnly: true });
    await consents.revoke('whatsapp:Ana');
    expect(await consents.get('whatsapp:Ana')).toMatchObject({ alwaysAllowed: [], localOnly: true });
    v2.close();
  });
});
