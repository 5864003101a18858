import { useEffect, useState } from 'preact/hooks';
import type { UiApi } from '../../api';
import { toUserFacingError } from '../../api';
import type { LocalDownloadView, LocalModelsResult } from '../../../shared/protocol';
import type { UserFacingError } from '../../../shared/errors';
import { ErrorNotice } from '../../common/ErrorNotice';
import { describeModel, describeProgress, formatBytes } from './format';
import { t } from '../../i18n';

interface Props {
  api: UiApi;
  /** The model id the assistant uses ('' while none is picked). */
  value: string;
  /** The form's complaint about the model (none picked). */
  error?: string | undefined;
  onChange: (model: string) => void;
}

/** How often the page asks for download progress while a download runs. */
const PROGRESS_POLL_MS = 400;

function gpuSentence(gpu: Extract<LocalModelsResult, { ok: true }>['gpu']): { status: string; text: string } {
  if (!gpu.webgpu) return { status: 'no-webgpu', text: t('optionsLocalModels_gpuNoWebgpu') };
  if (!gpu.adapter) return { status: 'no-adapter', text: t('optionsLocalModels_gpuNoAdapter') };
  if (gpu.isFallbackAdapter) return { status: 'fallback', text: t('optionsLocalModels_gpuFallback') };
  return { status: 'ok', text: gpu.shaderF16 ? t('optionsLocalModels_gpuReadyF16') : t('optionsLocalModels_gpuReady') };
}

/**
 * The WebLLM model picker: web-llm's prebuilt list checked against this GPU, the download with its
 * progress (it runs in the engine host, so it goes on when this page closes), and the downloaded models.
 */
export function LocalModelPicker({ api, value, error, onChange }: Props) {
  const [listing, setListing] = useState<LocalModelsResult | null>(null);
  const [download, setDownload] = useState<LocalDownloadView | null>(null);
  const [actionError, setActionError] = useState<UserFacingError | null>(null);
  const [now, setNow] = useState(Date.now());

  const refresh = () =>
    api.request('ui->background:local-models', {}).then(
      (result) => {
        setListing(result);
        if (result.ok) setDownload(result.download);
      },
      (cause: unknown) => setListing({ ok: false, error: toUserFacingError(cause) }),
    );

  useEffect(() => {
    void refresh();
  }, []);

  const downloading = download?.status === 'downloading';
  useEffect(() => {
    if (!downloading) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      void api.request('ui->background:local-model-progress', {}).then(({ download: latest }) => {
        setDownload(latest);
        // Finished: the list learns that the model is now downloaded.
        if (latest?.status !== 'downloading') void refresh();
      });
    }, PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [downloading]);

  if (!listing) return <p class="muted" data-testid="local-models-loading">{t('optionsLocalModels_loading')}</p>;
  if (!listing.ok) return <ErrorNotice error={listing.error} onRetry={() => void refresh()} testId="local-models-error" />;

  const selected = listing.models.find((model) => model.id === value);
  const gpu = gpuSentence(listing.gpu);
  const downloaded = listing.models.filter((model) => model.downloaded);
  const shown = download && download.model === value ? download : null;

  const start = (model: string) => {
    setActionError(null);
    void api.request('ui->background:local-model-download', { model }).then(
      (result) => {
        if (result.ok) setDownload(result.download);
        else setActionError(result.error);
      },
      (cause: unknown) => setActionError(toUserFacingError(cause)),
    );
  };
  const cancel = (model: string) => void api.request('ui->background:local-model-cancel', { model }).catch(() => undefined);
  const remove = (model: string) => {
    setActionError(null);
    void api.request('ui->background:local-model-delete', { model }).then(
      (result) => {
        if (!result.ok) setActionError(result.error);
        if (download?.model === model) setDownload(null);
        void refresh();
      },
      (cause: unknown) => setActionError(toUserFacingError(cause)),
    );
  };

  return (
    <div class="local-models" data-testid="local-models">
      <p class={`notice ${gpu.status === 'ok' ? 'notice-ok' : 'notice-warn'}`} data-testid="local-gpu-status" data-status={gpu.status}>
        {gpu.text}
      </p>

      <label class="field-label" for="local-model-select">
        {t('optionsLocalModels_model')}
      </label>
      <select id="local-model-select" data-testid="local-model-select" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{t('optionsLocalModels_choose')}</option>
        {listing.models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.id}
            {model.downloaded ? ` ${t('optionsLocalModels_optionDownloaded')}` : ''}
            {model.unsupportedReason ? ` ${t('optionsLocalModels_optionWontRun')}` : ''}
          </option>
        ))}
      </select>
      {error ? (
        <p class="field-error" data-testid="local-model-field-error">
          {t('optionsLocalModels_chooseError')}
        </p>
      ) : null}

      {selected ? (
        <div data-testid="local-model-details" data-model={selected.id}>
          <p class="muted">{describeModel(selected)}</p>
          {selected.unsupportedReason ? (
            <p class="notice notice-warn" data-testid="local-model-unsupported">
              {t('optionsLocalModels_wontRun', selected.unsupportedReason)}
            </p>
          ) : null}
          <div class="form-actions">
            {shown?.status === 'downloading' ? (
              <button type="button" class="button" data-testid="local-model-cancel" onClick={() => cancel(selected.id)}>
                {t('optionsLocalModels_cancelDownload')}
              </button>
            ) : selected.downloaded ? null : (
              <button type="button" class="button button-primary" data-testid="local-model-download" onClick={() => start(selected.id)}>
                {shown?.status === 'failed' || shown?.status === 'cancelled' ? t('optionsLocalModels_resumeDownload') : t('optionsLocalModels_download')}
              </button>
            )}
          </div>
        </div>
      ) : null}

      {shown ? <DownloadProgress download={shown} now={now} onRetry={() => start(shown.model)} /> : null}
      {actionError ? <ErrorNotice error={actionError} testId="local-model-error" /> : null}

      <h3 class="field-label">{t('optionsLocalModels_downloadedTitle')}</h3>
      {downloaded.length === 0 ? (
        <p class="muted" data-testid="local-model-cache-empty">{t('optionsLocalModels_cacheEmpty')}</p>
      ) : (
        <ul class="assistant-list" data-testid="local-model-cache">
          {downloaded.map((model) => (
            <li key={model.id} class="model-row" data-testid="local-model-cached" data-model={model.id}>
              <span>{model.id}</span>
              <button type="button" class="button" data-testid="local-model-delete" onClick={() => remove(model.id)}>
                {t('optionsLocalModels_delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DownloadProgress({ download, now, onRetry }: { download: LocalDownloadView; now: number; onRetry: () => void }) {
  const { percent, text } = describeProgress(download, now);
  return (
    <div class="local-download" data-testid="local-model-download-state" data-status={download.status}>
      <progress data-testid="local-model-progress" max={100} value={percent} aria-label={t('optionsLocalModels_progressLabel', download.model)} />
      <p class="muted" data-testid="local-model-progress-text" role="status">
        {download.status === 'done'
          ? t('optionsLocalModels_downloadDone', formatBytes(download.totalBytes))
          : download.status === 'cancelled'
            ? t('optionsLocalModels_downloadCancelled', text)
            : text}
      </p>
      {download.status === 'failed' && download.error ? (
        <div>
          <ErrorNotice error={download.error} testId="local-model-download-error" />
          <button type="button" class="button" data-testid="local-model-retry" onClick={onRetry}>
            {t('optionsLocalModels_retryDownload')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
