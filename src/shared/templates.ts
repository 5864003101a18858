/**
 * The user's own prompt templates: a name and an instruction in their words, with variables that Aside
 * fills in. The instruction is the user's (trusted, like a built-in task's rules); what {chat}, {selection}
 * and {draft} stand for is never pasted into it: those stay data, marked like every built-in task's data.
 * Shared by the sidebar (runs one), the options page (edits, imports, exports) and the background (stores).
 */
import * as v from 'valibot';

export const TEMPLATE_VARIABLES = ['chat', 'selection', 'draft', 'language'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export const MAX_TEMPLATES = 50;
export const MAX_TEMPLATE_NAME_LENGTH = 60;
export const MAX_TEMPLATE_INSTRUCTION_LENGTH = 2_000;

export const TemplateIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _'));

/** What a run sends in `start`: the template's words, not its id (the sidebar already holds it). */
export const TemplateRunSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'is empty'), v.maxLength(MAX_TEMPLATE_NAME_LENGTH)),
  instruction: v.pipe(v.string(), v.trim(), v.minLength(1, 'is empty'), v.maxLength(MAX_TEMPLATE_INSTRUCTION_LENGTH)),
});
export type TemplateRun = v.InferOutput<typeof TemplateRunSchema>;

export const PromptTemplateSchema = v.object({ id: TemplateIdSchema, ...TemplateRunSchema.entries });
export type PromptTemplate = v.InferOutput<typeof PromptTemplateSchema>;

export const TemplateListSchema = v.pipe(
  v.array(PromptTemplateSchema),
  v.maxLength(MAX_TEMPLATES, `holds more than ${MAX_TEMPLATES} templates`),
  v.check((list) => new Set(list.map((template) => template.id)).size === list.length, 'holds two templates with the same id'),
);

/** The file "Export templates" writes and "Import templates" reads. */
export const TEMPLATES_FILE_FORMAT = 'aside-templates';
export const TemplatesFileSchema = v.object({
  format: v.literal(TEMPLATES_FILE_FORMAT, 'is not an Aside templates file'),
  version: v.literal(1, 'is a version this Aside does not know'),
  templates: TemplateListSchema,
});
export type TemplatesFile = v.InferOutput<typeof TemplatesFileSchema>;

const VARIABLE = /\{(chat|selection|draft|language)\}/g;

/** The variables an instruction uses. */
export function variablesOf(instruction: string): Set<TemplateVariable> {
  return new Set(Array.from(instruction.matchAll(VARIABLE), (match) => match[1] as TemplateVariable));
}

/** Words in braces that look like a variable but are none of the four (a typo the editor points out). */
export function unknownVariables(instruction: string): string[] {
  const found = Array.from(instruction.matchAll(/\{([A-Za-z_]{1,30})\}/g), (match) => match[1]!);
  return [...new Set(found.filter((name) => !(TEMPLATE_VARIABLES as readonly string[]).includes(name)))];
}
