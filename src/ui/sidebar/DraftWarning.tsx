import type { ShownLink } from './draft-links';

interface Props {
  links: ShownLink[];
  /** The user pressed Insert once: the next press inserts. */
  armed: boolean;
}

/**
 * A draft links somewhere the chat never mentioned. Each address is shown whole (with the encoded form of
 * an internationalised host), and why it matters: WhatsApp fetches a preview on send, so the address's
 * contents leave the device even if nobody clicks it.
 */
export function DraftWarning({ links, armed }: Props) {
  const one = links.length === 1;
  return (
    <div class="notice notice-warn draft-warning" role="alert" data-testid="draft-warning">
      <p class="notice-message">
        {one ? 'This draft links to an address that is not in the chat:' : `This draft links to ${links.length} addresses that are not in the chat:`}
      </p>
      <ul class="draft-warning-urls">
        {links.map((link) => (
          <li key={link.written} data-testid="draft-warning-url">
            <span class="draft-warning-url">{link.written}</span>
            {link.host && link.host.unicode !== link.host.ascii ? (
              <span class="draft-warning-host"> (site: {link.host.unicode}, encoded {link.host.ascii})</span>
            ) : null}
            {link.host?.lookalike ? (
              <span class="draft-warning-lookalike"> — its name mixes alphabets or imitates Latin letters</span>
            ) : null}
          </li>
        ))}
      </ul>
      <p class="notice-hint">
        WhatsApp fetches a preview of every link when you send the message, so whatever the address carries leaves your
        device even if nobody clicks it.{' '}
        {armed ? 'Press “Insert anyway” if you trust it.' : 'Insert asks you once more before putting it in the message box.'}
      </p>
    </div>
  );
}
