import type { AssistantView } from '../../shared/settings';
import { AssistantRow } from './AssistantRow';
import { t } from '../i18n';

interface Props {
  assistants: AssistantView[];
  activeId: string | null;
  editingId: string | null;
  onEdit: (assistant: AssistantView) => void;
  onActivate: (id: string) => void;
  onDelete: (id: string) => void;
  onNew: () => void;
}

/** The assistants the user configured; the active one answers in the sidebar. */
export function AssistantList({ assistants, activeId, editingId, onEdit, onActivate, onDelete, onNew }: Props) {
  return (
    <section class="panel" aria-labelledby="assistants-title">
      <div class="panel-header">
        <h3 id="assistants-title">{t('options_assistantsTitle')}</h3>
        <button type="button" class="button" data-testid="assistant-new" onClick={onNew}>
          {t('options_assistantAddAnother')}
        </button>
      </div>
      {assistants.length === 0 ? (
        <p class="muted">{t('options_assistantsEmpty')}</p>
      ) : (
        <ul class="assistant-list" data-testid="assistant-list">
          {assistants.map((assistant) => (
            <AssistantRow
              key={assistant.id}
              assistant={assistant}
              active={assistant.id === activeId}
              editing={assistant.id === editingId}
              onEdit={() => onEdit(assistant)}
              onActivate={() => onActivate(assistant.id)}
              onDelete={() => onDelete(assistant.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
