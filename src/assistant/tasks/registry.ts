/**
 * The tasks the background can run. Each turns a conversation into a prompt and, at the end,
 * the model's text into what the sidebar shows. Adding a task is adding an entry here.
 */
import type { Conversation } from '../../shared/conversation';
import type { TaskName } from '../../shared/stream-protocol';
import { splitSuggestions, SUGGESTION_COUNT } from '../suggestions';
import { buildReplyPrompt, type BuiltPrompt } from './reply';

export interface TaskDefinition {
  buildPrompt(conversation: Conversation): BuiltPrompt;
  /** Drafts to offer for Insert, when the task produces drafts. */
  suggestionsFrom?(text: string): string[];
  maxOutputTokens: number;
  temperature: number;
}

export const TASK_DEFINITIONS: Record<TaskName, TaskDefinition> = {
  reply: {
    buildPrompt: buildReplyPrompt,
    suggestionsFrom: (text) => splitSuggestions(text).slice(0, SUGGESTION_COUNT),
    maxOutputTokens: 400,
    temperature: 0.7,
  },
};
