import type { PromptTemplate } from '../shared/templates';
import type { AsideDatabase } from './database';

/** The user's prompt templates, in their order, and which one each chat starts with. */
export interface TemplateStore {
  list(): Promise<PromptTemplate[]>;
  /** Replaces every template (edit, delete, import all save the whole list); defaults of removed ones go. */
  replaceAll(templates: readonly PromptTemplate[]): Promise<void>;
  chatDefault(chatKey: string): Promise<string | null>;
  /** null: the chat has no default template any more. */
  setChatDefault(chatKey: string, templateId: string | null): Promise<void>;
}

export function createTemplateStore(database: AsideDatabase, now: () => number = Date.now): TemplateStore {
  const list = async () =>
    (await database.templates.orderBy('position').toArray()).map(({ id, name, instruction }) => ({ id, name, instruction }));
  return {
    list,
    replaceAll: (templates) =>
      database.transaction('rw', database.templates, database.chatTemplates, async () => {
        await database.templates.clear();
        await database.templates.bulkPut(templates.map((template, position) => ({ ...template, position })));
        const kept = new Set(templates.map((template) => template.id));
        await database.chatTemplates.filter((record) => !kept.has(record.templateId)).delete();
      }),
    chatDefault: async (chatKey) => {
      const record = await database.chatTemplates.get(chatKey);
      if (!record) return null;
      // A default whose template was deleted meanwhile counts as none.
      return (await database.templates.get(record.templateId)) ? record.templateId : null;
    },
    setChatDefault: async (chatKey, templateId) => {
      if (templateId === null) await database.chatTemplates.delete(chatKey);
      else await database.chatTemplates.put({ chatKey, templateId, updatedAt: now() });
    },
  };
}
