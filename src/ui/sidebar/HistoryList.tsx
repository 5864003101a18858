import type { HistoryEntry } from '../../shared/protocol';

interface Props {
  entries: HistoryEntry[];
}

const MAX_SHOWN = 5;

/** Suggestions from earlier runs in this chat, folded away. */
export function HistoryList({ entries }: Props) {
  if (entries.length === 0) return null;
  const shown = [...entries].sort((a, b) => b.createdAt - a.createdAt).slice(0, MAX_SHOWN);
  return (
    <details class="history" data-testid="history">
      <summary>Earlier suggestions</summary>
      <ul class="history-list">
        {shown.map((entry, index) => (
          <li key={entry.id ?? index} class="history-entry">
            <p class="history-meta muted">
              <time dateTime={new Date(entry.createdAt).toISOString()}>{new Date(entry.createdAt).toLocaleString()}</time>
              {' · '}
              {entry.assistantName} · {entry.model}
            </p>
            <ul class="history-suggestions">
              {entry.suggestions.map((text, i) => (
                <li key={i} class="history-text">
                  {text}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
