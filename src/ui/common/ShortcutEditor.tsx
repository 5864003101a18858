import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { shortcutFromKeyPress, type ShortcutCapture } from './shortcut-keys';

interface Props {
  description: string;
  mac: boolean;
  onSave: (shortcut: string) => Promise<string | null>;
  onClose: () => void;
}

/**
 * Firefox only: records the next key combination for one command and saves it with commands.update.
 * The field takes focus at once; Escape leaves it unchanged; the browser's own refusal is shown.
 */
export function ShortcutEditor({ description, mac, onSave, onClose }: Props) {
  const [capture, setCapture] = useState<ShortcutCapture | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);

  const save = async () => {
    if (capture?.kind !== 'shortcut') return;
    const refusal = await onSave(capture.shortcut);
    if (refusal === null) onClose();
    else setProblem(refusal);
  };

  const hint = capture?.kind === 'invalid' ? capture.reason : problem;
  return (
    <div class="shortcut-editor" data-testid="shortcut-editor">
      <label class="visually-hidden" for="shortcut-capture">
        {t('common_shortcutNewKeysLabel', description)}
      </label>
      <input
        id="shortcut-capture"
        ref={input}
        type="text"
        readOnly
        data-testid="shortcut-input"
        value={capture?.kind === 'shortcut' ? capture.shortcut : ''}
        placeholder={t('common_shortcutPressKeys')}
        aria-describedby={hint ? 'shortcut-capture-hint' : undefined}
        onKeyDown={(event) => {
          if (event.key === 'Tab') return;
          event.preventDefault();
          if (event.key === 'Escape') return onClose();
          if (event.key === 'Enter' && capture?.kind === 'shortcut' && !event.altKey && !event.ctrlKey && !event.metaKey) return void save();
          setProblem(null);
          const next = shortcutFromKeyPress(event, mac);
          if (next.kind !== 'incomplete') setCapture(next);
        }}
      />
      <button type="button" class="button" data-testid="shortcut-save" disabled={capture?.kind !== 'shortcut'} onClick={() => void save()}>
        {t('common_save')}
      </button>
      <button type="button" class="button button-quiet" onClick={onClose}>
        {t('common_cancel')}
      </button>
      {hint ? (
        <p id="shortcut-capture-hint" class="field-error shortcut-hint" role="alert">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
