import { useEffect, useRef } from 'preact/hooks';
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
      aria-label="Open this link?"
      data-testid="link-confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <span class="md-confirm-title">Open this address in a new tab?</span>
      <span class="md-confirm-url" data-testid="link-confirm-url">
        {destination.href}
      </span>
      <span class="md-confirm-host">
        Site: <strong>{host.unicode}</strong>
        {host.unicode !== host.ascii ? <> (encoded: <strong>{host.ascii}</strong>)</> : null}
      </span>
      {host.lookalike ? (
        <span class="md-confirm-warning" data-testid="link-confirm-lookalike">
          This site’s name mixes alphabets or uses letters that imitate Latin ones: it may not be the site it looks like.
        </span>
      ) : null}
      {destination.hasUserInfo ? (
        <span class="md-confirm-warning">Everything before “@” in this address is not the site: the site is {host.unicode}.</span>
      ) : null}
      {destination.encrypted ? null : <span class="md-confirm-note">Not encrypted (http).</span>}
      <span class="md-confirm-actions">
        <button type="button" class="button button-primary" data-testid="link-open" onClick={onOpen}>
          Open
        </button>
        <button type="button" class="button" data-testid="link-cancel" ref={cancelButton} onClick={onCancel}>
          Cancel
        </button>
      </span>
    </span>
  );
}
