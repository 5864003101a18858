import { useEffect, useState } from 'preact/hooks';
import { languageModelOf, type LanguageModelAvailability } from '../../../providers/chrome-ai/language-model-api';

type State = LanguageModelAvailability | 'no-api' | 'checking' | 'error';

const SENTENCES: Record<State, string> = {
  checking: 'Asking Chrome about its built-in model…',
  'no-api': 'This browser has no built-in model (Chrome’s Prompt API is missing: it needs desktop Chrome 138 or later). Use WebLLM, Ollama or a remote API instead.',
  unavailable: 'Chrome’s built-in model cannot run on this device (it needs enough memory, disk space and a capable GPU or CPU; see chrome://on-device-internals). Use WebLLM, Ollama or a remote API instead.',
  downloadable: 'Chrome’s built-in model is available for this device but not downloaded yet.',
  downloading: 'Chrome is downloading its built-in model.',
  available: 'Chrome’s built-in model is ready.',
  error: 'Chrome could not start its built-in model.',
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
      <p class={`notice ${state === 'available' ? 'notice-ok' : state === 'downloadable' || state === 'downloading' || state === 'checking' ? '' : 'notice-warn'}`}>{SENTENCES[state]}</p>
      {detail ? <p class="muted">{detail}</p> : null}
      {state === 'downloadable' ? (
        <button type="button" class="button button-primary" data-testid="chrome-ai-download" onClick={download}>
          Download Chrome’s model
        </button>
      ) : null}
      {state === 'downloading' && progress !== null ? (
        <progress data-testid="chrome-ai-progress" max={1} value={progress} aria-label="Download of Chrome’s built-in model" />
      ) : null}
    </div>
  );
}
