import { useEffect, useRef } from 'preact/hooks';
import type { ConsentDecision, SendPreview } from '../../shared/stream-protocol';

interface Props {
  preview: SendPreview;
  /** False when the chat has no key Aside can remember a choice under: "Always" is then not offered. */
  canRemember: boolean;
  onAnswer(decision: ConsentDecision): void;
}

const ROLE_LABELS: Record<SendPreview['messages'][number]['role'], string> = {
  system: 'Instructions (system)',
  user: 'Chat and request (user)',
  assistant: 'Assistant',
};

/**
 * Asks before the first remote request for a chat. Shows exactly the prompt that will be sent, as plain
 * text (Preact escapes it; hidden characters were already turned into visible [U+XXXX] markers), and the
 * destination origin in full. Escape denies; focus moves into the dialog when it opens.
 */
export function ConsentDialog({ preview, canRemember, onAnswer }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [preview]);
  const characters = preview.messages.reduce((sum, message) => sum + message.content.length, 0);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    event.preventDefault();
    onAnswer('deny');
  };

  return (
    <section
      class="consent-dialog notice notice-warn"
      role="dialog"
      aria-modal="false"
      aria-labelledby="consent-title"
      aria-describedby="consent-summary"
      data-testid="consent-dialog"
      onKeyDown={onKeyDown}
    >
      <h2 id="consent-title" class="consent-title" tabIndex={-1} ref={heading}>
        Send this chat to a remote assistant?
      </h2>
      <p id="consent-summary" class="consent-summary">
        Nothing has been sent yet. If you allow it, the text below ({characters.toLocaleString()} characters) goes to{' '}
        <strong class="consent-destination">{preview.destination}</strong> for the model {preview.model}.
      </p>
      <div class="send-preview" data-testid="send-preview" tabIndex={0} aria-label="Exactly what will be sent">
        <p class="send-preview-destination">
          To: {preview.destination} (model {preview.model})
        </p>
        {preview.messages.map((message, index) => (
          <div class="send-preview-message" key={index}>
            <p class="send-preview-role">{ROLE_LABELS[message.role] ?? message.role}</p>
            <pre class="send-preview-content">{message.content}</pre>
          </div>
        ))}
      </div>
      <div class="consent-actions">
        <button type="button" class="button button-primary" data-testid="consent-allow" onClick={() => onAnswer('once')}>
          Allow once
        </button>
        {canRemember ? (
          <button type="button" class="button" data-testid="consent-always" onClick={() => onAnswer('always')}>
            Always for this chat
          </button>
        ) : null}
        <button type="button" class="button button-danger" data-testid="consent-deny" onClick={() => onAnswer('deny')}>
          Don’t send
        </button>
      </div>
    </section>
  );
}
