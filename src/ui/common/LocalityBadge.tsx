import { t } from '../i18n';

interface Props {
  locality: 'local' | 'remote';
}

/** Where the model runs: on this machine or a remote service. */
export function LocalityBadge({ locality }: Props) {
  return (
    <span
      class={`badge badge-${locality}`}
      title={locality === 'local' ? t('common_localTitle') : t('common_remoteTitle')}
    >
      {locality === 'local' ? t('common_local') : t('common_remote')}
    </span>
  );
}
