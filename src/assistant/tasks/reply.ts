/**
 * The reply-suggestions task: three drafts the user could send next, in the chat's tone or the one the
 * user picked.
 */
import type { Conversation } from '../../shared/conversation';
import { createDataMarker, type DataMarker } from '../prompt/datamark';
import { buildTaskPrompt, toneInput } from '../prompt/task-prompt';
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
  return buildTaskPrompt(
    conversation,
    {
      role: 'You are Aside, an assistant that drafts replies for the user of a messaging app.',
      instructions: [
        `Write exactly ${SUGGESTION_COUNT} different replies the user could send next, in the language of the chat, ${style}. Keep each short, like a real chat message.`,
        'Separate the replies with a line containing only ---. Output only the replies: no preamble, no numbering, no quotes.',
      ],
      userInputs: tone,
      request: `Draft ${SUGGESTION_COUNT} replies for me to send next.`,
      transcriptBudget: TRANSCRIPT_CHARACTER_BUDGET,
    },
    marker,
  );
}
