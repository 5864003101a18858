import { useEffect, useState } from 'preact/hooks';
import type { UiApi } from '../../api';
import { toUserFacingError } from '../../api';
import type { LocalDownloadView, LocalModelsResult } from '../../../shared/protocol';
import type { UserFacingError } from '../../../shared/errors';
import { ErrorNotice } from '../../common/ErrorNotice';
import { describeModel, describeProgress, formatBytes } from './format';

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
  if (!gpu.webgpu) return { status: 'no-webgpu', text: 'This browser has no WebGPU: in-browser models cannot run here. Chrome’s built-in model, Ollama or a remote API can.' };
  if (!gpu.adapter) return { status: 'no-adapter', text: 'WebGPU found no usable graphics adapter: models can be downloaded, but not run here. Check hardware acceleration, or use Ollama or a remote API.' };
  if (gpu.isFallbackAdapter) return { status: 'fallback', text: 'Only a software (CPU) WebGPU adapter was found: models will be very slow, and 16-bit models cannot run.' };
  return { status: 'ok', text: gpu.shaderF16 ? 'WebGPU is ready, with 16-bit float shaders.' : 'WebGPU is ready (no 16-bit float shaders: pick a “q4f32” model).' };
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

  if (!listing) return <p class="muted" data-testid="local-models-loading">Looking at this browser’s graphics support…</p>;
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
        Model
      </label>
      <select id="local-model-select" data-testid="local-model-select" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">Choose a model…</option>
        {listing.models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.id}
            {model.downloaded ? ' ✓ downloaded' : ''}
            {model.unsupportedReason ? ' — won’t run here' : ''}
          </option>
        ))}
      </select>
      {error ? (
        <p class="field-error" data-testid="local-model-field-error">
          Choose a model from the list.
        </p>
      ) : null}

      {selected ? (
        <div data-testid="local-model-details" data-model={selected.id}>
          <p class="muted">{describeModel(selected)}</p>
          {selected.unsupportedReason ? (
            <p class="notice notice-warn" data-testid="local-model-unsupported">
              Won’t run on this computer: {selected.unsupportedReason}
            </p>
          ) : null}
          <div class="form-actions">
            {shown?.status === 'downloading' ? (
              <button type="button" class="button" data-testid="local-model-cancel" onClick={() => cancel(selected.id)}>
                Cancel download
              </button>
            ) : selected.downloaded ? null : (
              <button type="button" class="button button-primary" data-testid="local-model-download" onClick={() => start(selected.id)}>
                {shown?.status === 'failed' || shown?.status === 'cancelled' ? 'Resume download' : 'Download'}
              </button>
            )}
          </div>
        </div>
      ) : null}

      {shown ? <DownloadProgress download={shown} now={now} onRetry={() => start(shown.model)} /> : null}
      {actionError ? <ErrorNotice error={actionError} testId="local-model-error" /> : null}

      <h3 class="field-label">Downloaded models</h3>
      {downloaded.length === 0 ? (
        <p class="muted" data-testid="local-model-cache-empty">None yet. Models are stored by this browser and can be deleted here.</p>
      ) : (
        <ul class="assistant-list" data-testid="local-model-cache">
          {downloaded.map((model) => (
            <li key={model.id} class="model-row" data-testid="local-model-cached" data-model={model.id}>
              <span>{model.id}</span>
              <button type="button" class="button" data-testid="local-model-delete" onClick={() => remove(model.id)}>
                Delete
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
      <progress data-testid="local-model-progress" max={100} value={percent} aria-label={`Download of ${download.model}`} />
      <p class="muted" data-testid="local-model-progress-text" role="status">
        {download.status === 'done'
          ? `Downloaded (${formatBytes(download.totalBytes)}).`
          : download.status === 'cancelled'
            ? `Cancelled at ${text}. Files already stored are kept.`
            : text}
      </p>
      {download.status === 'failed' && download.error ? (
        <div>
          <ErrorNotice error={download.error} testId="local-model-download-error" />
          <button type="button" class="button" data-testid="local-model-retry" onClick={onRetry}>
            Retry download
          </button>
        </div>
      ) : null}
    </div>
  );
}
