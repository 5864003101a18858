import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { ReplyTarget } from '../../shared/protocol';
import type { RewriteMode } from '../../shared/stream-protocol';
import type { TaskRequest } from './use-task';
import { t } from '../i18n';
import { AskBox } from './AskBox';
import { ReplyTargetPicker } from './ReplyTargetPicker';
import { RewriteModePicker } from './RewriteModePicker';
import { TonePicker } from './TonePicker';

interface Props {
  canStart: boolean;
  streaming: boolean;
  /** The language translations go into (the browser's), by its English name: what the model is told. */
  readerLanguage: string;
  /** The same language named in the interface's language, for the button; defaults to readerLanguage. */
  readerLanguageLabel?: string;
  /** Starts a task; `button` is the control that asked, to give focus back to after the run. */
  onStart(request: TaskRequest, button: HTMLElement | null): void;
  onStop(): void;
  stopButton: Ref<HTMLButtonElement>;
  /** Recent messages from others the user may reply to (see ReplyTargetPicker). */
  replyTargets?: readonly ReplyTarget[];
}

/**
 * The sidebar's actions: suggest replies and rewrite my draft (in a tone), catch up, translate, and a
 * question about the chat. All off while one runs; Stop (or Escape) ends it.
 */
export function ActionBar({ canStart, streaming, readerLanguage, readerLanguageLabel = readerLanguage, onStart, onStop, stopButton, replyTargets = [] }: Props) {
  const [tone, setTone] = useState('');
  const [question, setQuestion] = useState('');
  const [replyTo, setReplyTo] = useState('');
  const [rewriteMode, setRewriteMode] = useState<RewriteMode>('improve');
  const start = (request: TaskRequest) => (event: { currentTarget: EventTarget | null }) =>
    onStart(request, event.currentTarget instanceof HTMLElement ? event.currentTarget : null);
  const toneOptions = tone ? { tone } : {};
  // A message chosen in another chat (or one that left the list) is not sent: replies then answer the chat.
  const chosen = replyTargets.some((target) => target.id === replyTo) ? { replyTo } : {};
  const rewriteOptions = rewriteMode === 'improve' ? toneOptions : { ...toneOptions, rewriteMode };

  return (
    <section class="actions" aria-label={t('sidebar_actionsLabel')}>
      <div class="action-row">
        <button
          type="button"
          class="button button-primary"
          data-testid="action-reply"
          onClick={start({ task: 'reply', options: { ...toneOptions, ...chosen } })}
          disabled={!canStart}
        >
          {t('sidebar_actionReply')}
        </button>
        <button
          type="button"
          class="button"
          data-testid="action-rewrite"
          title={t('sidebar_actionRewriteTitle')}
          onClick={start({ task: 'rewrite', options: rewriteOptions })}
          disabled={!canStart}
        >
          {t('sidebar_actionRewrite')}
        </button>
        <TonePicker onChange={setTone} disabled={streaming} />
      </div>
      <div class="action-row action-options">
        <ReplyTargetPicker targets={replyTargets} value={replyTo} onChange={setReplyTo} disabled={streaming} />
        <RewriteModePicker value={rewriteMode} onChange={setRewriteMode} disabled={streaming} />
      </div>
      <div class="action-row">
        <button
          type="button"
          class="button"
          data-testid="action-summarize"
          title={t('sidebar_actionSummarizeTitle')}
          onClick={start({ task: 'summarize', options: { targetLanguage: readerLanguage } })}
          disabled={!canStart}
        >
          {t('sidebar_actionSummarize')}
        </button>
        <button
          type="button"
          class="button"
          data-testid="action-translate"
          title={t('sidebar_actionTranslateTitle')}
          onClick={start({ task: 'translate', options: { targetLanguage: readerLanguage } })}
          disabled={!canStart}
        >
          {t('sidebar_actionTranslate', readerLanguageLabel)}
        </button>
        <button
          type="button"
          class="button button-quiet"
          data-testid="action-translate-selection"
          title={t('sidebar_actionTranslateSelectionTitle')}
          onClick={start({ task: 'translate', options: { targetLanguage: readerLanguage, scope: { kind: 'selection' } } })}
          disabled={!canStart}
        >
          {t('sidebar_actionTranslateSelection')}
        </button>
        {streaming ? (
          <button ref={stopButton} type="button" class="button" data-testid="stop" onClick={onStop} aria-keyshortcuts="Escape">
            {t('sidebar_stop')}
          </button>
        ) : null}
      </div>
      <AskBox
        question={question}
        onQuestion={setQuestion}
        disabled={!canStart}
        onAsk={(input) => onStart({ task: 'ask', options: { question: question.trim(), targetLanguage: readerLanguage } }, input)}
      />
    </section>
  );
}
