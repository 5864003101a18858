import { useState } from 'preact/hooks';
import type { UserFacingError } from '../../shared/errors';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatNumber } from '../common/locale-format';
import { t } from '../i18n';
import { Field, describedBy } from './Field';
import type { ModelListOutcome } from './model-list';

interface Props {
  value: string;
  placeholder: string;
  error: string | undefined;
  /** Which server a loaded list belongs to (kind and address): a list for another one is not shown. */
  listFor: string;
  onChange: (model: string) => void;
  /** Starts loading; called inside the click, so it may ask the browser for permission. */
  onLoad: () => Promise<ModelListOutcome>;
}

interface LoadedList {
  listFor: string;
  models: string[];
}

/** The model name, typed freely or picked from the list the server gives on "Load models". */
export function ModelField({ value, placeholder, error, listFor, onChange, onLoad }: Props) {
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState<LoadedList | null>(null);
  const [loadError, setLoadError] = useState<UserFacingError | null>(null);

  const load = () => {
    if (loading) return;
    const requestedFor = listFor;
    const outcome = onLoad();
    setLoading(true);
    setLoadError(null);
    void outcome.then((result) => {
      setLoading(false);
      if (result.ok) setLoaded({ listFor: requestedFor, models: result.models });
      else {
        setLoaded(null);
        setLoadError(result.error);
      }
    });
  };

  const models = loaded && loaded.listFor === listFor ? loaded.models : null;
  return (
    <Field id="provider-model" label={t('options_fieldModel')} error={error}>
      <div class="model-row">
        <input
          id="provider-model"
          data-testid="provider-model"
          type="text"
          spellcheck={false}
          value={value}
          maxLength={200}
          placeholder={placeholder}
          list="provider-model-options"
          onInput={(event) => onChange(event.currentTarget.value)}
          {...describedBy('provider-model', error)}
        />
        <button type="button" class="button" data-testid="provider-load-models" onClick={load} disabled={loading} title={t('options_loadModelsTitle')}>
          {loading ? t('options_loadingModels') : t('options_loadModels')}
        </button>
      </div>
      <datalist id="provider-model-options" data-testid="provider-model-options">
        {(models ?? []).map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      {models && models.length > 0 ? (
        <select
          class="model-select"
          data-testid="provider-model-select"
          aria-label={t('options_modelsLabel')}
          value={models.includes(value.trim()) ? value.trim() : ''}
          onChange={(event) => {
            if (event.currentTarget.value !== '') onChange(event.currentTarget.value);
          }}
        >
          <option value="">{models.length === 1 ? t('options_chooseModelOne') : t('options_chooseModelOther', formatNumber(models.length))}</option>
          {models.map((model) => (
            <option key={model} value={model}>
              {model}
            </option>
          ))}
        </select>
      ) : null}
      {models && models.length === 0 ? (
        <p class="muted field-help" data-testid="model-list-status" role="status">
          {t('options_noModelsListed')}
        </p>
      ) : null}
      {loadError ? <ErrorNotice error={loadError} testId="model-list-error" /> : null}
    </Field>
  );
}
