import type { RewriteMode } from '../../shared/stream-protocol';
import { i18nKey, t, type MessageKey } from '../i18n';

interface Props {
  value: RewriteMode;
  onChange(mode: RewriteMode): void;
  disabled?: boolean;
}

const MODES: ReadonlyArray<{ value: RewriteMode; label: MessageKey }> = [
  { value: 'improve', label: i18nKey('sidebar_rewriteImprove') },
  { value: 'fix', label: i18nKey('sidebar_rewriteFix') },
  { value: 'shorten', label: i18nKey('sidebar_rewriteShorten') },
  { value: 'tone', label: i18nKey('sidebar_rewriteTone') },
  { value: 'translate', label: i18nKey('sidebar_rewriteTranslate') },
];

/** What "Rewrite my draft" does with the draft; the tone picker applies to Improve and Change its tone. */
export function RewriteModePicker({ value, onChange, disabled }: Props) {
  return (
    <label class="rewrite-mode-label">
      {t('sidebar_rewriteModeLabel')}{' '}
      <select
        data-testid="rewrite-mode"
        value={value}
        disabled={disabled}
        onChange={(event) => {
          const picked = MODES.find((mode) => mode.value === event.currentTarget.value);
          if (picked) onChange(picked.value);
        }}
      >
        {MODES.map((mode) => (
          <option key={mode.value} value={mode.value}>
            {t(mode.label)}
          </option>
        ))}
      </select>
    </label>
  );
}
