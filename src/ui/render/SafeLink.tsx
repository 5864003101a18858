import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { LinkDestination } from './link-destination';
import { t } from '../i18n';
import { LinkConfirm } from './LinkConfirm';

export type LinkOpener = (href: string) => void;

interface Props {
  destination: LinkDestination;
  /** The link's text, already rendered safely; absent for a bare URL. */
  children?: ComponentChildren;
  open: LinkOpener;
}

/**
 * A link from model output. It is never an <a>: the text is followed by the full destination, which for
 * http(s) is a button that asks before opening; any other scheme is shown as text only.
 */
export function SafeLink({ destination, children, open }: Props) {
  const [confirming, setConfirming] = useState(false);
  return (
    <span class="md-link">
      {children ? <span class="md-link-text">{children}</span> : null}
      {children ? ' ' : null}
      {destination.openable ? (
        <button
          type="button"
          class="md-link-url"
          data-testid="link-target"
          aria-expanded={confirming}
          aria-haspopup="dialog"
          onClick={() => setConfirming((shown) => !shown)}
        >
          {destination.shown}
        </button>
      ) : (
        <span class="md-link-inert" data-testid="link-inert" title={t('render_linkInertTitle')}>
          ({destination.shown})
        </span>
      )}
      {destination.openable && confirming ? (
        <LinkConfirm
          destination={destination}
          onOpen={() => {
            setConfirming(false);
            open(destination.href);
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </span>
  );
}
