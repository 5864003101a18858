/** What every task's prompt builder takes and gives. */
import type { WordedText } from '../../shared/wording';
import type { PromptMessage } from '../../providers/types';
import type { ProviderKind } from '../../shared/settings';
import type { TaskOptions } from '../../shared/stream-protocol';

/** Which model a prompt is for, as an assistant's settings say (contextWindowTokens: the user's own setting). */
export interface ContextLimit {
  kind: ProviderKind;
  model: string;
  contextWindowTokens?: number;
}

/** The user's choices for a run, plus what the background read for it (the user's own draft). */
export interface PromptOptions extends TaskOptions {
  /** rewrite: the text in the messenger's message box. */
  draft?: string;
  /** The model the prompt goes to: its window decides how many of the newest messages fit (context-fit.ts). */
  context?: ContextLimit;
  /** Catch up: the newest message the chat's previous catch-up covered (from history), when one is remembered. */
  lastCatchUpId?: string;
}

export interface BuiltPrompt {
  messages: PromptMessage[];
  includedMessages: number;
  omittedMessages: number;
  /**
   * The texts the model sees that the user trusts as sources of links: the included messages (and their
   * quotes) and, for rewrite, the user's own draft. A link in a draft that is in none of them is flagged.
   */
  sourceTexts: string[];
  /**
   * Tasks that cite messages (catch up, ask, a reply to one message): each reference the prompt shows
   * (e.g. "m12") and the id of the message it stands for. The sidebar renders only these as citations.
   */
  references?: Record<string, string>;
  /** Set when the model's context window left older messages out: a sentence for the user. */
  contextNotice?: WordedText;
}
