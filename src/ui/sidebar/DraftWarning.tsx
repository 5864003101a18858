import { formatNumber } from '../common/locale-format';
import { t } from '../i18n';
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
        {one ? t('sidebar_draftWarningOne') : t('sidebar_draftWarningMany', formatNumber(links.length))}
      </p>
      <ul class="draft-warning-urls">
        {links.map((link) => (
          <li key={link.written} data-testid="draft-warning-url">
            <span class="draft-warning-url">{link.written}</span>
            {link.host && link.host.unicode !== link.host.ascii ? (
              <span class="draft-warning-host"> {t('sidebar_draftWarningHost', link.host.unicode, link.host.ascii)}</span>
            ) : null}
            {link.host?.lookalike ? (
              <span class="draft-warning-lookalike"> {t('sidebar_draftWarningLookalike')}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <p class="notice-hint">
        {t('sidebar_draftWarningWhy')} {armed ? t('sidebar_draftWarningArmed') : t('sidebar_draftWarningAsk')}
      </p>
    </div>
  );
}
