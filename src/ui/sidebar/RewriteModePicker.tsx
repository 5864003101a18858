import type { RewriteMode } from '../../shared/stream-protocol';

interface Props {
  value: RewriteMode;
  onChange(mode: RewriteMode): void;
  disabled?: boolean;
}

const MODES: ReadonlyArray<{ value: RewriteMode; label: string }> = [
  { value: 'improve', label: 'Improve it' },
  { value: 'fix', label: 'Fix spelling and grammar' },
  { value: 'shorten', label: 'Make it shorter' },
  { value: 'tone', label: 'Change its tone' },
  { value: 'translate', label: 'Translate into the chat’s language' },
];

/** What "Rewrite my draft" does with the draft; the tone picker applies to Improve and Change its tone. */
export function RewriteModePicker({ value, onChange, disabled }: Props) {
  return (
    <label class="rewrite-mode-label">
      Draft{' '}
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
            {mode.label}
          </option>
        ))}
      </select>
    </label>
  );
}
