import { useEffect, useRef } from 'preact/hooks';
import type { ConsentDecision, SendPreview } from '../../shared/stream-protocol';
import { formatNumber } from '../common/locale-format';
import { i18nKey, t, type MessageKey } from '../i18n';

interface Props {
  preview: SendPreview;
  /** False when the chat has no key Aside can remember a choice under: "Always" is then not offered. */
  canRemember: boolean;
  onAnswer(decision: ConsentDecision): void;
}

const ROLE_LABELS: Record<SendPreview['messages'][number]['role'], MessageKey> = {
  system: i18nKey('sidebar_consentRoleSystem'),
  user: i18nKey('sidebar_consentRoleUser'),
  assistant: i18nKey('sidebar_consentRoleAssistant'),
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
        {t('sidebar_consentTitle')}
      </h2>
      <p id="consent-summary" class="consent-summary">
        {t('sidebar_consentSummaryBefore', formatNumber(characters))} <strong class="consent-destination">{preview.destination}</strong>{' '}
        {t('sidebar_consentSummaryAfter', preview.model)}
      </p>
      <div class="send-preview" data-testid="send-preview" tabIndex={0} aria-label={t('sidebar_sendPreviewLabel')}>
        <p class="send-preview-destination">
          {t('sidebar_sendPreviewTo', preview.destination, preview.model)}
        </p>
        {preview.messages.map((message, index) => (
          <div class="send-preview-message" key={index}>
            <p class="send-preview-role">{ROLE_LABELS[message.role] ? t(ROLE_LABELS[message.role]) : message.role}</p>
            <pre class="send-preview-content">{message.content}</pre>
          </div>
        ))}
      </div>
      <div class="consent-actions">
        <button type="button" class="button button-primary" data-testid="consent-allow" onClick={() => onAnswer('once')}>
          {t('sidebar_consentAllow')}
        </button>
        {canRemember ? (
          <button type="button" class="button" data-testid="consent-always" onClick={() => onAnswer('always')}>
            {t('sidebar_consentAlways')}
          </button>
        ) : null}
        <button type="button" class="button button-danger" data-testid="consent-deny" onClick={() => onAnswer('deny')}>
          {t('sidebar_consentDeny')}
        </button>
      </div>
    </section>
  );
}
