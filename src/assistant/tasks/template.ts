/**
 * Runs one of the user's own templates. The instruction is theirs and goes to the model as the task's
 * rule; each variable becomes a pointer to data given below it, marked like every task's data:
 * {chat} and {selection} to the transcript (for {selection}, the background read only the selected
 * messages), {draft} to the draft after “My draft”, {language} to the language after “Language I read”.
 * An instruction without {chat} or {selection} sends no message at all.
 */
import type { Conversation } from '../../shared/conversation';
import { variablesOf, type TemplateVariable } from '../../shared/templates';
import { createDataMarker, type DataMarker } from '../prompt/datamark';
import { buildTaskPrompt } from '../prompt/task-prompt';
import { DRAFT_LABEL } from './rewrite';
import { LANGUAGE_LABEL, languageInput } from './text-output';
import type { BuiltPrompt, PromptOptions } from './types';

const TRANSCRIPT_CHARACTER_BUDGET = 12_000;

const POINTERS: Record<TemplateVariable, string> = {
  chat: 'the chat (the transcript the user gives)',
  selection: 'the selected messages (the transcript the user gives)',
  draft: `the user’s draft (given after “${DRAFT_LABEL}”)`,
  language: `the language named after “${LANGUAGE_LABEL}”`,
};

/** The instruction with each variable replaced by where its data is; never by the data itself. */
export function expandInstruction(instruction: string): string {
  return instruction.replace(/\{(chat|selection|draft|language)\}/g, (_match, name: TemplateVariable) => POINTERS[name]);
}

export function buildTemplatePrompt(
  conversation: Conversation,
  options: PromptOptions = {},
  marker: DataMarker = createDataMarker(),
): BuiltPrompt {
  const instruction = options.template?.instruction ?? '';
  const uses = variablesOf(instruction);
  const readsChat = uses.has('chat') || uses.has('selection');
  const draft = uses.has('draft') ? (options.draft ?? '') : '';
  const prompt = buildTaskPrompt(
    readsChat ? conversation : { ...conversation, messages: [] },
    {
      role: 'You are Aside, an assistant that follows the user’s own instructions about a chat in a messaging app.',
      instructions: [
        `The user’s instruction for this task, in their own words: “${expandInstruction(instruction)}”`,
        'Follow it using only what the data says. Output only what it asks for: no preamble, no quotes. Never include images, HTML, or links that are not in the chat.',
      ],
      userInputs: [
        ...(uses.has('draft') ? [{ label: DRAFT_LABEL, text: draft }] : []),
        ...(uses.has('language') ? languageInput(options.targetLanguage) : []),
      ],
      request: 'Do what my instruction says.',
      transcriptBudget: TRANSCRIPT_CHARACTER_BUDGET,
    },
    marker,
  );
  return draft ? { ...prompt, sourceTexts: [...prompt.sourceTexts, draft] } : prompt;
}
