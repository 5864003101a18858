import { useCallback, useEffect, useState } from 'preact/hooks';
import { toUserFacingError, type UiApi } from '../api';
import type { EgressLogEntry } from '../../shared/protocol';
import type { UserFacingError } from '../../shared/errors';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDateTime, formatNumber } from '../common/locale-format';
import { t } from '../i18n';

interface Props {
  api: UiApi;
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
      <h3 id="egress-log-title">{t('options_egressTitle')}</h3>
      <p class="muted">{t('options_egressIntro')}</p>
      <div class="egress-log-actions">
        <button type="button" class="button" data-testid="egress-refresh" onClick={() => void load()}>
          {t('options_egressRefresh')}
        </button>
        <button type="button" class="button button-danger" data-testid="egress-clear" onClick={() => void clear()} disabled={!entries?.length}>
          {t('options_egressClear')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} onRetry={() => void load()} testId="egress-error" /> : null}
      <div class="egress-log-scroll">
        <table class="egress-log" data-testid="egress-log">
          <thead>
            <tr>
              <th scope="col">{t('options_egressTime')}</th>
              <th scope="col">{t('options_egressDestination')}</th>
              <th scope="col">{t('options_egressBytes')}</th>
              <th scope="col">{t('options_egressChat')}</th>
              <th scope="col">{t('options_egressAction')}</th>
              <th scope="col">{t('options_egressStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {entries?.length === 0 ? (
              <tr>
                <td colSpan={6} class="muted">
                  {t('options_egressEmpty')}
                </td>
              </tr>
            ) : null}
            {(entries ?? []).map((entry, index) => (
              <tr key={entry.id ?? index} data-testid="egress-entry">
                <td>{formatDateTime(entry.time)}</td>
                <td class="egress-origin">{entry.origin}</td>
                <td>{formatNumber(entry.bytes)}</td>
                <td>{entry.chatKey ?? '—'}</td>
                <td>{entry.action}</td>
                <td>{entry.status ?? t('options_egressFailed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
