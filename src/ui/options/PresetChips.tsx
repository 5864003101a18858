import type { Preset } from './presets';
import { t } from '../i18n';

interface Props {
  presets: Preset[];
  baseUrl: string;
  onPick: (preset: Preset) => void;
}

/** Quick fills for servers that share one kind (LM Studio, llama.cpp…). */
export function PresetChips({ presets, baseUrl, onPick }: Props) {
  if (presets.length < 2) return null;
  return (
    <div class="preset-chips" role="group" aria-label={t('options_presetsLabel')}>
      {presets.map((preset) => (
        <button
          key={preset.id}
          type="button"
          class={`button chip${preset.baseUrl === baseUrl.trim() ? ' is-active' : ''}`}
          aria-pressed={preset.baseUrl === baseUrl.trim()}
          data-testid={`preset-${preset.id}`}
          onClick={() => onPick(preset)}
        >
          {preset.label}
        </button>
      ))}
    </div>
  );
}
