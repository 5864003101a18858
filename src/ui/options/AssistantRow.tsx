import { useState } from 'preact/hooks';
import type { AssistantView } from '../../shared/settings';
import { LocalityBadge } from '../common/LocalityBadge';
import { kindLabel } from './presets';
import { t } from '../i18n';

interface Props {
  assistant: AssistantView;
  active: boolean;
  editing: boolean;
  onEdit: () => void;
  onActivate: () => void;
  onDelete: () => void;
}

/** One configured assistant, with edit, make active and delete (which asks once more). */
export function AssistantRow({ assistant, active, editing, onEdit, onActivate, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li
      class={`assistant-row${active ? ' is-active' : ''}${editing ? ' is-editing' : ''}`}
      data-testid="assistant-item"
      data-assistant-id={assistant.id}
      data-active={String(active)}
    >
      <div class="assistant-summary">
        <p class="assistant-title">
          <span class="assistant-name">{assistant.name}</span>
          {active ? <span class="badge badge-active">{t('options_assistantActive')}</span> : null}
          <LocalityBadge locality={assistant.locality} />
          <span class="badge badge-muted">{assistant.hasApiKey ? t('options_assistantKeySet') : t('options_assistantNoKey')}</span>
        </p>
        <p class="muted assistant-detail">
          {kindLabel(assistant.kind)} · {assistant.model}
        </p>
        <p class="muted assistant-detail assistant-url">{assistant.baseUrl}</p>
      </div>
      <div class="row-actions">
        {confirming ? (
          <>
            <span class="confirm-text">{t('options_assistantDeleteConfirm', assistant.name)}</span>
            <button type="button" class="button button-danger" data-testid="assistant-delete-confirm" onClick={onDelete}>
              {t('options_assistantDelete')}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {t('options_assistantKeep')}
            </button>
          </>
        ) : (
          <>
            <button type="button" class="button" data-testid="assistant-edit" onClick={onEdit} aria-label={t('options_assistantEditLabel', assistant.name)}>
              {t('options_assistantEdit')}
            </button>
            {active ? null : (
              <button
                type="button"
                class="button"
                data-testid="assistant-activate"
                onClick={onActivate}
                aria-label={t('options_assistantUseLabel', assistant.name)}
              >
                {t('options_assistantUse')}
              </button>
            )}
            <button
              type="button"
              class="button button-quiet button-danger"
              data-testid="assistant-delete"
              onClick={() => setConfirming(true)}
              aria-label={t('options_assistantDeleteLabel', assistant.name)}
            >
              {t('options_assistantDelete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
