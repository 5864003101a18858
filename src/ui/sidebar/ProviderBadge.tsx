import type { AssistantView } from '../../shared/settings';
import { LocalityBadge } from '../common/LocalityBadge';

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
  if (!loaded) return <div class="provider-badge provider-pending muted">Loading assistant…</div>;
  return (
    <div class="provider-setup notice notice-warn" data-testid="provider-setup">
      <p>No assistant is set up yet. Choose the model that should read your chats.</p>
      <button type="button" class="button button-primary" data-testid="open-options" onClick={onOpenOptions}>
        Set up an assistant
      </button>
    </div>
  );
}
