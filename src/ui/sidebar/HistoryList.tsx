import { useState } from 'preact/hooks';
import type { HistoryEntry } from '../../shared/protocol';
import { formatDateTime } from '../common/locale-format';
import { t } from '../i18n';
import { SafeMarkdown } from '../render';
import { historyLabel } from './task-labels';

interface Props {
  entries: HistoryEntry[];
}

const MAX_SHOWN = 5;

/**
 * Earlier results in this chat, folded away. Their text is model output too, so it goes through
 * SafeMarkdown; it is rendered only once the user opens the list.
 */
export function HistoryList({ entries }: Props) {
  const [open, setOpen] = useState(false);
  if (entries.length === 0) return null;
  const shown = [...entries].sort((a, b) => b.createdAt - a.createdAt).slice(0, MAX_SHOWN);
  return (
    <details class="history" data-testid="history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('sidebar_historyTitle')}</summary>
      {open ? (
        <ul class="history-list">
          {shown.map((entry, index) => (
            <li key={entry.id ?? index} class="history-entry">
              <p class="history-meta muted">
                {historyLabel(entry.task)} ·{' '}
                <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDateTime(entry.createdAt)}</time>
                {' · '}
                {entry.assistantName} · {entry.model}
              </p>
              {entry.output ? (
                <SafeMarkdown text={entry.output} class="history-output" />
              ) : (
                <ul class="history-suggestions">
                  {entry.suggestions.map((text, i) => (
                    <li key={i} class="history-text">
                      <SafeMarkdown text={text} verbatim />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
