import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { TaskRequest } from './use-task';
import { AskBox } from './AskBox';
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
}

/**
 * The sidebar's actions: suggest replies and rewrite my draft (in a tone), catch up, translate, and a
 * question about the chat. All off while one runs; Stop (or Escape) ends it.
 */
export function ActionBar({ canStart, streaming, readerLanguage, onStart, onStop, stopButton }: Props) {
  const [tone, setTone] = useState('');
  const [question, setQuestion] = useState('');
  const start = (request: TaskRequest) => (event: { currentTarget: EventTarget | null }) =>
    onStart(request, event.currentTarget instanceof HTMLElement ? event.currentTarget : null);
  const toneOptions = tone ? { tone } : {};

  return (
    <section class="actions" aria-label="Actions">
      <div class="action-row">
        <button
          type="button"
          class="button button-primary"
          data-testid="action-reply"
          onClick={start({ task: 'reply', options: toneOptions })}
          disabled={!canStart}
        >
          Suggest replies
        </button>
        <button
          type="button"
          class="button"
          data-testid="action-rewrite"
          title="Rewrite what you typed in WhatsApp’s message box"
          onClick={start({ task: 'rewrite', options: toneOptions })}
          disabled={!canStart}
        >
          Rewrite my draft
        </button>
        <TonePicker onChange={setTone} disabled={streaming} />
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
