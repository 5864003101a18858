import { useState } from 'preact/hooks';
import { toUserFacingError, type UiApi } from '../../api';
import type { UserFacingError } from '../../../shared/errors';
import { MAX_SETTINGS_FILE_CHARACTERS, type SettingsImportResult } from '../../../shared/protocol';
import { ErrorNotice } from '../../common/ErrorNotice';
import { formatNumber } from '../../common/locale-format';
import { t } from '../../i18n';
import { translated } from '../../common/error-text';

interface Props {
  api: UiApi;
  /** Saves text as a file the user downloads (nothing leaves the browser). */
  download: (filename: string, text: string) => void;
  /** Called after an import changed the settings, so the page can show the new assistants. */
  onImported?: () => void;
}

/**
 * Options → Data → Settings: export every setting as a JSON file (never an API key), and import one.
 * The background validates the file; this component only reads it and reports what happened.
 */
export function SettingsTransfer({ api, download, onImported }: Props) {
  const [error, setError] = useState<UserFacingError | null>(null);
  const [result, setResult] = useState<SettingsImportResult | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportSettings = async () => {
    setError(null);
    setResult(null);
    try {
      const { file, fileName } = await api.request('ui->background:export-settings', {});
      download(fileName, `${JSON.stringify(file, null, 2)}\n`);
      const missing = file.assistantsNeedingKey.map((assistant) => assistant.name);
      setExported(
        missing.length
          ? t('optionsData_exportedNeedsKeys', fileName, missing.join(', '))
          : t('optionsData_exportedNoKeys', fileName),
      );
    } catch (cause) {
      setError(toUserFacingError(cause));
    }
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setError(null);
    setResult(null);
    setExported(null);
    // Refused here already, so a huge file is never read into memory; the background checks again.
    if (file.size > MAX_SETTINGS_FILE_CHARACTERS * 4) {
      setError({
        kind: 'config',
        message: t('optionsData_fileTooLarge', formatNumber(Math.ceil(file.size / 1024))),
        hint: t('optionsData_fileTooLargeHint'),
        retryable: false,
      });
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      setResult(await api.request('ui->background:import-settings', { text }));
      onImported?.();
    } catch (cause) {
      setError(toUserFacingError(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel settings-transfer" aria-labelledby="settings-transfer-title" data-testid="settings-transfer">
      <h3 id="settings-transfer-title">{t('optionsData_title')}</h3>
      <p class="muted">{t('optionsData_intro')}</p>
      <div class="settings-transfer-actions">
        <button type="button" class="button" data-testid="settings-export" onClick={() => void exportSettings()}>
          {t('optionsData_export')}
        </button>
        <label class="button">
          {t('optionsData_import')}
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            data-testid="settings-import"
            disabled={busy}
            onChange={(event) => void importFile(event.currentTarget as HTMLInputElement)}
          />
        </label>
      </div>
      {exported ? (
        <p class="muted" role="status" data-testid="settings-export-result">
          {exported}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} testId="settings-import-error" /> : null}
      {result ? (
        <div class="notice" role="status" data-testid="settings-import-result">
          <p>{result.assistants === 1 ? t('optionsData_importedOne') : t('optionsData_importedOther', result.assistants)}</p>
          {result.needsKey.length > 0 ? (
            <p data-testid="settings-import-needs-key">
              {t('optionsData_needsKey', result.needsKey.map((assistant) => assistant.name).join(', '))}
            </p>
          ) : null}
          {result.notices.map((notice, index) => (
            <p key={notice} class="muted">
              {translated(result.noticeWordings?.[index], notice)}
            </p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
