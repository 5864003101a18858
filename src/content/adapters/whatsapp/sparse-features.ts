/**
 * Features that most rows lack (quotes, forwarded and deleted markers, media) are found with
 * one query per selector over the whole pane, then handed to the row that holds them. Asking every row
 * instead costs a failing query per row and selector: on a 2,000-message chat in Chromium that alone was
 * several times the budget of a bare querySelectorAll + textContent walk. Icons go further: one query finds
 * them all and their names tell them apart.
 */
import type { Media } from '../../../shared/conversation';
import {
  EDITED_LABEL,
  ICON_ATTRIBUTE,
  ICON_ELEMENTS,
  MESSAGE_ID_ATTRIBUTE,
  OLDER_STATUS_ICON_NAMES,
  STATUS_ICON_NAMES,
  TAIL_IN_ICON,
  TAIL_OUT_ICON,
  iconMatches,
  whatsAppSelectors as selectors,
  type SelectorEntry,
  type SelectorTier,
} from './selectors';
import type { TierLog } from './tier-log';
import { readsEdited } from './edited-mark';
import { MEDIA_MARKERS, ownElement, readMedia, type MediaMarker } from './media-kind';

export interface SparseFeatures {
  quoteBlock?: Element;
  /**
   * The row holds a span that reads "Edited" (in a known language): edited-mark.ts decides whether it is the
   * mark beside the time. Looked for here, once over the pane: asking every row cost a sixth of a first read.
   */
  editedLabel?: boolean;
  forwarded?: boolean;
  deleted?: boolean;
  media?: Media;
}

const CONTAINER = `[${MESSAGE_ID_ATTRIBUTE}]`;
const QUOTE_LABELLED = selectors.quoteBlock.tiers[0].selector;
const QUOTE_ANCESTOR = selectors.quoteBlock.tiers[1].selector;

/** Media first, in media-kind.ts's order of preference: a row with two kinds of media (rare) reports the first. */
const MARKERS: ReadonlyArray<readonly [MarkerName, SelectorEntry]> = [
  ...MEDIA_MARKERS.map((name) => [name, selectors[name]] as const),
  ['forwardedMarker', selectors.forwardedMarker],
  ['deletedMarker', selectors.deletedMarker],
];
type MarkerName = MediaMarker | 'forwardedMarker' | 'deletedMarker';

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

/**
 * Icons on most rows that are never markers (bubble tails, delivery ticks of every era), left out by the icon query itself:
 * each element a query returns becomes a JavaScript object, and on a 2,000-message chat read for the first
 * time those objects for tails and ticks cost about 6% of the read. Only exact names, and never one a marker
 * tier claims: leaving out too little costs time, leaving out a marker would lose it.
 */
const DECORATIVE_ICON_NAMES = [TAIL_IN_ICON, TAIL_OUT_ICON, ...OLDER_STATUS_ICON_NAMES, ...STATUS_ICON_NAMES].filter((name) => !isMarkerIcon(name));
const CANDIDATE_ICONS = `${ICON_ELEMENTS}:not(${DECORATIVE_ICON_NAMES.map((name) => `[${ICON_ATTRIBUTE}="${name}"]`).join(', ')})`;

/**
 * Spans that may be the "Edited" mark (selectors.ts EDITED_LABEL), less the author blocks and message texts
 * that share its shape: those are on most rows, and each one returned would be read. (The editedMark tier's
 * own selector, with its sibling combinator, took about 100 ms over a 2,000-message pane: twenty bare walks.)
 */
const EDITED_CANDIDATES = `${EDITED_LABEL}:not(${selectors.author.tiers[0].selector}, ${selectors.messageText.tiers[0].selector})`;

interface Found {
  features: SparseFeatures;
  /** Best (lowest) tier per marker in this row. */
  markers: Map<MarkerName, number>;
}

/**
 * `editedLabels`: also look for "Edited" spans (SparseFeatures.editedLabel). Worth it on a chat's first read,
 * where every row is read in full; on later reads most rows come from the row cache, and the few read in full
 * are cheaper to ask one by one (RowContext.askEachRowIfEdited) than the pane is to search.
 */
export function findSparseFeatures(pane: Element, log: TierLog, editedLabels = true): Map<Element, SparseFeatures> {
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
  const icons = pane.querySelectorAll(CANDIDATE_ICONS);
  for (let index = 0; index < icons.length; index++) {
    const icon = icons[index]!;
    const iconName = icon.getAttribute(ICON_ATTRIBUTE) ?? '';
    if (!isMarkerIcon(iconName)) continue;
    for (const { name, tier, matches } of ICON_TIERS) if (matches(iconName)) mark(icon, name, tier);
  }
  for (const [name, entry] of MARKERS) {
    entry.tiers.forEach((tier: SelectorTier, index) => {
      // Icons are done above. English-only labels and row-only hooks are left to the rare rows that have
      // nothing else to read (findLabelledMedia): a pane-wide query on a div's aria-label costs a third of
      // the bare walk.
      if (tier.icon || tier.localized || tier.inRow) return;
      for (const element of list(pane.querySelectorAll(tier.selector))) mark(element, name, index + 1);
    });
  }

  const editedCandidates = editedLabels ? pane.querySelectorAll(EDITED_CANDIDATES) : [];
  for (let index = 0; index < editedCandidates.length; index++) {
    const label = editedCandidates[index]!;
    if (!readsEdited(label)) continue;
    const entry = foundFor(label);
    if (entry) entry.features.editedLabel = true;
  }

  const features = new Map<Element, SparseFeatures>();
  for (const [container, entry] of found) {
    for (const [name] of MARKERS) {
      const tier = entry.markers.get(name);
      if (tier === undefined) continue;
      log.record(name, tier);
      if (name === 'forwardedMarker') entry.features.forwarded = true;
      else if (name === 'deletedMarker') entry.features.deleted = true;
      else entry.features.media ??= readMedia(name, container, entry.features.quoteBlock, log);
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
 * Media known only by a label (a picture not yet downloaded, an older voice note, a GIF) or a row-only hook
 * (a location's map link), looked up in one row: only for rows with no text and no other marker, so few
 * rows ever pay for it.
 */
export function findLabelledMedia(container: Element, log: TierLog): Media | null {
  for (const name of MEDIA_MARKERS) {
    const tiers: readonly SelectorTier[] = selectors[name].tiers;
    for (let index = 0; index < tiers.length; index++) {
      const tier = tiers[index]!;
      if (!tier.localized && !tier.inRow) continue;
      // The row's own, not one inside the quote above it (a quoted contact card sits before the row's own).
      if (!ownElement(container, tier.selector, undefined)) continue;
      log.record(name, index + 1);
      return readMedia(name, container, undefined, log);
    }
  }
  return null;
}
