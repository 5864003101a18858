/**
 * Features that most rows lack (quotes, forwarded and deleted markers, media) are found with
 * one query per selector over the whole pane, then handed to the row that holds them. Asking every row
 * instead costs a failing query per row and selector: on a 2,000-message chat in Chromium that alone was
 * several times the budget of a bare querySelectorAll + textContent walk. Icons go further: one query finds
 * them all and their names tell them apart.
 */
import type { Media } from '../../../shared/conversation';
import {
  ICON_ATTRIBUTE,
  ICON_ELEMENTS,
  MESSAGE_ID_ATTRIBUTE,
  iconMatches,
  whatsAppSelectors as selectors,
  type SelectorEntry,
  type SelectorTier,
} from './selectors';
import type { TierLog } from './tier-log';

export interface SparseFeatures {
  quoteBlock?: Element;
  forwarded?: boolean;
  deleted?: boolean;
  media?: Media;
}

const CONTAINER = `[${MESSAGE_ID_ATTRIBUTE}]`;
const QUOTE_LABELLED = selectors.quoteBlock.tiers[0].selector;
const QUOTE_ANCESTOR = selectors.quoteBlock.tiers[1].selector;

/** In order of preference: a row with two kinds of media (rare) reports the first. */
const MARKERS = [
  ['imageMedia', selectors.imageMedia],
  ['voiceMedia', selectors.voiceMedia],
  ['documentMedia', selectors.documentMedia],
  ['forwardedMarker', selectors.forwardedMarker],
  ['deletedMarker', selectors.deletedMarker],
] as const satisfies ReadonlyArray<readonly [string, SelectorEntry]>;
type MarkerName = (typeof MARKERS)[number][0];

const ICON_TIERS = MARKERS.flatMap(([name, entry]) =>
  entry.tiers.flatMap((tier: SelectorTier, index) =>
    tier.icon ? [{ name, tier: index + 1, matches: (iconName: string) => iconMatches(tier, iconName) }] : [],
  ),
);

/** The marker icons' exact names and name prefixes: most icons (tails, ticks) are rejected by these alone. */
const ICON_NAMES = new Set(MARKERS.flatMap(([, entry]) => entry.tiers.flatMap((tier: SelectorTier) => (tier.icon && !tier.icon.prefix ? [tier.icon.name] : []))));
const ICON_PREFIXES = MARKERS.flatMap(([, entry]) => entry.tiers.flatMap((tier: SelectorTier) => (tier.icon?.prefix ? [tier.icon.name] : [])));

function isMarkerIcon(iconName: string): boolean {
  if (ICON_NAMES.has(iconName)) return true;
  for (const prefix of ICON_PREFIXES) if (iconName.startsWith(prefix)) return true;
  return false;
}

interface Found {
  features: SparseFeatures;
  /** Best (lowest) tier per marker in this row. */
  markers: Map<MarkerName, number>;
}

export function findSparseFeatures(pane: Element, log: TierLog): Map<Element, SparseFeatures> {
  const found = new Map<Element, Found>();
  const foundFor = (element: Element): Found | null => {
    const container = element.closest(CONTAINER);
    if (!container) return null;
    let entry = found.get(container);
    if (!entry) found.set(container, (entry = { features: {}, markers: new Map() }));
    return entry;
  };

  // Quotes first: what sits inside a quote (a quoted photo or voice note) belongs to the quoted message.
  for (const mention of list(pane.querySelectorAll(selectors.quoteText.tiers[0].selector))) {
    const entry = foundFor(mention);
    if (!entry || entry.features.quoteBlock) continue;
    const labelled = mention.closest(QUOTE_LABELLED);
    log.record('quoteBlock', labelled ? 1 : 2);
    entry.features.quoteBlock = labelled ?? outermostQuoteButton(mention) ?? mention.parentElement ?? mention;
  }

  const mark = (element: Element, name: MarkerName, tier: number) => {
    // Markers are rare, so each may afford a closest(): a quote without quote text (a quoted photo) is only
    // known by its label.
    const labelledQuote = element.closest(QUOTE_LABELLED);
    const entry = foundFor(element);
    if (labelledQuote) {
      // A quote of a photo or voice note has no quote text: its label is all that tells it apart.
      if (entry && !entry.features.quoteBlock) {
        log.record('quoteBlock', 1);
        entry.features.quoteBlock = labelledQuote;
      }
      return;
    }
    if (!entry || entry.features.quoteBlock?.contains(element)) return;
    if (tier < (entry.markers.get(name) ?? Infinity)) entry.markers.set(name, tier);
  };
  // Most icons are bubble tails and ticks: tell the few markers apart by name without a selector each.
  // Indexed over the NodeList: thousands of icons, and no array copied for them.
  const icons = pane.querySelectorAll(ICON_ELEMENTS);
  for (let index = 0; index < icons.length; index++) {
    const icon = icons[index]!;
    const iconName = icon.getAttribute(ICON_ATTRIBUTE) ?? '';
    if (!isMarkerIcon(iconName)) continue;
    for (const { name, tier, matches } of ICON_TIERS) if (matches(iconName)) mark(icon, name, tier);
  }
  for (const [name, entry] of MARKERS) {
    entry.tiers.forEach((tier: SelectorTier, index) => {
      // Icons are done above. English-only labels are left to the rare rows that have nothing else to
      // read (findLabelledMedia): a pane-wide query on a div's aria-label costs a third of the bare walk.
      if (tier.icon || tier.localized) return;
      for (const element of list(pane.querySelectorAll(tier.selector))) mark(element, name, index + 1);
    });
  }

  const features = new Map<Element, SparseFeatures>();
  for (const [container, entry] of found) {
    for (const [name] of MARKERS) {
      const tier = entry.markers.get(name);
      if (tier === undefined) continue;
      log.record(name, tier);
      if (name === 'forwardedMarker') entry.features.forwarded = true;
      else if (name === 'deletedMarker') entry.features.deleted = true;
      else entry.features.media ??= readMedia(name, container, log);
    }
    features.set(container, entry.features);
  }
  return features;
}

/** A NodeList as an array: for-of straight over a NodeList costs twice as much in Chromium. */
function list(nodes: NodeListOf<Element>): Element[] {
  const elements: Element[] = new Array(nodes.length);
  for (let index = 0; index < nodes.length; index++) elements[index] = nodes[index]!;
  return elements;
}

/** The quote text sits in buttons nested inside the quote's own button: the quote is the outermost one. */
function outermostQuoteButton(mention: Element): Element | null {
  const container = mention.closest(CONTAINER);
  let block = mention.closest(QUOTE_ANCESTOR);
  for (
    let outer = block?.parentElement?.closest(QUOTE_ANCESTOR);
    outer && container?.contains(outer) && outer !== container;
    outer = outer.parentElement?.closest(QUOTE_ANCESTOR)
  ) {
    block = outer;
  }
  return block && container?.contains(block) ? block : null;
}

/**
 * Media known only by an English label (a picture not yet downloaded, an older voice note), looked up in one
 * row: only for rows with no text and no other marker, so few rows ever pay for it.
 */
export function findLabelledMedia(container: Element, log: TierLog): Media | null {
  for (const [name, entry] of MARKERS) {
    if (name !== 'imageMedia' && name !== 'voiceMedia') continue;
    const tiers: readonly SelectorTier[] = entry.tiers;
    for (let index = 0; index < tiers.length; index++) {
      const tier = tiers[index]!;
      if (!tier.localized) continue;
      const element = container.querySelector(tier.selector);
      if (!element || element.closest(QUOTE_LABELLED)) continue;
      log.record(name, index + 1);
      return readMedia(name, container, log);
    }
  }
  return null;
}

function readMedia(name: 'imageMedia' | 'voiceMedia' | 'documentMedia', container: Element, log: TierLog): Media {
  if (name === 'imageMedia') return { kind: 'image' };
  if (name === 'documentMedia') return { kind: 'document' };
  const slider = container.querySelector(selectors.voiceDuration.tiers[0].selector);
  if (!slider) return { kind: 'voice' };
  log.record('voiceDuration', 1);
  // "0:00/0:37" is position/length.
  const duration = slider.getAttribute('aria-valuetext')?.split('/').pop()?.trim();
  return duration ? { kind: 'voice', duration } : { kind: 'voice' };
}
