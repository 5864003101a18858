import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { createHistoryStore } from './history-store';
import { createSecretStore } from './secret-store';
import { createSettingsStore, SETTINGS_KEY, type KeyValueArea } from './settings-store';

function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

const assistant = { id: 'a1', name: 'Local', kind: 'openai-compatible' as const, baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' };

describe('settings store', () => {
  it('starts with no assistants', async () => {
    const store = createSettingsStore(memoryArea());
    expect((await store.load()).settings).toMatchObject({ assistants: [], activeAssistantId: null });
  });

  it('keeps valid assistants and reports a problem when stored settings are corrupt', async () => {
    const area = memoryArea({ [SETTINGS_KEY]: { assistants: [assistant, { id: 'bad' }], activeAssistantId: 'bad' } });
    const { settings, problem } = await createSettingsStore(area).load();
    expect(settings.assistants).toEqual([assistant]);
    expect(settings.activeAssistantId).toBe('a1');
    expect(problem).toMatch(/invalid/);
  });

  it('refuses to store an invalid assistant', async () => {
    const store = createSettingsStore(memoryArea());
    await expect(store.update((s) => ({ ...s, assistants: [{ ...assistant, baseUrl: 'javascript:alert(1)' }] }))).rejects.toThrow();
  });

  it('serialises concurrent updates', async () => {
    const store = createSettingsStore(memoryArea());
    await Promise.all([
      store.update((s) => ({ ...s, assistants: [...s.assistants, assistant] })),
      store.update((s) => ({ ...s, assistants: [...s.assistants, { ...assistant, id: 'a2' }] })),
    ]);
    expect((await store.load()).settings.assistants.map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});

describe('history and secrets', () => {
  it('returns a chat history newest first and caps it', async () => {
    const history = createHistoryStore(openDatabase(`test-${Math.random()}`));
    for (let index = 0; index < 55; index += 1) {
      await history.add({ chatKey: 'whatsapp:Ana', task: 'reply', createdAt: index, suggestions: [`s${index}`], assistantName: 'A', model: 'm' });
    }
    await history.add({ chatKey: 'whatsapp:Rui', task: 'reply', createdAt: 100, suggestions: ['other'], assistantName: 'A', model: 'm' });
    const entries = await history.forChat('whatsapp:Ana', 100);
    expect(entries).toHaveLength(50);
    expect(entries[0]!.suggestions).toEqual(['s54']);
  });

  it('stores, reports and removes keys', async () => {
    const secrets = createSecretStore(openDatabase(`test-${Math.random()}`));
    expect(await secrets.has('a1')).toBe(false);
    await secrets.set('a1', 'sk-1');
    expect(await secrets.get('a1')).toBe('sk-1');
    await secrets.remove('a1');
    expect(await secrets.has('a1')).toBe(false);
  });
});

describe('settings sections', () => {
  it('keeps the privacy settings when a change only knows the assistants', async () => {
    const store = createSettingsStore(memoryArea());
    await store.update((s) => ({ ...s, privacy: { pseudonymise: false, readScope: { kind: 'since-unread' }, incognito: true } }));
    await store.update(() => ({ assistants: [assistant], activeAssistantId: 'a1' }));
    expect((await store.load()).settings.privacy).toEqual({ pseudonymise: false, readScope: { kind: 'since-unread' }, incognito: true });
  });

  it('starts with pseudonymisation on, the last 50 messages, incognito off', async () => {
    expect((await createSettingsStore(memoryArea()).load()).settings.privacy).toEqual({ pseudonymise: true, readScope: { kind: 'last', count: 50 }, incognito: false });
  });

  it('keeps valid privacy settings when the assistants are corrupt, and defaults invalid ones', async () => {
    const privacy = { pseudonymise: false, readScope: { kind: 'last', count: 10 }, incognito: true };
    const kept = await createSettingsStore(memoryArea({ [SETTINGS_KEY]: { assistants: [{ id: 'bad' }], activeAssistantId: null, privacy } })).load();
    expect(kept.settings.privacy).toEqual(privacy);
    const reset = await createSettingsStore(memoryArea({ [SETTINGS_KEY]: { assistants: [{ id: 'bad' }], activeAssistantId: null, privacy: { readScope: { kind: 'all' } } } })).load();
    expect(reset.settings.privacy.readScope).toEqual({ kind: 'last', count: 50 });
    expect(reset.problem).toMatch(/invalid/);
  });
});
