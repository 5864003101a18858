import { describe, expect, it } from 'vitest';
import { createChatAssistantStore, MAX_CHAT_CHOICES } from '../../storage/chat-assistant-store';
import { resolveActiveAssistant } from '../active-assistant';
import { runTask } from '../task-runner';
import type { ServerStreamMessage } from '../../shared/stream-protocol';
import { createMessageRouter, type UiHandlers } from '../router';
import { createFakeWorld, EXTENSION, localAssistant, memoryArea, PAGE_SENDER, remoteAssistant } from '../test-support';
import { chatAssistantHandlers } from './chat-assistant';

async function setup() {
  const world = createFakeWorld();
  world.services.chatAssistants = createChatAssistantStore(memoryArea());
  await world.services.settings.update(() => ({ assistants: [localAssistant, remoteAssistant], activeAssistantId: localAssistant.id }));
  const handlers = chatAssistantHandlers(world.services);
  const others = new Proxy({} as UiHandlers, { get: () => async () => ({}) });
  const route = createMessageRouter({ ...others, ...handlers } as UiHandlers, EXTENSION);
  return { world, handlers, route };
}

describe('per-chat assistant', () => {
  it('starts on the default, remembers a choice for the chat the tab shows, and forgets it', async () => {
    const { world, handlers } = await setup();
    expect(await handlers['ui->background:get-chat-assistant']({ tabId: 7 })).toEqual({ chatKey: 'whatsapp:Ana', chatTitle: 'Ana', assistantId: null });
    expect(await handlers['ui->background:set-chat-assistant']({ tabId: 7, assistantId: 'r1' })).toMatchObject({ chatKey: 'whatsapp:Ana', assistantId: 'r1' });
    expect((await handlers['ui->background:get-chat-assistant']({ tabId: 7 })).assistantId).toBe('r1');

    // Another chat in the same tab keeps the default.
    world.conversation = { ...world.conversation, chatKey: 'whatsapp:Bo', title: 'Bo' };
    expect((await handlers['ui->background:get-chat-assistant']({ tabId: 7 })).assistantId).toBeNull();

    world.conversation = { ...world.conversation, chatKey: 'whatsapp:Ana', title: 'Ana' };
    await handlers['ui->background:set-chat-assistant']({ tabId: 7, assistantId: null });
    expect((await handlers['ui->background:get-chat-assistant']({ tabId: 7 })).assistantId).toBeNull();
  });

  it('the chat’s choice answers for that chat only; a deleted choice falls back to the active assistant', async () => {
    const { world, handlers } = await setup();
    await handlers['ui->background:set-chat-assistant']({ tabId: 7, assistantId: 'r1' });
    expect((await resolveActiveAssistant(world.services, 'whatsapp:Ana')).assistant.id).toBe('r1');
    expect((await resolveActiveAssistant(world.services, 'whatsapp:Bo')).assistant.id).toBe('a1');
    expect((await resolveActiveAssistant(world.services)).assistant.id).toBe('a1');

    await world.services.settings.update((settings) => ({ ...settings, assistants: [localAssistant] }));
    expect((await resolveActiveAssistant(world.services, 'whatsapp:Ana')).assistant.id).toBe('a1');
    expect((await handlers['ui->background:get-chat-assistant']({ tabId: 7 })).assistantId).toBeNull();
  });

  it('a task in that chat runs on the chat’s assistant: local here, so nothing asks for consent', async () => {
    const { world, handlers } = await setup();
    await world.services.settings.update((settings) => ({ ...settings, activeAssistantId: remoteAssistant.id }));
    await handlers['ui->background:set-chat-assistant']({ tabId: 7, assistantId: localAssistant.id });
    const messages: ServerStreamMessage[] = [];
    await runTask(world.services, { tabId: 7, task: 'reply', options: {}, signal: new AbortController().signal, emit: (message) => messages.push(message) });
    expect(messages[0]).toMatchObject({ type: 'start', assistantName: localAssistant.name, locality: 'local' });
    expect(world.providerCalls.map((call) => call.baseUrl)).toEqual([localAssistant.baseUrl]);
  });

  it('says there is no chat for a tab that is not a messenger, and refuses to set one there', async () => {
    const { world, handlers } = await setup();
    world.tabUrl = 'https://bank.example/';
    expect(await handlers['ui->background:get-chat-assistant']({ tabId: 7 })).toEqual({ chatKey: null, chatTitle: null, assistantId: null });
    await expect(handlers['ui->background:set-chat-assistant']({ tabId: 7, assistantId: 'r1' })).rejects.toMatchObject({ userError: { kind: 'adapter' } });
    expect(world.contentCalls).toEqual([]);
  });

  it('refuses a chat it cannot identify, and an assistant that does not exist', async () => {
    const { world, handlers } = await setup();
    await expect(handlers['ui->background:set-chat-assistant']({ tabId: 7, assistantId: 'gone' })).rejects.toMatchObject({
      userError: { kind: 'config', message: 'That assistant no longer exists.' },
    });
    world.conversation = { ...world.conversation, chatKey: undefined };
    await expect(handlers['ui->background:set-chat-assistant']({ tabId: 7, assistantId: 'r1' })).rejects.toMatchObject({
      userError: { kind: 'adapter', message: expect.stringContaining('can’t tell which chat') },
    });
    expect(await world.services.chatAssistants!.get('whatsapp:Ana')).toBeNull();
  });

  it('ignores a content script and other extensions, and refuses malformed payloads', async () => {
    const { world, route } = await setup();
    const content = { id: EXTENSION.id, url: 'https://web.whatsapp.com/', tab: { id: 7, url: 'https://web.whatsapp.com/' }, frameId: 0 };
    const stranger = { id: 'other', url: 'chrome-extension://other/popup.html' };
    for (const sender of [content, stranger]) {
      expect(route({ type: 'ui->background:set-chat-assistant', payload: { tabId: 7, assistantId: 'r1' } }, sender)).toBeUndefined();
    }
    for (const payload of [{ tabId: 7 }, { tabId: -1, assistantId: 'r1' }, { tabId: 7, assistantId: '' }, { tabId: 7, assistantId: 'x'.repeat(65) }, { assistantId: 'r1' }]) {
      const reply = await route({ type: 'ui->background:set-chat-assistant', payload }, PAGE_SENDER);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'config', message: expect.stringMatching(/^Invalid /) } });
    }
    expect(await world.services.chatAssistants!.get('whatsapp:Ana')).toBeNull();
  });
});

describe('chat assistant store', () => {
  it('treats a corrupt stored value as no choice, and keeps only the newest choices', async () => {
    const area = memoryArea();
    await area.set({ chatAssistants: { 'whatsapp:Ana': 42 } });
    const store = createChatAssistantStore(area);
    expect(await store.get('whatsapp:Ana')).toBeNull();
    expect(await store.get('constructor')).toBeNull();
    for (let index = 0; index <= MAX_CHAT_CHOICES; index++) await store.set(`chat:${index}`, 'a1');
    expect(await store.get('chat:0')).toBeNull();
    expect(await store.get('chat:1')).toBe('a1');
    expect(await store.get(`chat:${MAX_CHAT_CHOICES}`)).toBe('a1');
  });
});
