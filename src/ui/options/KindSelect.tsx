import type { ProviderKind } from '../../shared/settings';
import { ENABLED_KINDS, KIND_ORDER, kindLabel } from './presets';
import { describedBy } from './Field';
import { t } from '../i18n';

interface Props {
  id: string;
  value: ProviderKind;
  error: string | undefined;
  onChange: (kind: ProviderKind) => void;
}

function isKind(value: string): value is ProviderKind {
  return (KIND_ORDER as readonly string[]).includes(value);
}

/** Every provider kind; those not built yet are shown, disabled, as coming soon. */
export function KindSelect({ id, value, error, onChange }: Props) {
  return (
    <select
      id={id}
      data-testid="provider-kind"
      value={value}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isKind(next)) onChange(next);
      }}
      {...describedBy(id, error)}
    >
      {KIND_ORDER.map((kind) => (
        <option key={kind} value={kind} disabled={!ENABLED_KINDS.has(kind)}>
          {ENABLED_KINDS.has(kind) ? kindLabel(kind) : t('options_kindComingSoon', kindLabel(kind))}
        </option>
      ))}
    </select>
  );
}
