import type { ReadScope } from '../../shared/protocol';
import { formatNumber } from '../common/locale-format';
import { t } from '../i18n';

interface Props {
  /** null: the scope set in Options → Privacy. */
  value: ReadScope | null;
  onChange(scope: ReadScope | null): void;
  disabled?: boolean;
}

/** The choices offered for one run; the first follows the privacy setting. */
const CHOICES: Array<{ id: string; scope: ReadScope | null }> = [
  { id: 'default', scope: null },
  { id: 'last-20', scope: { kind: 'last', count: 20 } },
  { id: 'last-50', scope: { kind: 'last', count: 50 } },
  { id: 'last-200', scope: { kind: 'last', count: 200 } },
  { id: 'since-unread', scope: { kind: 'since-unread' } },
  { id: 'selection', scope: { kind: 'selection' } },
];

/** A choice in words, read when shown (the page installs its language after this module loads). */
function labelOf(scope: ReadScope | null): string {
  if (scope === null) return t('sidebar_scopeDefault');
  switch (scope.kind) {
    case 'last':
      return t('sidebar_scopeLast', formatNumber(scope.count));
    case 'since-unread':
      return t('sidebar_scopeSinceUnread');
    case 'selection':
      return t('sidebar_scopeSelection');
    default:
      return t('sidebar_scopeDefault');
  }
}

function idOf(scope: ReadScope | null): string {
  if (scope === null) return 'default';
  return scope.kind === 'last' ? `last-${scope.count}` : scope.kind;
}

/** What the next run reads (minimisation): only these messages go into the prompt. */
export function ScopePicker({ value, onChange, disabled }: Props) {
  return (
    <label class="scope-picker">
      <span class="muted">{t('sidebar_scopeLabel')} </span>
      <select
        data-testid="scope-picker"
        value={idOf(value)}
        disabled={disabled}
        onChange={(event) => onChange(CHOICES.find((choice) => choice.id === (event.currentTarget as HTMLSelectElement).value)?.scope ?? null)}
      >
        {CHOICES.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {labelOf(choice.scope)}
          </option>
        ))}
      </select>
    </label>
  );
}
