import { useMemo, useState } from 'preact/hooks';
import type { UiApi } from '../api';
import { toUserFacingError } from '../api';
import { t } from '../i18n';
import { SafeMarkdown } from '../render';
import { citedPoints, type Citation } from './citations';

interface Props {
  api: UiApi;
  text: string;
  references: Readonly<Record<string, string>>;
  /** The tab whose chat the answer is about: citations scroll that chat. */
  tabId: number | null;
  streaming: boolean;
}

/**
 * An answer that cites the chat: each point through SafeMarkdown, followed by one button per message it
 * came from. A citation is a button, never a link: it asks the background to scroll the chat to that
 * message (and highlight it); nothing is opened or fetched.
 */
export function CitedOutput({ api, text, references, tabId, streaming }: Props) {
  const points = useMemo(() => citedPoints(text, references, streaming), [text, references, streaming]);
  const [note, setNote] = useState<string | null>(null);

  const show = async (citation: Citation) => {
    if (tabId === null) return;
    setNote(null);
    try {
      const { found } = await api.request('ui->background:scroll-to-message', { tabId, messageId: citation.messageId });
      if (!found) setNote(t('sidebar_citationNotLoaded', citation.reference));
    } catch (cause) {
      const error = toUserFacingError(cause);
      setNote(error.hint ? `${error.message} ${error.hint}` : error.message);
    }
  };

  return (
    <div class="cited-output">
      {points.map((point, index) => (
        <div class="cited-point" key={index}>
          <SafeMarkdown text={point.text} streaming={streaming && index === points.length - 1} />
          {point.citations.length > 0 ? (
            <span class="citations" role="group" aria-label={t('sidebar_citationsLabel')}>
              {point.citations.map((citation) => (
                <button
                  key={citation.reference}
                  type="button"
                  class="citation"
                  data-testid="citation"
                  data-reference={citation.reference}
                  aria-label={t('sidebar_citationLabel', citation.reference)}
                  title={t('sidebar_citationTitle')}
                  onClick={() => void show(citation)}
                >
                  {citation.reference}
                </button>
              ))}
            </span>
          ) : null}
        </div>
      ))}
      {note ? (
        <p class="citation-note muted" role="status" data-testid="citation-note">
          {note}
        </p>
      ) : null}
    </div>
  );
}
