/**
 * The tasks the background can run. Each turns a conversation (and the user's choices) into a prompt
 * and, at the end, the model's text into what the sidebar shows. Adding a task is adding an entry here.
 */
import { wording, type WordedText } from '../../shared/wording';
import type { Conversation } from '../../shared/conversation';
import { TASK_OUTPUT, type TaskName, type TaskOptions } from '../../shared/stream-protocol';
import { draftsFor } from '../suggestions';
import { buildAskPrompt } from './ask';
import { buildReplyPrompt } from './reply';
import { buildRewritePrompt } from './rewrite';
import { buildSummarizePrompt } from './summarize';
import { buildTranslatePrompt } from './translate';
import { buildTemplatePrompt } from './template';
import { variablesOf } from '../../shared/templates';
import { fitToContext } from './context-fit';
import type { BuiltPrompt, PromptOptions } from './types';

export interface TaskDefinition {
  /** Drafts to insert, or text to read: see TASK_OUTPUT. */
  output: 'drafts' | 'text';
  buildPrompt(conversation: Conversation, options: PromptOptions): BuiltPrompt;
  /** Drafts to offer for Insert, when the task produces drafts. */
  suggestionsFrom?(text: string): string[];
  /** The task reads what the user typed in the message box, which the background reads first (always, or per run). */
  needsDraft?: boolean | ((options: TaskOptions) => boolean);
  /** A sentence saying what the user must give first, or null when the options suffice. */
  missingInput?(options: TaskOptions): WordedText | null;
  /** Said when the prompt would hold no message at all (e.g. nothing from others to translate). */
  nothingToRead?: WordedText;
  maxOutputTokens: number;
  temperature: number;
}

const DEFINITIONS: Record<TaskName, TaskDefinition> = {
  reply: {
    output: TASK_OUTPUT.reply,
    buildPrompt: buildReplyPrompt,
    suggestionsFrom: (text) => draftsFor('reply', text),
    maxOutputTokens: 400,
    temperature: 0.7,
  },
  rewrite: {
    output: TASK_OUTPUT.rewrite,
    buildPrompt: buildRewritePrompt,
    suggestionsFrom: (text) => draftsFor('rewrite', text),
    needsDraft: true,
    maxOutputTokens: 400,
    temperature: 0.5,
  },
  summarize: {
    output: TASK_OUTPUT.summarize,
    buildPrompt: buildSummarizePrompt,
    maxOutputTokens: 700,
    temperature: 0.3,
  },
  translate: {
    output: TASK_OUTPUT.translate,
    buildPrompt: buildTranslatePrompt,
    missingInput: (options) => (options.targetLanguage ? null : wording('error_noTargetLanguage')),
    nothingToRead: wording('error_nothingToTranslate'),
    maxOutputTokens: 1_500,
    temperature: 0.2,
  },
  ask: {
    output: TASK_OUTPUT.ask,
    buildPrompt: buildAskPrompt,
    missingInput: (options) => (options.question ? null : wording('error_noQuestion')),
    maxOutputTokens: 600,
    temperature: 0.2,
  },
  template: {
    output: TASK_OUTPUT.template,
    buildPrompt: buildTemplatePrompt,
    suggestionsFrom: (text) => draftsFor('template', text),
    needsDraft: (options) => variablesOf(options.template?.instruction ?? '').has('draft'),
    missingInput: (options) => (options.template ? null : wording('error_noTemplate')),
    maxOutputTokens: 800,
    temperature: 0.5,
  },
};

/**
 * Every task's prompt fits the model it goes to: given `options.context` (the assistant), only the newest
 * messages that fit its window, with the answer's room set aside, reach the builder (see context-fit.ts).
 */
export const TASK_DEFINITIONS: Record<TaskName, TaskDefinition> = Object.fromEntries(
  Object.entries(DEFINITIONS).map(([name, definition]) => [
    name,
    { ...definition, buildPrompt: fitToContext(definition.buildPrompt, { maxOutputTokens: definition.maxOutputTokens }) },
  ]),
) as Record<TaskName, TaskDefinition>;
