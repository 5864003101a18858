import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { ReplyTarget } from '../../shared/protocol';
import type { RewriteMode } from '../../shared/stream-protocol';
import type { TaskRequest } from './use-task';
import { AskBox } from './AskBox';
import { ReplyTargetPicker } from './ReplyTargetPicker';
import { RewriteModePicker } from './RewriteModePicker';
import { TonePicker } from './TonePicker';

interface Props {
  canStart: boolean;
  streaming: boolean;
  /** The language translations go into (the browser's), by name. */
  readerLanguage: string;
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
export function ActionBar({ canStart, streaming, readerLanguage, onStart, onStop, stopButton, replyTargets = [] }: Props) {
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
    <section class="actions" aria-label="Actions">
      <div class="action-row">
        <button
          type="button"
          class="button button-primary"
          data-testid="action-reply"
          onClick={start({ task: 'reply', options: { ...toneOptions, ...chosen } })}
          disabled={!canStart}
        >
          Suggest replies
        </button>
        <button
          type="button"
          class="button"
          data-testid="action-rewrite"
          title="Rewrite what you typed in WhatsApp’s message box"
          onClick={start({ task: 'rewrite', options: rewriteOptions })}
          disabled={!canStart}
        >
          Rewrite my draft
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
          title="Summarise the recent chat"
          onClick={start({ task: 'summarize', options: { targetLanguage: readerLanguage } })}
          disabled={!canStart}
        >
          Catch up
        </button>
        <button
          type="button"
          class="button"
          data-testid="action-translate"
          title="Translate recent messages from others"
          onClick={start({ task: 'translate', options: { targetLanguage: readerLanguage } })}
          disabled={!canStart}
        >
          Translate to {readerLanguage}
        </button>
        <button
          type="button"
          class="button button-quiet"
          data-testid="action-translate-selection"
          title="Translate only the messages you selected in WhatsApp"
          onClick={start({ task: 'translate', options: { targetLanguage: readerLanguage, scope: { kind: 'selection' } } })}
          disabled={!canStart}
        >
          Translate selected
        </button>
        {streaming ? (
          <button ref={stopButton} type="button" class="button" data-testid="stop" onClick={onStop} aria-keyshortcuts="Escape">
            Stop
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
