import { useEffect, useState } from 'preact/hooks';
import { languageModelOf, type LanguageModelAvailability } from '../../../providers/chrome-ai/language-model-api';
import { i18nKey, t, type MessageKey } from '../../i18n';

type State = LanguageModelAvailability | 'no-api' | 'checking' | 'error';

const SENTENCES: Record<State, MessageKey> = {
  checking: i18nKey('optionsLocalModels_chromeChecking'),
  'no-api': i18nKey('optionsLocalModels_chromeNoApi'),
  unavailable: i18nKey('optionsLocalModels_chromeUnavailable'),
  downloadable: i18nKey('optionsLocalModels_chromeDownloadable'),
  downloading: i18nKey('optionsLocalModels_chromeDownloading'),
  available: i18nKey('optionsLocalModels_chromeAvailable'),
  error: i18nKey('optionsLocalModels_chromeError'),
};

/**
 * Chrome's built-in model: its availability, and the download, which Chrome starts only from a click
 * (create() needs a user gesture while the model is "downloadable"). The options page asks Chrome
 * directly, since the same browser answers the same for the background.
 */
export function ChromeAiPanel() {
  const api = languageModelOf(globalThis);
  const [state, setState] = useState<State>(api ? 'checking' : 'no-api');
  const [progress, setProgress] = useState<number | null>(null);
  const [detail, setDetail] = useState('');

  useEffect(() => {
    if (!api) return;
    api.availability().then(setState, () => setState('unavailable'));
  }, []);

  const download = () => {
    if (!api) return;
    setState('downloading');
    setProgress(0);
    // Called inside the click: Chrome requires a user gesture to start the download.
    api
      .create({
        monitor(monitor) {
          monitor.addEventListener('downloadprogress', (event) => setProgress((event as Event & { loaded?: number }).loaded ?? 0));
        },
      })
      .then(
        (session) => {
          session.destroy();
          setState('available');
          setProgress(null);
        },
        (error: unknown) => {
          setState('error');
          setDetail(error instanceof Error ? error.message : String(error));
        },
      );
  };

  return (
    <div class="chrome-ai" data-testid="chrome-ai-status" data-availability={state}>
      <p class={`notice ${state === 'available' ? 'notice-ok' : state === 'downloadable' || state === 'downloading' || state === 'checking' ? '' : 'notice-warn'}`}>{t(SENTENCES[state])}</p>
      {detail ? <p class="muted">{detail}</p> : null}
      {state === 'downloadable' ? (
        <button type="button" class="button button-primary" data-testid="chrome-ai-download" onClick={download}>
          {t('optionsLocalModels_chromeDownload')}
        </button>
      ) : null}
      {state === 'downloading' && progress !== null ? (
        <progress data-testid="chrome-ai-progress" max={1} value={progress} aria-label={t('optionsLocalModels_chromeProgressLabel')} />
      ) : null}
    </div>
  );
}
