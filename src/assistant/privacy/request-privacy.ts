/**
 * What the task runner does to one request's input before a prompt is built from it, and to the answer on
 * its way back: pseudonymisation (remote assistants only) of the chat, the user's question, tone and draft, and
 * the restoring of the model's placeholders. Datamarking is applied afterwards by the prompt builder, on
 * the pseudonymised text, so both protections hold together.
 */
import type { Conversation } from '../../shared/conversation';
import type { BuiltPrompt, PromptOptions } from '../tasks/types';
import type { Pseudonymiser } from './pseudonymise';
import { createStreamRestorer } from './pseudonymise';
import { PLACEHOLDER_RULE, pseudonymiseConversation, pseudonymiserFor } from './pseudonymise-conversation';

export interface PrivateInput {
  conversation: Conversation;
  options: PromptOptions;
  /** Null when nothing was pseudonymised (turned off, or a local assistant). */
  pseudonymiser: Pseudonymiser | null;
}

export function preparePrivateInput(conversation: Conversation, options: PromptOptions, pseudonymise: boolean): PrivateInput {
  if (!pseudonymise) return { conversation, options, pseudonymiser: null };
  const pseudonymiser = pseudonymiserFor(conversation);
  const hidden = pseudonymiseConversation(conversation, pseudonymiser);
  const hiddenOptions: PromptOptions = {
    ...options,
    ...(options.question !== undefined ? { question: pseudonymiser.apply(options.question) } : {}),
    // A tone in the user's own words may name someone ("formal, it is for Ana's boss").
    ...(options.tone !== undefined ? { tone: pseudonymiser.apply(options.tone) } : {}),
    ...(options.draft !== undefined ? { draft: pseudonymiser.apply(options.draft) } : {}),
  };
  return { conversation: hidden, options: hiddenOptions, pseudonymiser };
}

/** Tells the model about placeholders (only when there are any), as the system message's last rule. */
export function withPlaceholderRule(prompt: BuiltPrompt, pseudonymiser: Pseudonymiser | null): BuiltPrompt {
  if (!pseudonymiser || pseudonymiser.size === 0) return prompt;
  const messages = prompt.messages.map((message, index) =>
    index === prompt.messages.findIndex((candidate) => candidate.role === 'system') ? { ...message, content: `${message.content}\n${PLACEHOLDER_RULE}` } : message,
  );
  return { ...prompt, messages };
}

/** The texts as the user wrote them (where the chat's links are): placeholders turned back. */
export function originalSourceTexts(prompt: BuiltPrompt, pseudonymiser: Pseudonymiser | null): string[] {
  return pseudonymiser ? prompt.sourceTexts.map((text) => pseudonymiser.restore(text)) : prompt.sourceTexts;
}

/** Restores the streamed answer; without a pseudonymiser it passes every delta through unchanged. */
export function answerRestorer(pseudonymiser: Pseudonymiser | null): { push(delta: string): string; flush(): string } {
  return pseudonymiser ? createStreamRestorer(pseudonymiser) : { push: (delta) => delta, flush: () => '' };
}
