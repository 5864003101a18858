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

/** The exact command that turns a saved WhatsApp page into the JSON a bug report needs (README: Reporting). */
export const EXTRACT_COMMAND = 'npm run extract -- --url https://web.whatsapp.com/ page.html';

/** How a user reports a chat Aside reads badly: what to save, what to run, what to attach. */
export const REPORT_STEPS: readonly string[] = [
  'To report it: in WhatsApp Web press Ctrl+S (Cmd+S on a Mac) and save the page as page.html (“Web page, complete”), then, in a copy of Aside’s source, run:',
  EXTRACT_COMMAND,
  'Attach what it prints to your report. Read it first: it holds the messages of the open chat.',
];

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
      return {
        status: 'degraded',
        sentence:
          `${reading}, but WhatsApp’s page has changed in ways Aside does not fully understand: parts of the chat ` +
          'could not be read, so Insert is off.',
        notes: [...notes, ...REPORT_STEPS],
      };
    default:
      return { status: 'unreadable', sentence: `Can’t read “${conversation.title}”.`, notes };
  }
}
