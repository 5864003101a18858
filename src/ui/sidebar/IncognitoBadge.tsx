import { useEffect, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { t } from '../i18n';

interface Props {
  api: UiApi;
}

/**
 * A visible mark while incognito is on (Options → Privacy): the user should never wonder whether this run
 * lands in history. Read on load and whenever the sidebar gets focus again (after a visit to the options).
 */
export function IncognitoBadge({ api }: Props) {
  const [incognito, setIncognito] = useState(false);

  useEffect(() => {
    let live = true;
    const read = () =>
      api.request('ui->background:get-privacy-settings', {}).then(
        (privacy) => live && setIncognito(privacy.incognito),
        () => undefined,
      );
    void read();
    window.addEventListener('focus', read);
    return () => {
      live = false;
      window.removeEventListener('focus', read);
    };
  }, [api]);

  if (!incognito) return null;
  return (
    <span class="badge badge-muted incognito-badge" data-testid="incognito-badge" title={t('sidebar_incognitoTitle')}>
      {t('sidebar_incognito')}
    </span>
  );
}
