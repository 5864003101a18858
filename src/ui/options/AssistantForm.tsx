import { useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import type { AssistantView, ProviderKind } from '../../shared/settings';
import type { UserFacingError } from '../../shared/errors';
import { ErrorNotice } from '../common/ErrorNotice';
import { EMPTY_DRAFT, draftFrom, type FieldErrors, type FormDraft } from './form-draft';
import type { OptionsHost } from './options-host';
import { saveDraft } from './save-flow';
import { CONTEXT_WINDOW_KINDS, IN_BROWSER_KINDS, defaultNameFor, defaultPresetFor, isPresetValue, modelHintFor, presetsFor, type Preset } from './presets';
import { Field, describedBy } from './Field';
import { KindSelect } from './KindSelect';
import { loadModelList } from './model-list';
import { ModelField } from './ModelField';
import { PresetChips } from './PresetChips';
import { OllamaHelp } from './OllamaHelp';
import { TestResult, type TestOutcome } from './TestResult';
import { ChromeAiPanel } from './local-models/ChromeAiPanel';
import { LocalModelPicker } from './local-models/LocalModelPicker';
import { CHROME_AI_MODEL_ID } from '../../providers/chrome-ai/model-id';
import { formatNumber } from '../common/locale-format';
import { t } from '../i18n';

interface Props {
  api: UiApi;
  host: OptionsHost;
  /** The assistant being edited, or null to add one. */
  initial: AssistantView | null;
  onSaved: (assistant: AssistantView) => void;
}

interface SaveNotice {
  /** Counts saves, so a late permission answer updates only its own notice. */
  serial: number;
  name: string;
  origin: string;
  /** null until the user answers the browser's prompt. */
  originGranted: boolean | null;
  missingKey: boolean;
}

let saveSerial = 0;

/** What Ollama gets when the field is empty (the provider's DEFAULT_CONTEXT_WINDOW_TOKENS). */
const OLLAMA_DEFAULT_CONTEXT_WINDOW = 8192;

function isOllamaLike(draft: FormDraft): boolean {
  if (draft.kind === 'ollama') return true;
  try {
    return new URL(draft.baseUrl).port === '11434';
  } catch {
    return false;
  }
}

function differs(draft: FormDraft, saved: AssistantView): boolean {
  return (
    draft.kind !== saved.kind ||
    draft.name.trim() !== saved.name ||
    draft.baseUrl.trim() !== saved.baseUrl ||
    draft.model.trim() !== saved.model ||
    draft.contextWindow.trim() !== (saved.contextWindowTokens === undefined ? '' : String(saved.contextWindowTokens)) ||
    draft.apiKey !== '' ||
    draft.forgetKey
  );
}

/** Adds or edits one assistant: provider, address, key and model; saves and tests it. */
export function AssistantForm({ api, host, initial, onSaved }: Props) {
  const [draft, setDraft] = useState<FormDraft>(() => (initial ? draftFrom(initial) : EMPTY_DRAFT));
  const [saved, setSaved] = useState<AssistantView | null>(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<UserFacingError | null>(null);
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<TestOutcome | null>(null);

  const update = (patch: Partial<FormDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    setNotice(null);
    setFieldErrors((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(patch)) delete next[key as keyof FieldErrors];
      return next;
    });
  };

  const applyPreset = (preset: Preset | undefined, kind: ProviderKind) => {
    setDraft((previous) => ({
      ...previous,
      kind,
      baseUrl: preset ? preset.baseUrl : isPresetValue(previous.baseUrl, 'baseUrl') ? '' : previous.baseUrl,
      name: isPresetValue(previous.name, 'label') ? (preset?.label ?? '') : previous.name,
    }));
    setNotice(null);
    setFieldErrors((previous) => ({ ...previous, kind: undefined, baseUrl: undefined, name: undefined }));
  };

  const onKind = (kind: ProviderKind) => {
    const preset = defaultPresetFor(kind);
    if (preset || isPresetValue(draft.baseUrl, 'baseUrl')) applyPreset(preset, kind);
    else update({ kind });
  };

  const onSave = (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    setNotice(null);
    // Validation and the permission prompt happen now, inside the click.
    const toSave = draft.kind === 'chrome-ai' ? { ...draft, model: CHROME_AI_MODEL_ID } : draft;
    const saving$ = saveDraft(api, host, toSave, saved?.hasApiKey ?? false);
    setSaving(true);
    void saving$.then((outcome) => {
      setSaving(false);
      if (!outcome.ok) {
        setFieldErrors(outcome.fieldErrors);
        setFormError(outcome.error);
        return;
      }
      setFieldErrors({});
      setSaved(outcome.assistant);
      setDraft(draftFrom(outcome.assistant));
      const serial = ++saveSerial;
      setNotice({ serial, name: outcome.assistant.name, origin: outcome.origin, originGranted: null, missingKey: outcome.missingKey });
      void outcome.originGranted.then((granted) =>
        setNotice((current) => (current?.serial === serial ? { ...current, originGranted: granted } : current)),
      );
      setTest(null);
      onSaved(outcome.assistant);
    });
  };

  // Field problems found before asking (an invalid address) are shown beside their fields.
  const onLoadModels = () =>
    loadModelList(api, host, draft, saved?.id ?? null).then((result) => {
      if (!result.ok && Object.keys(result.fieldErrors).length > 0) setFieldErrors((previous) => ({ ...previous, ...result.fieldErrors }));
      return result;
    });

  const onTest = () => {
    if (!saved || testing) return;
    setTesting(true);
    setTest(null);
    void (async () => {
      try {
        setTest(await api.request('ui->background:test-assistant', { id: saved.id }));
      } catch (cause) {
        setTest({ ok: false, error: toUserFacingError(cause) });
      } finally {
        setTesting(false);
      }
    })();
  };

  const hasKey = saved?.hasApiKey ?? false;
  const dirty = saved ? differs(draft, saved) : true;

  return (
    <form class="assistant-form" aria-labelledby="form-title" noValidate onSubmit={(event) => event.preventDefault()}>
      <h3 id="form-title">{saved ? t('options_formEditTitle', saved.name) : t('options_formAddTitle')}</h3>

      <Field id="provider-kind" label={t('options_fieldProvider')} error={fieldErrors.kind}>
        <KindSelect id="provider-kind" value={draft.kind} error={fieldErrors.kind} onChange={onKind} />
      </Field>
      <PresetChips presets={presetsFor(draft.kind)} baseUrl={draft.baseUrl} onPick={(preset) => applyPreset(preset, preset.kind)} />

      <Field id="provider-name" label={t('options_fieldName')} error={fieldErrors.name}>
        <input
          id="provider-name"
          data-testid="provider-name"
          type="text"
          value={draft.name}
          maxLength={80}
          placeholder={defaultNameFor(draft.kind, draft.baseUrl)}
          onInput={(event) => update({ name: event.currentTarget.value })}
          {...describedBy('provider-name', fieldErrors.name)}
        />
      </Field>

      {draft.kind === 'webllm' ? <LocalModelPicker api={api} value={draft.model} error={fieldErrors.model} onChange={(model) => update({ model })} /> : null}
      {draft.kind === 'chrome-ai' ? <ChromeAiPanel /> : null}

      {IN_BROWSER_KINDS.has(draft.kind) ? null : (<>
      <Field id="provider-base-url" label={t('options_fieldBaseUrl')} error={fieldErrors.baseUrl}>
        <input
          id="provider-base-url"
          data-testid="provider-base-url"
          type="url"
          inputMode="url"
          spellcheck={false}
          value={draft.baseUrl}
          placeholder={t('options_baseUrlPlaceholder')}
          onInput={(event) => update({ baseUrl: event.currentTarget.value })}
          {...describedBy('provider-base-url', fieldErrors.baseUrl)}
        />
      </Field>

      <Field
        id="provider-api-key"
        label={t('options_fieldApiKey')}
        error={fieldErrors.apiKey}
        help={t('options_apiKeyHelp')}
      >
        <input
          id="provider-api-key"
          data-testid="provider-api-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={draft.apiKey}
          placeholder={hasKey ? t('options_apiKeySavedPlaceholder') : t('options_apiKeyPlaceholder')}
          onInput={(event) => update({ apiKey: event.currentTarget.value })}
          {...describedBy('provider-api-key', fieldErrors.apiKey, true)}
        />
        {hasKey ? (
          <label class="checkbox">
            <input
              type="checkbox"
              data-testid="provider-forget-key"
              checked={draft.forgetKey}
              onChange={(event) => update({ forgetKey: event.currentTarget.checked })}
            />
            {t('options_forgetKey')}
          </label>
        ) : null}
      </Field>

      <ModelField
        value={draft.model}
        placeholder={modelHintFor(draft.kind, draft.baseUrl)}
        error={fieldErrors.model}
        listFor={`${draft.kind} ${draft.baseUrl.trim()}`}
        onChange={(model) => update({ model })}
        onLoad={onLoadModels}
      />
      </>)}

      {CONTEXT_WINDOW_KINDS.has(draft.kind) ? (
        <Field
          id="provider-context-window"
          label={t('options_fieldContextWindow')}
          error={fieldErrors.contextWindowTokens}
          help={t('options_contextWindowHelp', formatNumber(OLLAMA_DEFAULT_CONTEXT_WINDOW))}
        >
          <input
            id="provider-context-window"
            data-testid="provider-context-window"
            type="text"
            inputMode="numeric"
            spellcheck={false}
            value={draft.contextWindow}
            placeholder={String(OLLAMA_DEFAULT_CONTEXT_WINDOW)}
            onInput={(event) => update({ contextWindow: event.currentTarget.value })}
            {...describedBy('provider-context-window', fieldErrors.contextWindowTokens, true)}
          />
        </Field>
      ) : null}

      {isOllamaLike(draft) ? <OllamaHelp extensionOrigin={host.extensionOrigin} copy={host.copyText} /> : null}

      {formError ? <ErrorNotice error={formError} /> : null}

      {notice ? (
        <div
          class={`notice ${notice.originGranted === false || notice.missingKey ? 'notice-warn' : 'notice-ok'}`}
          role="status"
          data-testid="save-result"
        >
          <p>{t('options_saved', notice.name)}</p>
          {notice.originGranted === false ? (
            <p data-testid="permission-warning">
              {t('options_permissionRefused', notice.origin)}
            </p>
          ) : null}
          {notice.missingKey ? (
            <p data-testid="missing-key-warning">{t('options_missingKey')}</p>
          ) : null}
        </div>
      ) : null}

      <div class="form-actions">
        <button type="submit" class="button button-primary" data-testid="provider-save" onClick={onSave} disabled={saving}>
          {saving ? t('options_saving') : t('options_save')}
        </button>
        <button
          type="button"
          class="button"
          data-testid="provider-test"
          onClick={onTest}
          disabled={!saved || testing}
          title={saved ? t('options_testTitle') : t('options_testNeedsSave')}
        >
          {testing ? t('options_testing') : t('options_test')}
        </button>
      </div>
      {saved && dirty ? <p class="muted form-note">{t('options_testUsesSaved')}</p> : null}
      {!saved ? <p class="muted form-note">{t('options_saveToTest')}</p> : null}
      {test ? <TestResult outcome={test} /> : null}
    </form>
  );
}
