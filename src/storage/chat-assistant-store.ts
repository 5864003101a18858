/**
 * Which assistant a chat uses when it is not the default one (the popup's "For this chat"). Kept in
 * storage.local beside the settings, keyed by the adapter's chat key; validated on every read, so a
 * corrupt value means "no choice", never a crash. A choice naming a deleted assistant is ignored where
 * it is read (resolveActiveAssistant), so deleting an assistant needs no clean-up here.
 */
import * as v from 'valibot';
import type { KeyValueArea } from './settings-store';

export const CHAT_ASSISTANTS_KEY = 'chatAssistants';

/** A user picks per chat by hand: far fewer than this. The oldest choices go first. */
export const MAX_CHAT_CHOICES = 500;

const ChoicesSchema = v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(1_000)), v.pipe(v.string(), v.minLength(1), v.maxLength(64)));

export interface ChatAssistantStore {
  /** The assistant id chosen for the chat, or null when it uses the default. */
  get(chatKey: string): Promise<string | null>;
  /** `assistantId` null forgets the choice. */
  set(chatKey: string, assistantId: string | null): Promise<void>;
}

export function createChatAssistantStore(area: KeyValueArea): ChatAssistantStore {
  async function load(): Promise<Record<string, string>> {
    const parsed = v.safeParse(ChoicesSchema, (await area.get(CHAT_ASSISTANTS_KEY))[CHAT_ASSISTANTS_KEY] ?? {});
    return parsed.success ? parsed.output : {};
  }

  // Changes are serialised so two quick picks cannot overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  function change(edit: (choices: Record<string, string>) => Record<string, string>): Promise<void> {
    const next = queue.then(async () => {
      await area.set({ [CHAT_ASSISTANTS_KEY]: edit(await load()) });
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    async get(chatKey) {
      const choices = await load();
      return Object.hasOwn(choices, chatKey) ? (choices[chatKey] ?? null) : null;
    },
    set: (chatKey, assistantId) =>
      change((choices) => {
        const rest = Object.fromEntries(Object.entries(choices).filter(([key]) => key !== chatKey));
        if (assistantId === null) return rest;
        // Insertion order is age: the newest choice goes last, the oldest is dropped past the cap.
        const entries = [...Object.entries(rest), [chatKey, assistantId] as const];
        return Object.fromEntries(entries.slice(-MAX_CHAT_CHOICES));
      }),
  };
}
