import { CopyButton } from '../common/CopyButton';
import { t } from '../i18n';

interface Props {
  extensionOrigin: string;
  copy: (text: string) => Promise<void>;
}

/** Ollama rejects requests from origins it does not know; this is the setting that lets Aside in. */
export function OllamaHelp({ extensionOrigin, copy }: Props) {
  const setting = `OLLAMA_ORIGINS=${extensionOrigin}`;
  return (
    <aside class="notice help" data-testid="ollama-help" aria-label={t('options_ollamaHelpLabel')}>
      <p>{t('options_ollamaHelpIntro')}</p>
      <div class="copy-row">
        <code class="setting" data-testid="ollama-origins">
          {setting}
        </code>
        <CopyButton text={setting} copy={copy} testId="copy-ollama-origins" />
      </div>
      <p class="muted">{withCode(t('options_ollamaHelpExample', CODE_MARK), `${setting} ollama serve`)}</p>
      {extensionOrigin.startsWith('moz-extension://') ? (
        <p class="muted" data-testid="ollama-origins-firefox">
          {withCode(t('options_ollamaHelpFirefox', CODE_MARK), 'OLLAMA_ORIGINS=moz-extension://*')}
        </p>
      ) : null}
    </aside>
  );
}

/** Stands in the translated sentence where the command goes, so the command can be shown as code. */
const CODE_MARK = '\uE000';

function withCode(sentence: string, code: string) {
  const [before, after = ''] = sentence.split(CODE_MARK);
  return (
    <>
      {before}
      <code>{code}</code>
      {after}
    </>
  );
}
