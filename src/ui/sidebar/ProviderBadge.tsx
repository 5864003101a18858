import type { AssistantView } from '../../shared/settings';
import { LocalityBadge } from '../common/LocalityBadge';
import { t } from '../i18n';

interface Props {
  assistant: AssistantView | null;
  loaded: boolean;
  onOpenOptions: () => void;
}

/** The assistant that will answer, and whether it runs locally; or a way to set one up. */
export function ProviderBadge({ assistant, loaded, onOpenOptions }: Props) {
  if (assistant) {
    return (
      <div class="provider-badge" data-testid="provider-badge" data-locality={assistant.locality}>
        <span class="provider-name">{assistant.name}</span>
        <span class="provider-model muted">{assistant.model}</span>
        <LocalityBadge locality={assistant.locality} />
      </div>
    );
  }
  if (!loaded) return <div class="provider-badge provider-pending muted">{t('sidebar_assistantLoading')}</div>;
  return (
    <div class="provider-setup notice notice-warn" data-testid="provider-setup">
      <p>{t('sidebar_noAssistant')}</p>
      <button type="button" class="button button-primary" data-testid="open-options" onClick={onOpenOptions}>
        {t('sidebar_setUpAssistant')}
      </button>
    </div>
  );
}
