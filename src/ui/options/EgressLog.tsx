import { useCallback, useEffect, useState } from 'preact/hooks';
import { toUserFacingError, type UiApi } from '../api';
import type { EgressLogEntry } from '../../shared/protocol';
import type { UserFacingError } from '../../shared/errors';
import { ErrorNotice } from '../common/ErrorNotice';

interface Props {
  api: UiApi;
}

function formatTime(time: number): string {
  return new Date(time).toLocaleString();
}

/** Every outbound request Aside made, newest first, as the egress guard recorded it; with Clear. */
export function EgressLog({ api }: Props) {
  const [entries, setEntries] = useState<EgressLogEntry[] | null>(null);
  const [error, setError] = useState<UserFacingError | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setEntries((await api.request('ui->background:get-egress-log', {})).entries);
    } catch (cause) {
      setError(toUserFacingError(cause));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const clear = async () => {
    setError(null);
    try {
      await api.request('ui->background:clear-egress-log', {});
      setEntries([]);
    } catch (cause) {
      setError(toUserFacingError(cause));
    }
  };

  return (
    <section class="panel egress-log-panel" aria-labelledby="egress-log-title">
      <h3 id="egress-log-title">Outbound requests</h3>
      <p class="muted">Every request Aside sent, newest first: where it went, how much it carried, and for which chat.</p>
      <div class="egress-log-actions">
        <button type="button" class="button" data-testid="egress-refresh" onClick={() => void load()}>
          Refresh
        </button>
        <button type="button" class="button button-danger" data-testid="egress-clear" onClick={() => void clear()} disabled={!entries?.length}>
          Clear log
        </button>
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} testId="egress-error" /> : null}
      <div class="egress-log-scroll">
        <table class="egress-log" data-testid="egress-log">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Destination</th>
              <th scope="col">Bytes</th>
              <th scope="col">Chat</th>
              <th scope="col">Action</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {entries?.length === 0 ? (
              <tr>
                <td colSpan={6} class="muted">
                  No requests recorded.
                </td>
              </tr>
            ) : null}
            {(entries ?? []).map((entry, index) => (
              <tr key={entry.id ?? index} data-testid="egress-entry">
                <td>{formatTime(entry.time)}</td>
                <td class="egress-origin">{entry.origin}</td>
                <td>{entry.bytes.toLocaleString()}</td>
                <td>{entry.chatKey ?? '—'}</td>
                <td>{entry.action}</td>
                <td>{entry.status ?? 'failed'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
