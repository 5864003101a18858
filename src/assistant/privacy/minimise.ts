/**
 * Minimisation: a task reads only the messages its scope names (the last N, those since the unread divider,
 * or the user's selection), not the whole chat. The content script reads with the scope; the background
 * trims again here, so a reader that returns more (an older content script, a scope it did not know) still
 * cannot put more into the prompt than the user allowed.
 */
import { wording, type WordedText } from '../../shared/wording';
import type { Conversation } from '../../shared/conversation';
import type { ReadScope } from '../../shared/protocol';

/** The scope of one run: the sidebar's choice for this run, else the privacy setting. */
export function scopeForRun(setting: ReadScope, override: ReadScope | undefined): ReadScope {
  return override ?? setting;
}

export function trimToScope(conversation: Conversation, scope: ReadScope): Conversation {
  const { messages } = conversation;
  switch (scope.kind) {
    case 'last':
      return messages.length > scope.count ? { ...conversation, messages: messages.slice(-scope.count) } : conversation;
    case 'since-unread': {
      if (conversation.unreadFromId === undefined) return conversation;
      const from = messages.findIndex((message) => message.id === conversation.unreadFromId);
      return from > 0 ? { ...conversation, messages: messages.slice(from) } : conversation;
    }
    default:
      return conversation;
  }
}

/**
 * A selection cannot be checked again here (only the page knows what is selected): a reader that does not
 * say it read the selection (an older content script) is not trusted with it, and the run is refused.
 */
export function selectionUnsupported(conversation: Conversation, scope: ReadScope): boolean {
  return scope.kind === 'selection' && conversation.coverage?.scope !== 'selection';
}

/** What the user reads when the scope could not be fully covered; null when it was (or nobody said). */
export function coverageNotice(conversation: Conversation, scope: ReadScope): WordedText | string | null {
  const coverage = conversation.coverage;
  if (!coverage || coverage.complete) return null;
  const count = conversation.messages.length;
  // The whole chat was read: nothing is missing. Saying so on every run in a short chat is noise.
  if (scope.kind === 'last' && coverage.reachedChatStart) return null;
  // The page's own note is English text from the content script: the notice keeps it, untranslated.
  if (coverage.note) return `${englishCoverage(count, scope)} ${coverage.note}`;
  const one = count === 1;
  const chatStart = coverage.reachedChatStart;
  switch (scope.kind) {
    case 'last':
      return one ? wording('error_coverageLastOne', scope.count) : wording('error_coverageLastMany', count, scope.count);
    case 'since-unread':
      if (chatStart) return one ? wording('error_coverageSinceUnreadOneChatStart') : wording('error_coverageSinceUnreadManyChatStart', count);
      return one ? wording('error_coverageSinceUnreadOne') : wording('error_coverageSinceUnreadMany', count);
    case 'selection':
      if (chatStart) return one ? wording('error_coverageSelectionOneChatStart') : wording('error_coverageSelectionManyChatStart', count);
      return one ? wording('error_coverageSelectionOne') : wording('error_coverageSelectionMany', count);
    default:
      if (chatStart) return one ? wording('error_coveragePartialOneChatStart') : wording('error_coveragePartialManyChatStart', count);
      return one ? wording('error_coveragePartialOne') : wording('error_coveragePartialMany', count);
  }
}

/** The first sentence of the notice in English, for a notice that ends with the page's own (English) note. */
function englishCoverage(count: number, scope: ReadScope): string {
  const read = `${count} message${count === 1 ? '' : 's'}`;
  switch (scope.kind) {
    case 'last':
      return `Aside read ${read}, not the last ${scope.count} you asked for.`;
    case 'since-unread':
      return `Aside read ${read}, but could not reach the first unread message.`;
    case 'selection':
      return `Aside read ${read} of your selection; some selected messages could not be read.`;
    default:
      return `Aside could read only part of the chat (${read}).`;
  }
}

export function describeScope(scope: ReadScope): string {
  switch (scope.kind) {
    case 'last':
      return `the last ${scope.count} messages`;
    case 'since-unread':
      return 'the messages since the unread divider';
    case 'selection':
      return 'the messages you selected';
    default:
      return 'the messages on screen';
  }
}
