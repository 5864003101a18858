import { useEffect, useRef } from 'preact/hooks';

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
      aria-label="Confirm deletion"
      data-testid="history-confirmation"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p class="confirm-text">{question} This cannot be undone.</p>
      <div class="row-actions">
        <button type="button" class="button button-danger" data-testid="history-confirm" onClick={onConfirm}>
          Delete
        </button>
        <button type="button" class="button" data-testid="history-cancel" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
