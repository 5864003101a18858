import { describe, expect, it } from 'vitest';
import { assistantHandlers } from './assistants';
import { tabHandlers } from './tabs';
import { createFakeWorld, localAssistant } from '../test-support';
import { registerInBrowserProviders } from '../local-engine';

describe('assistant handlers', () => {
  it('saves an assistant, makes the first one active, and never returns the key', async () => {
    const world = createFakeWorld();
    const handlers = assistantHandlers(world.services);
    const saved = await handlers['ui->background:save-assistant']({ assistant: localAssistant, apiKey: ' sk-secret ' });
    expect(saved.assistant).toEqual({ ...localAssistant, hasApiKey: true, locality: 'local' });
    const listed = await handlers['ui->background:get-assistants']();
    expect(listed.activeAssistantId).toBe('a1');
    expect(JSON.stringify(listed)).not.toContain('sk-secret');
    expect(await world.services.secrets.get('a1')).toBe('sk-secret');
  });

  it('keeps the stored key when saving without one, and removes it on an empty key', async () => {
    const world = createFakeWorld();
    const handlers = assistantHandlers(world.services);
    await handlers['ui->background:save-assistant']({ assistant: localAssistant, apiKey: 'sk-1' });
    await handlers['ui->background:save-assistant']({ assistant: { ...localAssistant, model: 'qwen' } });
    expect(await world.services.secrets.get('a1')).toBe('sk-1');
    await handlers['ui->background:save-assistant']({ assistant: localAssistant, apiKey: '' });
    expect(await world.services.secrets.has('a1')).toBe(false);
  });

  it('refuses to activate an assistant that does not exist', async () => {
    const handlers = assistantHandlers(createFakeWorld().services);
    await expect(handlers['ui->background:set-active-assistant']({ id: 'nope' })).rejects.toMatchObject({ userError: { kind: 'config' } });
  });

  it('deleting the active assistant activates the next one and forgets the key', async () => {
    const world = createFakeWorld();
    const handlers = assistantHandlers(world.services);
    await handlers['ui->background:save-assistant']({ assistant: localAssistant, apiKey: 'k' });
    await handlers['ui->background:save-assistant']({ assistant: { ...localAssistant, id: 'a2', name: 'Other' } });
    await handlers['ui->background:delete-assistant']({ id: 'a1' });
    expect((await handlers['ui->background:get-assistants']()).activeAssistantId).toBe('a2');
    expect(await world.services.secrets.has('a1')).toBe(false);
  });

  it('tests the connection through the egress guard only', async () => {
    const world = createFakeWorld();
    const handlers = assistantHandlers(world.services);
    await handlers['ui->background:save-assistant']({ assistant: localAssistant });
    const result = await handlers['ui->background:test-assistant']({ id: 'a1' });
    expect(result).toMatchObject({ ok: true, detail: expect.stringContaining('http://127.0.0.1:11434') });
    expect(world.egress.map((entry) => [entry.origin, entry.action])).toEqual([['http://127.0.0.1:11434', 'test-connection']]);
  });

  it('says an in-browser model is ready, not that it reached its download host, and sends nothing', async () => {
    registerInBrowserProviders(() => ({
      kind: 'webllm',
      doStream: () => { throw new Error('not used'); },
      listModels: async () => [{ id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' }],
      probe: async () => undefined,
    }));
    const world = createFakeWorld();
    const handlers = assistantHandlers(world.services);
    const assistant = { ...localAssistant, kind: 'webllm' as const, baseUrl: 'https://huggingface.co', model: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC' };
    await handlers['ui->background:save-assistant']({ assistant });
    const result = await handlers['ui->background:test-assistant']({ id: 'a1' });
    expect(result).toMatchObject({ ok: true, detail: 'Ready: Qwen2.5-0.5B-Instruct-q4f32_1-MLC runs in this browser; nothing leaves it.' });
    expect(world.egress).toEqual([]);
  });
});

describe('tab handlers', () => {
  it('reports an unsupported tab without contacting it', async () => {
    const world = createFakeWorld();
    world.tabUrl = 'https://example.org/';
    expect(await tabHandlers(world.services)['ui->background:get-tab-state']({ tabId: 7 })).toEqual({ supported: false });
    expect(world.contentCalls).toEqual([]);
  });

  it('summarises the chat of a messenger tab', async () => {
    const state = await tabHandlers(createFakeWorld().services)['ui->background:get-tab-state']({ tabId: 7 });
    expect(state.conversation).toMatchObject({ title: 'Ana', messageCount: 1, health: { status: 'ok' } });
  });

  it('inserts only into messenger tabs', async () => {
    const world = createFakeWorld();
    const handlers = tabHandlers(world.services);
    expect(await handlers['ui->background:insert-draft']({ tabId: 7, text: 'Hi' })).toEqual({ ok: true, method: 'paste' });
    world.tabUrl = 'https://bank.example/';
    await expect(handlers['ui->background:insert-draft']({ tabId: 7, text: 'Hi' })).rejects.toMatchObject({ userError: { kind: 'adapter' } });
    expect(world.contentCalls.filter((call) => call.type === 'background->content:insert-draft')).toHaveLength(1);
  });
});
