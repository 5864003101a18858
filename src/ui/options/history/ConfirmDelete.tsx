import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n';

interface Props {
  /** The question, naming exactly what goes: "Delete all 12 results of Ana?" */
  question: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks once more before deleting. Focus moves to Cancel, the safe choice, so a second Enter
 * does not delete by accident; Escape cancels.
 */
export function ConfirmDelete({ question, onConfirm, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <div
      class="confirm-delete"
      role="group"
      aria-label={t('optionsHistory_confirmLabel')}
      data-testid="history-confirmation"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p class="confirm-text">
        {question} {t('optionsHistory_cannotUndo')}
      </p>
      <div class="row-actions">
        <button type="button" class="button button-danger" data-testid="history-confirm" onClick={onConfirm}>
          {t('optionsHistory_delete')}
        </button>
        <button type="button" class="button" data-testid="history-cancel" ref={cancel} onClick={onCancel}>
          {t('optionsHistory_cancel')}
        </button>
      </div>
    </div>
  );
}
