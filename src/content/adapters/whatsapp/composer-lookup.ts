/**
 * Finding the composer without walking the chat: the composer tiers all live under `#main footer`, and
 * #main's footer comes after thousands of message elements, so a document-wide query for a tier walks them
 * all. Instead: #main's footer child, its editables, each tested against the tiers.
 */
import { COMPOSER_CANDIDATES, FOOTER_TAG, whatsAppSelectors as selectors, type TierMatch } from './selectors';

export function findComposer(doc: Document): TierMatch<HTMLElement> | null {
  const main = doc.querySelector(selectors.openChat.tiers[0].selector);
  if (!main) return null;
  const candidates = footersOf(main).flatMap((footer) => [...footer.querySelectorAll<HTMLElement>(COMPOSER_CANDIDATES)]);
  const tiers = selectors.composer.tiers;
  for (let index = 0; index < tiers.length; index++) {
    const element = candidates.find((candidate) => candidate.matches(tiers[index]!.selector));
    if (element) return { element, tier: index + 1 };
  }
  return null;
}

function footersOf(main: Element): Element[] {
  const children = [...main.children].filter((child) => child.localName === FOOTER_TAG);
  return children.length ? children : [...main.querySelectorAll(FOOTER_TAG)];
}
