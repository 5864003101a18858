/**
 * The reply-suggestions task: three drafts the user could send next, in the chat's tone or the one the
 * user picked.
 */
import type { Conversation } from '../../shared/conversation';
import { createDataMarker, type DataMarker } from '../prompt/datamark';
import { buildTaskPrompt, toneInput } from '../prompt/task-prompt';
import { referenceOf } from '../prompt/transcript';
import { SUGGESTION_COUNT } from '../suggestions';
import type { BuiltPrompt, PromptOptions } from './types';

export type { BuiltPrompt } from './types';

/** Roughly 3,000 tokens of chat: enough context for a reply, small enough for local models. */
const TRANSCRIPT_CHARACTER_BUDGET = 12_000;

export function buildReplyPrompt(
  conversation: Conversation,
  options: PromptOptions = {},
  marker: DataMarker = createDataMarker(),
): BuiltPrompt {
  const tone = toneInput(options.tone);
  const style = tone.length > 0 ? `in the tone the user asked for after “Tone I want”` : 'matching its tone';
  // The one message the user chose to answer, named by its reference (ours, never a participant's text).
  const chosen = options.replyTo === undefined ? -1 : conversation.messages.findIndex((message) => message.id === options.replyTo);
  const focus =
    chosen >= 0
      ? [`Every reply answers the message labelled [${referenceOf(chosen)}], the one the user chose to reply to; the rest of the chat is context.`]
      : [];
  const build = (messages: Conversation['messages']) =>
    buildTaskPrompt(
      { ...conversation, messages },
      {
        role: 'You are Aside, an assistant that drafts replies for the user of a messaging app.',
        instructions: [
          `Write exactly ${SUGGESTION_COUNT} different replies the user could send next, in the language of the chat, ${style}. Keep each short, like a real chat message.`,
          ...focus,
          'Separate the replies with a line containing only ---. Output only the replies: no preamble, no numbering, no quotes.',
        ],
        userInputs: tone,
        request: chosen >= 0 ? `Draft ${SUGGESTION_COUNT} replies for me to [${referenceOf(chosen)}].` : `Draft ${SUGGESTION_COUNT} replies for me to send next.`,
        transcriptBudget: TRANSCRIPT_CHARACTER_BUDGET,
        ...(chosen >= 0 ? { references: true } : {}),
      },
      marker,
    );
  const prompt = build(conversation.messages);
  if (chosen < 0 || prompt.references?.[referenceOf(chosen)] !== undefined) return prompt;
  // The chosen message is older than the transcript's budget reaches: end the transcript a few messages
  // after it, so the message the replies answer is always there (references keep their numbers).
  return build(conversation.messages.slice(0, chosen + 1 + MESSAGES_AFTER_CHOSEN));
}

/** When the chosen message is old, how many later messages still come along as context. */
const MESSAGES_AFTER_CHOSEN = 5;
