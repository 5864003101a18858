import type { TabState } from '../../shared/protocol';
import type { UserFacingError } from '../../shared/errors';

export type AdapterStatus = 'ok' | 'degraded' | 'unreadable' | 'unsupported';

export interface AdapterStatusView {
  /** undefined while the first answer is on its way. */
  status: AdapterStatus | undefined;
  sentence: string;
  notes: string[];
}

export interface AdapterStatusInput {
  /** undefined: not known yet; null: the window has no tab to work on. */
  tabId: number | null | undefined;
  state: TabState | null;
  error: UserFacingError | null;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** The adapter-status element's status and sentence, from what the background said about the tab. */
export function describeAdapterStatus({ tabId, state, error }: AdapterStatusInput): AdapterStatusView {
  if (tabId === null) {
    return { status: 'unsupported', sentence: 'No tab to work on. Open WhatsApp Web in this window.', notes: [] };
  }
  if (error) {
    return { status: 'unreadable', sentence: `Can’t check this tab: ${error.message}`, notes: error.hint ? [error.hint] : [] };
  }
  if (tabId === undefined || !state) {
    return { status: undefined, sentence: 'Checking this tab…', notes: [] };
  }
  if (!state.supported) {
    return { status: 'unsupported', sentence: 'This tab is not a supported messenger. Open a chat in WhatsApp Web.', notes: [] };
  }
  const conversation = state.conversation;
  if (!conversation) {
    const notes = state.error?.hint ? [state.error.hint] : [];
    return {
      status: 'unreadable',
      sentence: state.error ? `Can’t read this chat: ${state.error.message}` : 'Open a chat in WhatsApp Web to get started.',
      notes,
    };
  }
  const notes = conversation.health.notes ?? [];
  const reading = `Reading “${conversation.title}” · ${count(conversation.messageCount, 'message', 'messages')}`;
  switch (conversation.health.status) {
    case 'ok':
      return { status: 'ok', sentence: reading, notes };
    case 'degraded':
      return { status: 'degraded', sentence: `${reading}, but parts of the chat could not be read.`, notes };
    default:
      return { status: 'unreadable', sentence: `Can’t read “${conversation.title}”.`, notes };
  }
}
