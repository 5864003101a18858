import type { TabState } from '../../shared/protocol';
import type { UserFacingError } from '../../shared/errors';
import { formatNumber } from '../common/locale-format';
import { t } from '../i18n';
import { errorText } from '../common/error-text';
import { healthNoteText } from './health-note-text';

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

/** How a user reports a chat Aside reads badly: what to save, what to run (never translated), what to attach. */
export function reportSteps(): string[] {
  return [t('sidebar_reportSave'), EXTRACT_COMMAND, t('sidebar_reportAttach')];
}

/** "Reading “Ana” · 42 messages": one key for exactly one message, another for every other count. */
function readingSentence(title: string, messageCount: number): string {
  const count = formatNumber(messageCount);
  return messageCount === 1 ? t('sidebar_statusReadingOne', title, count) : t('sidebar_statusReadingMany', title, count);
}

/** The adapter-status element's status and sentence, from what the background said about the tab. */
export function describeAdapterStatus({ tabId, state, error }: AdapterStatusInput): AdapterStatusView {
  if (tabId === null) {
    return { status: 'unsupported', sentence: t('sidebar_statusNoTab'), notes: [] };
  }
  if (error) {
    const words = errorText(error);
    return { status: 'unreadable', sentence: t('sidebar_statusCantCheck', words.message), notes: words.hint ? [words.hint] : [] };
  }
  if (tabId === undefined || !state) {
    return { status: undefined, sentence: t('sidebar_statusChecking'), notes: [] };
  }
  if (!state.supported) {
    return { status: 'unsupported', sentence: t('sidebar_statusUnsupported'), notes: [] };
  }
  const conversation = state.conversation;
  if (!conversation) {
    const words = state.error ? errorText(state.error) : undefined;
    const notes = words?.hint ? [words.hint] : [];
    return {
      status: 'unreadable',
      sentence: words ? t('sidebar_statusCantReadError', words.message) : t('sidebar_statusOpenChat'),
      notes,
    };
  }
  const notes = (conversation.health.notes ?? []).map(healthNoteText);
  const reading = readingSentence(conversation.title, conversation.messageCount);
  switch (conversation.health.status) {
    case 'ok':
      return { status: 'ok', sentence: reading, notes };
    case 'degraded':
      return {
        status: 'degraded',
        sentence: t('sidebar_statusDegraded', reading),
        notes: [...notes, ...reportSteps()],
      };
    default:
      return { status: 'unreadable', sentence: t('sidebar_statusCantReadTitle', conversation.title), notes };
  }
}
