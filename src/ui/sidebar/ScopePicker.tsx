import type { ReadScope } from '../../shared/protocol';

interface Props {
  /** null: the scope set in Options → Privacy. */
  value: ReadScope | null;
  onChange(scope: ReadScope | null): void;
  disabled?: boolean;
}

/** The choices offered for one run; the first follows the privacy setting. */
const CHOICES: Array<{ id: string; label: string; scope: ReadScope | null }> = [
  { id: 'default', label: 'As set in options', scope: null },
  { id: 'last-20', label: 'Last 20 messages', scope: { kind: 'last', count: 20 } },
  { id: 'last-50', label: 'Last 50 messages', scope: { kind: 'last', count: 50 } },
  { id: 'last-200', label: 'Last 200 messages', scope: { kind: 'last', count: 200 } },
  { id: 'since-unread', label: 'Since the unread divider', scope: { kind: 'since-unread' } },
  { id: 'selection', label: 'Only my selection', scope: { kind: 'selection' } },
];

function idOf(scope: ReadScope | null): string {
  if (scope === null) return 'default';
  return scope.kind === 'last' ? `last-${scope.count}` : scope.kind;
}

/** What the next run reads (minimisation): only these messages go into the prompt. */
export function ScopePicker({ value, onChange, disabled }: Props) {
  return (
    <label class="scope-picker">
      <span class="muted">Read: </span>
      <select
        data-testid="scope-picker"
        value={idOf(value)}
        disabled={disabled}
        onChange={(event) => onChange(CHOICES.find((choice) => choice.id === (event.currentTarget as HTMLSelectElement).value)?.scope ?? null)}
      >
        {CHOICES.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
