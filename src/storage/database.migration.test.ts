import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_V1, SCHEMA_V2 } from './database';
import { createTemplateStore } from './template-store';
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
    // Opened by today's code, so at the newest version; what matters is that v1's data came along.
    expect(v2.verno).toBeGreaterThanOrEqual(2);
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

describe('database schema v2 -> v3', () => {
  it('keeps consents and history written with version 2 and adds templates and per-chat defaults', async () => {
    const name = `migration-v3-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores(SCHEMA_V1);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    await v2.table('consents').put({ chatKey: 'whatsapp:Ana', alwaysAllowed: ['https://api.example'], localOnly: true, updatedAt: 3 });
    await v2.table('history').add({ chatKey: 'whatsapp:Ana', task: 'summarize', createdAt: 5, suggestions: [], output: 'Hike', assistantName: 'A', model: 'm' });
    v2.close();

    const v3 = openDatabase(name);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await createConsentStore(v3).get('whatsapp:Ana')).toMatchObject({ alwaysAllowed: ['https://api.example'], localOnly: true });
    expect((await createHistoryStore(v3).forChat('whatsapp:Ana'))[0]).toMatchObject({ output: 'Hike' });

    const templates = createTemplateStore(v3);
    expect(await templates.list()).toEqual([]);
    const digest = { id: 'digest', name: 'Digest', instruction: 'List what {chat} decided.' };
    const haiku = { id: 'haiku', name: 'Haiku', instruction: 'A haiku about {chat}.' };
    await templates.replaceAll([haiku, digest]);
    expect(await templates.list()).toEqual([haiku, digest]);
    await templates.setChatDefault('whatsapp:Ana', 'digest');
    expect(await templates.chatDefault('whatsapp:Ana')).toBe('digest');
    // Deleting a template forgets the chats' defaults that named it.
    await templates.replaceAll([haiku]);
    expect(await templates.chatDefault('whatsapp:Ana')).toBeNull();
    v3.close();
  });
});
