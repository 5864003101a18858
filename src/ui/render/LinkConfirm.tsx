import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import type { LinkDestination } from './link-destination';

interface Props {
  destination: Extract<LinkDestination, { openable: true }>;
  onOpen(): void;
  onCancel(): void;
}

/**
 * The inline question before a link opens: the whole destination, the site it really goes to (decoded and
 * encoded when they differ, so `раураl.com` can't pass for paypal.com), and Open / Cancel.
 */
export function LinkConfirm({ destination, onOpen, onCancel }: Props) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Focus the safe choice: a stray Enter must not open the link.
  useEffect(() => cancelButton.current?.focus(), []);
  const { host } = destination;
  return (
    <span
      class="md-link-confirm"
      role="dialog"
      aria-label={t('render_linkConfirmLabel')}
      data-testid="link-confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <span class="md-confirm-title">{t('render_linkConfirmTitle')}</span>
      <span class="md-confirm-url" data-testid="link-confirm-url">
        {destination.href}
      </span>
      <span class="md-confirm-host">
        {t('render_linkConfirmSite')} <strong>{host.unicode}</strong>
        {host.unicode !== host.ascii ? (
          <>
            {' '}
            ({t('render_linkConfirmEncoded')} <strong>{host.ascii}</strong>)
          </>
        ) : null}
      </span>
      {host.lookalike ? (
        <span class="md-confirm-warning" data-testid="link-confirm-lookalike">
          {t('render_linkLookalike')}
        </span>
      ) : null}
      {destination.hasUserInfo ? (
        <span class="md-confirm-warning">{t('render_linkUserInfo', host.unicode)}</span>
      ) : null}
      {destination.encrypted ? null : <span class="md-confirm-note">{t('render_linkNotEncrypted')}</span>}
      <span class="md-confirm-actions">
        <button type="button" class="button button-primary" data-testid="link-open" onClick={onOpen}>
          {t('render_linkOpen')}
        </button>
        <button type="button" class="button" data-testid="link-cancel" ref={cancelButton} onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </span>
    </span>
  );
}
