/**
 * The chat header: its name (the only identity the chat still has in the DOM since the JID left
 * `data-id` in 2026-04) and its subtitle (a member list in groups).
 */
import { HEADER_TEXT_ELEMENTS, ICON_ATTRIBUTE, ICON_LIGATURE_PREFIX, whatsAppSelectors } from './selectors';
import { collapseWhitespace, readVisibleText } from './text';

export interface HeaderReading {
  title: string;
  /** 1-based tier of headerTitle that matched; 0 when no name was found. */
  titleTier: number;
  subtitle: string | null;
}

const NO_HEADER: HeaderReading = { title: '', titleTier: 0, subtitle: null };

export function readHeader(main: Element): HeaderReading {
  // Scoped to the header so that the message pane (thousands of spans) is never walked for it.
  const header = main.querySelector(whatsAppSelectors.chatHeader.tiers[0].selector);
  if (!header) return NO_HEADER;
  const spans = [...header.querySelectorAll(HEADER_TEXT_ELEMENTS)];
  const titleMatch = findTitle(spans);
  if (!titleMatch) return NO_HEADER;
  return { title: titleMatch.text, titleTier: titleMatch.tier, subtitle: findSubtitle(spans, titleMatch) };
}

interface TitleMatch {
  element: Element;
  text: string;
  tier: number;
}

// Candidates are the header's spans, tested with matches(): a selector that names ancestors above the header
// (`#main header …`) then works the same in every DOM (happy-dom's scoped querySelectorAll ignores them).
function findTitle(spans: readonly Element[]): TitleMatch | null {
  const tiers = whatsAppSelectors.headerTitle.tiers;
  for (let index = 0; index < tiers.length; index++) {
    for (const element of spans) {
      if (!element.matches(tiers[index]!.selector) || isIconLigature(element)) continue;
      const text = collapseWhitespace(readVisibleText(element));
      if (text) return { element, text, tier: index + 1 };
    }
  }
  return null;
}

function findSubtitle(spans: readonly Element[], title: TitleMatch): string | null {
  for (const tier of whatsAppSelectors.headerSubtitle.tiers) {
    for (const element of spans) {
      if (!element.matches(tier.selector)) continue;
      if (element.contains(title.element) || title.element.contains(element)) continue;
      const text = collapseWhitespace(element.getAttribute('title') || readVisibleText(element));
      if (text && text !== title.text) return text;
    }
  }
  return null;
}

/** WhatsApp's design-system icons are font ligatures: a span whose text is the icon's name. */
function isIconLigature(element: Element): boolean {
  if (element.getAttribute(ICON_ATTRIBUTE)?.startsWith(ICON_LIGATURE_PREFIX)) return true;
  return (element.textContent ?? '').trim().startsWith(ICON_LIGATURE_PREFIX);
}

/**
 * "Ana, Ben, +65 9000 0001, You" reads as a member list; "online", "last seen today at 13:00" and
 * "last seen Mar 22, 2026" do not (a bare number is a year, not a member).
 */
export function looksLikeMemberList(subtitle: string | null): boolean {
  if (!subtitle) return false;
  const parts = subtitle.split(',').map((part) => part.trim());
  return parts.length >= 2 && parts.every((part) => part.length > 0 && !/^\d+$/.test(part));
}
