import { t } from '../i18n';
import type { AdapterStatusView } from './adapter-status';

interface Props {
  view: AdapterStatusView;
  loading: boolean;
  onRefresh: () => void;
}

/** What Aside can read in the bound tab, in one sentence, with a way to read it again. */
export function AdapterStatus({ view, loading, onRefresh }: Props) {
  return (
    <section class="adapter-status" data-testid="adapter-status" data-status={view.status} aria-label={t('sidebar_chatStatusLabel')}>
      <span class="status-dot" aria-hidden="true" />
      <div class="adapter-status-text">
        <p class="adapter-sentence">{view.sentence}</p>
        {view.notes.length > 0 ? (
          <ul class="adapter-notes">
            {view.notes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button
        type="button"
        class="button button-quiet refresh"
        data-testid="refresh-status"
        onClick={onRefresh}
        disabled={loading}
        title={t('sidebar_refreshTitle')}
      >
        {loading ? t('sidebar_refreshing') : t('sidebar_refresh')}
      </button>
    </section>
  );
}
