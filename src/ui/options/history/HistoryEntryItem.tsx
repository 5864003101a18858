import type { HistoryEntry } from '../../../shared/protocol';
import { historyLabel } from '../../sidebar/task-labels';
import { chatLabelText } from './chat-label';
import { ConfirmDelete } from './ConfirmDelete';
import { formatDateTime } from '../../common/locale-format';
import { t } from '../../i18n';

interface Props {
  entry: HistoryEntry;
  confirming: boolean;
  onAskDelete: () => void;
  onConfirmDelete: () => void;
  onCancelDelete: () => void;
}

/**
 * One stored result. Its text is model output: shown as plain text (pre-wrapped), never as HTML, and
 * links in it stay inert words.
 */
export function HistoryEntryItem({ entry, confirming, onAskDelete, onConfirmDelete, onCancelDelete }: Props) {
  const when = new Date(entry.createdAt);
  const whenText = formatDateTime(when);
  const label = historyLabel(entry.task);
  return (
    <li class="history-item" data-testid="history-entry" data-entry-id={entry.id}>
      <div class="history-item-header">
        <p class="history-item-meta">
          <span class="history-item-task">{label}</span>
          <span class="muted">
            {' · '}
            {chatLabelText(entry.chatKey)} · <time dateTime={when.toISOString()}>{whenText}</time> · {entry.assistantName} ({entry.model})
          </span>
        </p>
        {confirming ? null : (
          <button
            type="button"
            class="button button-quiet button-danger"
            data-testid="history-delete-entry"
            aria-label={t('optionsHistory_deleteEntryLabel', label, whenText)}
            onClick={onAskDelete}
          >
            {t('optionsHistory_delete')}
          </button>
        )}
      </div>
      {entry.output ? (
        <p class="history-item-text" data-testid="history-entry-text">
          {entry.output}
        </p>
      ) : (
        <ul class="history-item-suggestions">
          {entry.suggestions.map((suggestion, index) => (
            <li key={index} class="history-item-text" data-testid="history-entry-text">
              {suggestion}
            </li>
          ))}
        </ul>
      )}
      {confirming ? <ConfirmDelete question={t('optionsHistory_deleteEntryQuestion', label)} onConfirm={onConfirmDelete} onCancel={onCancelDelete} /> : null}
    </li>
  );
}
