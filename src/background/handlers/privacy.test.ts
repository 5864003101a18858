import { describe, expect, it } from 'vitest';
import { privacyHandlers } from './privacy';
import { createFakeWorld } from '../test-support';

describe('privacy handlers', () => {
  it('returns the egress log newest first, limited, and clears it', async () => {
    const world = createFakeWorld();
    for (let index = 0; index < 250; index++) {
      world.services.recordEgress({ time: index, origin: 'https://a.example', method: 'POST', bytes: index, chatKey: null, action: 'reply', status: 200 });
    }
    const handlers = privacyHandlers(world.services);
    const { entries } = await handlers['ui->background:get-egress-log']({});
    expect(entries).toHaveLength(200);
    expect(entries[0]!.time).toBe(249);
    expect((await handlers['ui->background:get-egress-log']({ limit: 3 })).entries.map((e) => e.time)).toEqual([249, 248, 247]);
    await handlers['ui->background:clear-egress-log']();
    expect((await handlers['ui->background:get-egress-log']({})).entries).toEqual([]);
  });

  it('sets local-only and revokes consent on the chat the tab shows', async () => {
    const world = createFakeWorld();
    const handlers = privacyHandlers(world.services);
    expect(await handlers['ui->background:get-chat-privacy']({ tabId: 7 })).toEqual({ chatKey: 'whatsapp:Ana', localOnly: false, alwaysAllowed: [] });
    await world.services.consents.allowAlways('whatsapp:Ana', 'https://api.example.com');
    expect(await handlers['ui->background:set-chat-privacy']({ tabId: 7, localOnly: true })).toEqual({
      chatKey: 'whatsapp:Ana',
      localOnly: true,
      alwaysAllowed: ['https://api.example.com'],
    });
    expect((await handlers['ui->background:set-chat-privacy']({ tabId: 7, revokeConsent: true })).alwaysAllowed).toEqual([]);
    world.tabUrl = 'https://bank.example/';
    await expect(handlers['ui->background:get-chat-privacy']({ tabId: 7 })).rejects.toThrow();
  });
});
