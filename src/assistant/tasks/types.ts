/** What every task's prompt builder takes and gives. */
import type { PromptMessage } from '../../providers/types';
import type { TaskOptions } from '../../shared/stream-protocol';

/** The user's choices for a run, plus what the background read for it (the user's own draft). */
export interface PromptOptions extends TaskOptions {
  /** rewrite: the text in the messenger's message box. */
  draft?: string;
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
}
