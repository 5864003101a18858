/**
 * Settings live in the browser's key-value storage so every context sees changes at once.
 * Stored values are validated on every read: a corrupt or hand-edited value must not crash the
 * worker, and nothing is lost silently.
 */
import * as v from 'valibot';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsInput } from '../shared/settings';

export const SETTINGS_KEY = 'settings';

/** The part of storage.local this store needs; the real one is injected by the entry file. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SettingsStore {
  load(): Promise<{ settings: Settings; problem?: string }>;
  /**
   * `change` may leave out sections it does not touch: they are kept as stored (a handler that only knows
   * the assistants must not reset the privacy settings to their defaults).
   */
  update(change: (settings: Settings) => SettingsInput): Promise<Settings>;
}

export function createSettingsStore(area: KeyValueArea): SettingsStore {
  async function load() {
    const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
    if (stored === undefined) return { settings: structuredClone(DEFAULT_SETTINGS) };
    const parsed = v.safeParse(SettingsSchema, stored);
    if (parsed.success) return { settings: parsed.output };
    // Keep the assistants that are still valid rather than wiping everything.
    const assistants = Array.isArray((stored as { assistants?: unknown }).assistants)
      ? (stored as { assistants: unknown[] }).assistants.flatMap((candidate) => {
          const one = v.safeParse(SettingsSchema.entries.assistants.item, candidate);
          return one.success ? [one.output] : [];
        })
      : [];
    const activeId = (stored as { activeAssistantId?: unknown }).activeAssistantId;
    // Every other section (privacy, …) is kept when it is valid on its own, else it takes its defaults.
    const sections = Object.fromEntries(
      Object.entries(SettingsSchema.entries)
        .filter(([name]) => name !== 'assistants' && name !== 'activeAssistantId')
        .flatMap(([name, schema]) => {
          const one = v.safeParse(schema, (stored as Record<string, unknown> | null)?.[name]);
          return one.success ? [[name, one.output]] : [];
        }),
    );
    const settings: Settings = v.parse(SettingsSchema, {
      ...sections,
      assistants,
      activeAssistantId: assistants.some((assistant) => assistant.id === activeId) ? (activeId as string) : assistants[0]?.id ?? null,
    });
    return { settings, problem: 'Some saved settings were invalid and were ignored. Check your assistants in the options page.' };
  }

  // Updates are serialised so two quick saves cannot overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  function update(change: (settings: Settings) => SettingsInput): Promise<Settings> {
    const next = queue.then(async () => {
      const { settings } = await load();
      const updated = v.parse(SettingsSchema, { ...settings, ...change(structuredClone(settings)) });
      await area.set({ [SETTINGS_KEY]: updated });
      return updated;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return { load, update };
}
