import { CopyButton } from '../common/CopyButton';

interface Props {
  extensionOrigin: string;
  copy: (text: string) => Promise<void>;
}

/** Ollama rejects requests from origins it does not know; this is the setting that lets Aside in. */
export function OllamaHelp({ extensionOrigin, copy }: Props) {
  const setting = `OLLAMA_ORIGINS=${extensionOrigin}`;
  return (
    <aside class="notice help" data-testid="ollama-help" aria-label="Ollama setup">
      <p>
        Ollama only answers browser extensions it has been told to trust. Set this environment variable for Ollama,
        then restart it:
      </p>
      <div class="copy-row">
        <code class="setting" data-testid="ollama-origins">
          {setting}
        </code>
        <CopyButton text={setting} copy={copy} testId="copy-ollama-origins" />
      </div>
      <p class="muted">
        For example, run <code>{`${setting} ollama serve`}</code> in a terminal, or add it to Ollama’s service settings.
      </p>
      {extensionOrigin.startsWith('moz-extension://') ? (
        <p class="muted" data-testid="ollama-origins-firefox">
          Firefox gives each install of Aside its own address; <code>OLLAMA_ORIGINS=moz-extension://*</code> allows any.
        </p>
      ) : null}
    </aside>
  );
}
