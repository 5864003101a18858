/**
 * One message container (the element with `data-id`), read on its own. This is the hot path of a read: a
 * typical row costs a few attribute reads and contains() checks, and no query at all. Its text and author
 * block come from pane-wide lists walked alongside the rows (contained-cursor.ts), its metadata element is
 * the text's ancestor; sparse features (quote, markers, media) arrive already found (sparse-features.ts).
 * Queries scoped to the row remain for older DOMs and odd rows (no text) only.
 *
 * What needs the whole chat (the sender carried over omitted author blocks, day/month order, isGroup) is
 * left to reader.ts.
 */
import type { Media, Quote } from '../../../shared/conversation';
import type { ContainedCursor } from './contained-cursor';
import type { DirectionFallback, PreviousRow } from './direction';
import { classifyMessageId, type MessageIdShape } from './message-id';
import {
  METADATA_ATTRIBUTE,
  MESSAGE_BUBBLE,
  MESSAGE_ID_ATTRIBUTE,
  queryFirstTier,
  whatsAppSelectors as selectors,
} from './selectors';
import { DELETED_TEXTS, withoutUnsavedPrefix } from './locale-labels';
import { findLabelledMedia, type SparseFeatures } from './sparse-features';
import { isEdited } from './edited-mark';
import type { MetadataParser, MessageMetadata } from './timestamp';
import type { TierLog } from './tier-log';
import { collapseWhitespace, readVisibleText } from './text';

export type RowReading =
  /** Contact cards, placeholders and other rows with an id that are not messages. */
  | { kind: 'skip' }
  /** A message row we could not read: no direction or no text. Counted, never guessed. */
  | { kind: 'unreadable'; idShape: MessageIdShape }
  | { kind: 'system'; idShape: MessageIdShape; text: string }
  | MessageRowReading;

export interface MessageRowReading {
  kind: 'message';
  idShape: MessageIdShape;
  direction: 'in' | 'out';
  /** The author block's name, when the row shows one (2026-05 groups). */
  author: string | null;
  /** Metadata attribute was present; `metadata` is null when it did not parse. */
  hasMetadata: boolean;
  metadata: MessageMetadata | null;
  text: string;
  /** True when the text came from the best-guess selector. */
  textGuessed: boolean;
  quote?: Quote;
  media?: Media;
  deleted?: boolean;
  edited?: boolean;
  forwarded?: boolean;
}

export interface RowContext {
  log: TierLog;
  parseMetadata: MetadataParser;
  /** The pane's text spans (today's tier) and author blocks, walked alongside the containers. */
  texts: ContainedCursor;
  authors: ContainedCursor;
  /** Which author tier `authors` walks (1: the 2026-05 block; 2: the pre-2025 "Name:" label). */
  authorTier: number;
  /** Ask each row read in full whether it shows the "Edited" mark, rather than only those in SparseFeatures.editedLabel. */
  askEachRowIfEdited: boolean;
  /**
   * Set when the pane shows no message-in/out class at all (2026-08): direction from icons and labels, and from
   * `previous` for a run's later bubbles (direction.ts). The reader keeps `previous` up to date, cached rows too.
   */
  directionFallback?: DirectionFallback;
  previous?: PreviousRow | null;
}

const SKIP: RowReading = { kind: 'skip' };
const NO_FEATURES: SparseFeatures = {};

const OUTGOING = selectors.outgoingBubble.tiers[0].selector;
const INCOMING = selectors.incomingBubble.tiers[0].selector;
const QUOTE_TEXT = selectors.quoteText.tiers[0].selector;
const METADATA = selectors.messageMetadata.tiers[0].selector;
const QUOTE_AUTHOR_LINE = 'div[role=""]';

export function readRow(container: Element, sparse: SparseFeatures | undefined, context: RowContext): RowReading {
  const { log } = context;
  const features = sparse ?? NO_FEATURES;
  const idShape = classifyMessageId(container.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '');
  const fallback = context.directionFallback;
  // Without class hooks on the page, asking each row for them would cost two failing queries per row.
  const bubble = fallback ? null : findBubble(container);
  const scope = bubble?.element ?? container;
  // A deleted message's text is gone; the localized "This message was deleted" is not its text.
  const quoteBlock = features.quoteBlock;
  const currentText = features.deleted ? null : context.texts.next(container, quoteBlock ? (element) => !quoteBlock.contains(element) : undefined);
  const metadataElement = metadataOf(container, currentText);

  if (!bubble && !metadataElement && !isFallbackBubble(container, fallback)) return readSystemRow(container, idShape, log);

  let direction: 'in' | 'out' | null = null;
  if (bubble) {
    direction = bubble.outgoing ? 'out' : 'in';
    log.record(direction === 'out' ? 'outgoingBubble' : 'incomingBubble', 1);
  } else if (fallback) {
    const decision = fallback.decide(container, context.previous ?? null);
    if (decision) {
      direction = decision.direction;
      log.record(decision.entry, decision.tier);
    }
  } else if (idShape.format === 'packed') {
    direction = idShape.outgoing ? 'out' : 'in';
  }
  if (!direction) return { kind: 'unreadable', idShape };

  const textElement = features.deleted ? null : findText(currentText, scope, quoteBlock, log);
  const media = features.media ?? (textElement || features.deleted ? undefined : findLabelledMedia(container, log));
  // The icon may go while the localized "This message was deleted" stays (locale-labels.ts): rows with
  // nothing else to read are checked for it.
  const deleted = features.deleted === true || (!textElement && media == null && isDeletedPlaceholder(scope));
  const hasMarker = media != null || deleted;
  if (!textElement && !metadataElement && !hasMarker && idShape.format !== 'packed') {
    // A bare-id bubble with no metadata, text or marker: WhatsApp's contact cards and similar (2026-05).
    return SKIP;
  }

  let text = '';
  let textGuessed = false;
  if (textElement) {
    text = readVisibleText(textElement);
  } else if (!hasMarker) {
    const guess = guessText(scope, features.quoteBlock);
    if (guess === null) return { kind: 'unreadable', idShape };
    text = guess;
    textGuessed = true;
  }

  let metadata: MessageMetadata | null = null;
  if (metadataElement) {
    log.record('messageMetadata', 1);
    metadata = context.parseMetadata(metadataElement.getAttribute(METADATA_ATTRIBUTE) ?? '');
  }

  // A quote repeats the author block for its own author, inside the metadata element; the row's own block
  // sits before it. (A quote without quote text is not in features.quoteBlock: the metadata test covers it.)
  // Outgoing rows never show an author block: leave the cursor be (it passes over any label left behind).
  const authorElement = direction === 'in' ? context.authors.next(container) : null;
  let author: string | null = null;
  if (
    direction === 'in' &&
    authorElement &&
    !features.quoteBlock?.contains(authorElement) &&
    !metadataElement?.contains(authorElement)
  ) {
    author = authorName(authorElement) || null;
    if (author) log.record('author', context.authorTier);
  }

  const reading: MessageRowReading = {
    kind: 'message',
    idShape,
    direction,
    author,
    hasMetadata: metadataElement !== null,
    metadata,
    text,
    textGuessed,
  };
  if (features.quoteBlock) reading.quote = readQuote(features.quoteBlock, log);
  if (media) reading.media = media;
  if (deleted) reading.deleted = true;
  // On a first read, only rows where the pane-wide search saw an "Edited" span are asked (sparse-features.ts).
  if ((features.editedLabel || context.askEachRowIfEdited) && metadataElement && !deleted && isEdited(metadataElement, log)) reading.edited = true;
  if (features.forwarded) reading.forwarded = true;
  return reading;
}

/**
 * On a page without class hooks, whether a row without metadata (a deleted message, a picture without caption)
 * is a message: it shows a direction signal or a drawn message bubble (a notice's bubble has another test id).
 */
function isFallbackBubble(container: Element, fallback: DirectionFallback | undefined): boolean {
  return fallback !== undefined && (fallback.hasSignal(container) || container.querySelector(MESSAGE_BUBBLE) !== null);
}

/** Whether a row with nothing else to read shows a deleted message's placeholder, in any known language. */
function isDeletedPlaceholder(scope: Element): boolean {
  for (const span of scope.querySelectorAll(selectors.systemText.tiers[0].selector)) {
    if (DELETED_TEXTS.has(collapseWhitespace(readVisibleText(span)))) return true;
  }
  return false;
}

interface Bubble {
  element: Element;
  outgoing: boolean;
}

/**
 * WhatsApp puts the bubble first in the container; look deeper only when it is not there. This runs once per
 * row: matches() on the class selector reads the class without making a string of it, cheaper than
 * getAttribute('class') and a pattern (and classList, which makes a token list per element).
 */
function findBubble(container: Element): Bubble | null {
  const first = container.firstElementChild;
  if (first) {
    if (first.matches(OUTGOING)) return { element: first, outgoing: true };
    if (first.matches(INCOMING)) return { element: first, outgoing: false };
  }
  const element = container.querySelector(OUTGOING) ?? container.querySelector(INCOMING);
  return element ? { element, outgoing: element.matches(OUTGOING) } : null;
}

function readSystemRow(container: Element, idShape: MessageIdShape, log: TierLog): RowReading {
  const match = queryFirstTier(container, selectors.systemText);
  if (match) log.record('systemText', match.tier);
  const text = collapseWhitespace(readVisibleText(match ? match.element : container));
  // Some rows carry an id and nothing to read (placeholders while history loads).
  return text ? { kind: 'system', idShape, text } : SKIP;
}

/**
 * The row's metadata element. With today's text span found, it is the span's nearest ancestor-or-self with the
 * attribute inside the row (in every era's fixtures): closest(), which makes a JavaScript object for that element
 * only (a walk up made one per parent, which on a page read for the first time cost more than the contains() that
 * keeps the answer inside the row), and far cheaper than a pane-wide list walked alongside the rows. Rows without one (media, notices, deleted messages, older eras) ask the
 * row itself: its first one.
 */
function metadataOf(container: Element, text: Element | null): Element | null {
  const element = text?.closest(METADATA);
  if (element && container.contains(element)) return element;
  return container.querySelector(METADATA);
}

/**
 * The message text: today's text span outside any quote (`current`, found by the caller), else an older tier
 * anywhere in the bubble.
 */
function findText(current: Element | null, scope: Element, quoteBlock: Element | undefined, log: TierLog): Element | null {
  if (current) {
    log.record('messageText', 1);
    return current;
  }
  const tiers = selectors.messageText.tiers;
  for (let index = 1; index < tiers.length; index++) {
    const selector = tiers[index]!.selector;
    const element = [...scope.querySelectorAll(selector)].find((candidate) => !quoteBlock?.contains(candidate));
    if (element) {
      log.record('messageText', index + 1);
      return element;
    }
  }
  return null;
}

/** The longest directional span outside the quote: wrong often enough that using it degrades health. */
function guessText(scope: Element, quoteBlock: Element | undefined): string | null {
  let best: string | null = null;
  for (const candidate of scope.querySelectorAll(selectors.messageTextGuess.tiers[0].selector)) {
    if (quoteBlock?.contains(candidate)) continue;
    const text = readVisibleText(candidate);
    if (text.trim() && (best === null || text.length > best.length)) best = text;
  }
  return best;
}

function readQuote(block: Element, log: TierLog): Quote {
  const textElement = block.matches(QUOTE_TEXT) ? block : block.querySelector(QUOTE_TEXT);
  if (textElement) log.record('quoteText', 1);
  const authorMatch = queryFirstTier(block, selectors.quoteAuthor);
  let sender: string | null = null;
  if (authorMatch) {
    log.record('quoteAuthor', authorMatch.tier);
    sender = authorName(authorMatch.element) || null;
  }
  return { sender, text: textElement ? readVisibleText(textElement) : quotedMediaCaption(block) };
}

/** A quoted photo or voice note shows a caption ("Photo", localized) beside its icon, outside the author line. */
function quotedMediaCaption(block: Element): string {
  for (const span of block.querySelectorAll(selectors.systemText.tiers[0].selector)) {
    if (span.closest(QUOTE_AUTHOR_LINE) || span.matches(selectors.quoteAuthor.tiers[0].selector)) continue;
    const text = collapseWhitespace(readVisibleText(span));
    if (text) return text;
  }
  return '';
}

/**
 * The name as shown, without WhatsApp's marks for unsaved contacts: "~ Ravi" on screen,
 * aria-label "Maybe Ravi". The visible text wins since the label is localized.
 */
export function authorName(element: Element): string {
  let shown = collapseWhitespace(readVisibleText(element));
  if (shown.startsWith('~')) shown = shown.slice(1).trimStart();
  if (shown) return shown;
  const label = collapseWhitespace(element.getAttribute('aria-label') ?? '');
  return withoutUnsavedPrefix(label.replace(/:$/, '')).replace(/^~\s*/, '');
}
