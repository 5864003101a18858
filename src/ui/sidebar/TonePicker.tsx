import { useState } from 'preact/hooks';
import { MAX_TONE_LENGTH } from '../../shared/stream-protocol';
import { i18nKey, t } from '../i18n';

interface Props {
  /** The chosen tone ('' for the chat's own). */
  onChange(tone: string): void;
  disabled?: boolean;
}

const PRESETS = [
  { value: '', label: i18nKey('sidebar_toneChatOwn') },
  { value: 'friendly', label: i18nKey('sidebar_toneFriendly') },
  { value: 'brief', label: i18nKey('sidebar_toneBrief') },
  { value: 'formal', label: i18nKey('sidebar_toneFormal') },
] as const;
const OWN = 'own';

/** The tone for replies and rewrites: a preset, or the user's own words (up to 60 characters). */
export function TonePicker({ onChange, disabled }: Props) {
  const [choice, setChoice] = useState('');
  const [own, setOwn] = useState('');
  return (
    <span class="tone-picker">
      <label class="tone-label">
        {t('sidebar_tone')}{' '}
        <select
          data-testid="tone-select"
          value={choice}
          disabled={disabled}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setChoice(value);
            onChange(value === OWN ? own.trim() : value);
          }}
        >
          {PRESETS.map((preset) => (
            <option key={preset.value} value={preset.value}>
              {t(preset.label)}
            </option>
          ))}
          <option value={OWN}>{t('sidebar_toneOwnOption')}</option>
        </select>
      </label>
      {choice === OWN ? (
        <input
          type="text"
          class="tone-own"
          data-testid="tone-own"
          aria-label={t('sidebar_toneOwnLabel')}
          placeholder={t('sidebar_toneOwnPlaceholder')}
          maxLength={MAX_TONE_LENGTH}
          value={own}
          disabled={disabled}
          onInput={(event) => {
            const value = event.currentTarget.value.slice(0, MAX_TONE_LENGTH);
            setOwn(value);
            onChange(value.trim());
          }}
        />
      ) : null}
    </span>
  );
}
