import { useRef } from 'preact/hooks';
import { MAX_QUESTION_LENGTH } from '../../shared/stream-protocol';
import { t } from '../i18n';

interface Props {
  question: string;
  onQuestion(question: string): void;
  /** `input`: the question field, to give focus back to after the answer. */
  onAsk(input: HTMLElement | null): void;
  disabled: boolean;
}

/** A question about the open chat, answered from the chat only. Enter asks; no <form> (nothing submits). */
export function AskBox({ question, onQuestion, onAsk, disabled }: Props) {
  const empty = question.trim().length === 0;
  const input = useRef<HTMLInputElement>(null);
  return (
    <div class="ask-box">
      <input
        ref={input}
        type="text"
        class="ask-input"
        data-testid="ask-input"
        aria-label={t('sidebar_askLabel')}
        placeholder={t('sidebar_askPlaceholder')}
        maxLength={MAX_QUESTION_LENGTH}
        value={question}
        onInput={(event) => onQuestion(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.isComposing && !disabled && !empty) {
            event.preventDefault();
            onAsk(input.current);
          }
        }}
      />
      <button type="button" class="button" data-testid="action-ask" onClick={() => onAsk(input.current)} disabled={disabled || empty}>
        {t('sidebar_ask')}
      </button>
    </div>
  );
}
