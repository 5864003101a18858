/** Reading and writing the templates file of Options → Prompts (export, import). */
import * as v from 'valibot';
import {
  MAX_TEMPLATES,
  TEMPLATES_FILE_FORMAT,
  TemplatesFileSchema,
  type PromptTemplate,
  type TemplatesFile,
} from '../../../shared/templates';
import { t } from '../../i18n';

/** Larger than any file of MAX_TEMPLATES templates: a bigger one is refused before it is parsed. */
export const MAX_TEMPLATES_FILE_CHARACTERS = 200_000;

export function templatesFileText(templates: readonly PromptTemplate[]): string {
  const file: TemplatesFile = { format: TEMPLATES_FILE_FORMAT, version: 1, templates: [...templates] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportOutcome = { ok: true; templates: PromptTemplate[]; added: number; replaced: number } | { ok: false; message: string };

/**
 * The list after importing `text` into `current`: a template with an id already there replaces it, the
 * others are added after. Says exactly what is wrong with a file that is not a valid templates file.
 */
export function importTemplates(current: readonly PromptTemplate[], text: string): ImportOutcome {
  if (text.length > MAX_TEMPLATES_FILE_CHARACTERS) return { ok: false, message: t('optionsTemplates_fileTooLarge') };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: t('optionsTemplates_fileNotJson') };
  }
  const parsed = v.safeParse(TemplatesFileSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue?.path?.map((item) => String(item.key)).join('.') || t('optionsTemplates_fileWhole');
    // The schema's own wording (shared with the background) stays as it is; the sentence around it is translated.
    return { ok: false, message: t('optionsTemplates_fileInvalid', where, issue?.message ?? t('optionsTemplates_fileNotValid')) };
  }
  const incoming = parsed.output.templates;
  const ids = new Set(incoming.map((template) => template.id));
  const kept = current.filter((template) => !ids.has(template.id));
  const merged = current.map((template) => incoming.find((candidate) => candidate.id === template.id) ?? template);
  const added = incoming.filter((template) => !current.some((existing) => existing.id === template.id));
  const templates = [...merged, ...added];
  if (templates.length > MAX_TEMPLATES) {
    return { ok: false, message: t('optionsTemplates_tooMany', templates.length, MAX_TEMPLATES) };
  }
  return { ok: true, templates, added: added.length, replaced: current.length - kept.length };
}

/** A fresh id for a new template. */
export function newTemplateId(random: () => number = Math.random): string {
  return `t-${Date.now().toString(36)}-${Math.floor(random() * 1e8).toString(36)}`;
}
