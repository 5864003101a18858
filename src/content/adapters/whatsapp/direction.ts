/**
 * A message's direction on pages without the message-in/message-out classes (WhatsApp of 2026-08: its code has
 * neither class, docs/research/whatsapp-media.md, "2026-08 era"). Each row's signals, most trusted first:
 * - a delivery status icon: WhatsApp draws one on the owner's messages only => out;
 * - the bubble's tail (first bubble of a run only), the owner's invisible "You:" label => out; the tail or the
 *   row's own author block (a group's run start) => in;
 * - none: the row continues the run above it, so it takes the direction of the message right above, when no
 *   notice, date separator or unread divider sits between them; otherwise it is unreadable (counted, never
 *   guessed).
 * Nothing inside a quote counts: a quote of the owner's message repeats its look. Which side of the pane a
 * bubble sits on is never asked: the reader is pure, with no layout.
 *
 * Cost: only a pane without any class hook (hasClassHooks) is read this way, so a 2026-05 chat pays one class
 * query per read. There, the icons are found by one pane-wide query walked alongside the rows (contained-cursor.ts),
 * the few "You:" labels each find their row, and author blocks are asked for only in rows nothing else tells about;
 * all on first use, so rows the row cache answers (row-cache.ts) cost nothing more.
 */
import { ContainedCursor } from './contained-cursor';
import { labelsOf } from './locale-labels';
import {
  ICON_ATTRIBUTE,
  ICON_ELEMENTS,
  OLDER_STATUS_ICON_NAMES,
  STATUS_ICON_NAMES,
  TAIL_IN_ICON,
  TAIL_OUT_ICON,
  whatsAppSelectors as selectors,
  type SelectorName,
} from './selectors';
import type { SparseFeatures } from './sparse-features';

export interface DirectionSignals {
  /** 1: a 2026 status icon; 2: an older one (the tier within outgoingBubble, less one). */
  status?: 1 | 2;
  tailIn?: boolean;
  tailOut?: boolean;
  ownerLabel?: boolean;
  authorBlock?: boolean;
}

export interface DirectionDecision {
  direction: 'in' | 'out';
  /** What read it, for the TierLog. */
  entry: SelectorName;
  tier: number;
}

/** The message read just before, as the reader saw it: its row container and direction (null when unreadable). */
export interface PreviousRow {
  container: Element;
  direction: 'in' | 'out' | null;
}

const OUTGOING = selectors.outgoingBubble.tiers[0].selector;
const INCOMING = selectors.incomingBubble.tiers[0].selector;
/** Invisible "Name:" labels (the author tier's older hook), among which the owner's "You:" is picked by value. */
const COLON_LABELS = selectors.author.tiers[1].selector;
const OWNER_LABELS = new Set(labelsOf('you'));
const AUTHOR_SPANS = selectors.author.tiers[0].selector;
/** The block an author span must sit in to be a row's author block (incomingBubble tier 3: `div[role=""] <span>`). */
const AUTHOR_BLOCK = 'div[role=""]';
const CONTAINER = selectors.messageContainer.tiers[0].selector;
/** Tier numbers within outgoingBubble / incomingBubble: keep them in step with selectors.ts's order. */
const OUT_STATUS = 2;
const OUT_TAIL = 4;
const OUT_LABEL = 5;
const IN_TAIL = 2;
const IN_AUTHOR = 3;

const STATUS_NAMES = new Set<string>(STATUS_ICON_NAMES);
const OLDER_STATUS_NAMES = new Set<string>(OLDER_STATUS_ICON_NAMES);

/** Chat panes (#main) whose message rows were read without class hooks: a pane keeps its DOM era. */
const panesWithoutHooks = new WeakSet<Element>();

/**
 * Whether any message in the pane carries a direction class. Chromium answers a class query from its class
 * index, and the first incoming bubble of a chat usually sits near the top; a pane already read without them
 * (noteReadWithoutHooks) is not asked again, so a 2026-08 chat's later reads do not walk it twice for nothing.
 */
export function hasClassHooks(pane: Element): boolean {
  if (panesWithoutHooks.has(pane)) return false;
  return pane.querySelector(INCOMING) !== null || pane.querySelector(OUTGOING) !== null;
}

/**
 * Remembers that the pane's messages were read without class hooks. Only once messages were read: a pane that
 * showed nothing but notices so far says nothing about its era.
 */
export function noteReadWithoutHooks(pane: Element): void {
  panesWithoutHooks.add(pane);
}

/**
 * The direction fallback for a pane without class hooks. Its signals are looked for on first use only: when the
 * row cache answers every row (row-cache.ts), no pane query is made at all. `containers` are the message rows in
 * document order; `sparse` holds their quote blocks, whose contents never count.
 */
export function findDirectionSignals(
  pane: Element,
  containers: ArrayLike<Element>,
  sparse: ReadonlyMap<Element, SparseFeatures>,
): DirectionFallback {
  return new DirectionFallback(() => scanSignals(pane, containers, sparse), sparse);
}

interface ScannedSignals {
  signals: ReadonlyMap<Element, DirectionSignals>;
  /** True where the owner's messages wear `tail-in` (right-to-left pages). */
  tailsSwapped: boolean;
}

function scanSignals(pane: Element, containers: ArrayLike<Element>, sparse: ReadonlyMap<Element, SparseFeatures>): ScannedSignals {
  const signals = new Map<Element, DirectionSignals>();
  const signalsOf = (container: Element) => {
    let found = signals.get(container);
    if (!found) signals.set(container, (found = {}));
    return found;
  };
  // Icons are on most rows: walked alongside the rows. Which tail the owner's messages wear: WhatsApp swaps the
  // names on right-to-left pages (docs/research, "2026-08 era"); rows with a status icon tell, whatever the page's
  // language, and the page's direction is the last word.
  const icons = new ContainedCursor(pane.querySelectorAll(ICON_ELEMENTS));
  let tailInWithStatus = 0;
  let tailOutWithStatus = 0;
  for (let index = 0; index < containers.length; index++) {
    const container = containers[index]!;
    const quote = sparse.get(container)?.quoteBlock;
    const outsideQuote = quote ? (element: Element) => !quote.contains(element) : undefined;
    let found: DirectionSignals | null = null;
    for (let icon = icons.next(container, outsideQuote); icon; icon = icons.next(container, outsideQuote)) {
      const name = icon.getAttribute(ICON_ATTRIBUTE) ?? '';
      if (STATUS_NAMES.has(name)) (found ??= signalsOf(container)).status = 1;
      else if (OLDER_STATUS_NAMES.has(name)) (found ??= signalsOf(container)).status ??= 2;
      else if (name === TAIL_IN_ICON) (found ??= signalsOf(container)).tailIn = true;
      else if (name === TAIL_OUT_ICON) (found ??= signalsOf(container)).tailOut = true;
    }
    if (found?.status) {
      if (found.tailIn) tailInWithStatus++;
      if (found.tailOut) tailOutWithStatus++;
    }
  }
  // Labels are fewer than rows: each finds its row (closest), rather than each row its label. Author blocks are
  // asked for in rows that show nothing else only (hasOwnAuthorBlock): a run's first bubble shows a tail too.
  const labels = pane.querySelectorAll(COLON_LABELS);
  for (let index = 0; index < labels.length; index++) {
    const label = labels[index]!;
    if (!OWNER_LABELS.has(label.getAttribute('aria-label') ?? '')) continue;
    const container = label.closest(CONTAINER);
    if (container && !sparse.get(container)?.quoteBlock?.contains(label)) signalsOf(container).ownerLabel = true;
  }
  const tailsSwapped =
    tailInWithStatus !== tailOutWithStatus ? tailInWithStatus > tailOutWithStatus : isRightToLeft(pane.ownerDocument);
  return { signals, tailsSwapped };
}

/** Whether the row shows an author block of its own, outside its quote (a quote repeats its author's). */
function hasOwnAuthorBlock(container: Element, quote: Element | undefined): boolean {
  for (const author of container.querySelectorAll(AUTHOR_SPANS)) {
    if (quote?.contains(author)) continue;
    const block = author.closest(AUTHOR_BLOCK);
    if (block && container.contains(block)) return true;
  }
  return false;
}

/** The page's writing direction, where no outgoing run start tells (a chat of incoming messages only). */
function isRightToLeft(doc: Document): boolean {
  return doc.documentElement?.getAttribute('dir')?.toLowerCase() === 'rtl';
}

export class DirectionFallback {
  private scanned: ScannedSignals | null = null;

  constructor(
    private readonly scan: () => ScannedSignals,
    private readonly sparse: ReadonlyMap<Element, SparseFeatures>,
  ) {}

  private get found(): ScannedSignals {
    return (this.scanned ??= this.scan());
  }

  /** Whether the row shows any direction signal of its own (else it may only continue a run). */
  hasSignal(container: Element): boolean {
    return this.found.signals.has(container);
  }

  /** The row's direction from its own signals, else from the message right above it; null when neither tells. */
  decide(container: Element, previous: PreviousRow | null): DirectionDecision | null {
    const { signals, tailsSwapped } = this.found;
    const own = signals.get(container);
    if (own) return decideFromSignals(own, tailsSwapped);
    if (hasOwnAuthorBlock(container, this.sparse.get(container)?.quoteBlock)) return decideFromSignals({ authorBlock: true });
    if (previous?.direction && isRightBelow(previous.container, container)) {
      return { direction: previous.direction, entry: 'continuedRun', tier: 1 };
    }
    return null;
  }
}

/**
 * One row's direction from its own signals, most trusted first; null when they contradict each other at the
 * same level of trust (an incoming tail and the owner's label, say): counted as unreadable, never guessed.
 */
export function decideFromSignals(signals: DirectionSignals, tailsSwapped = false): DirectionDecision | null {
  if (signals.status) return { direction: 'out', entry: 'outgoingBubble', tier: OUT_STATUS + signals.status - 1 };
  const ownTail = tailsSwapped ? signals.tailIn : signals.tailOut;
  const otherTail = tailsSwapped ? signals.tailOut : signals.tailIn;
  const outgoing = ownTail ? OUT_TAIL : signals.ownerLabel ? OUT_LABEL : 0;
  const incoming = otherTail ? IN_TAIL : signals.authorBlock ? IN_AUTHOR : 0;
  if (outgoing && incoming) return null;
  if (outgoing) return { direction: 'out', entry: 'outgoingBubble', tier: outgoing };
  if (incoming) return { direction: 'in', entry: 'incomingBubble', tier: incoming };
  return null;
}

/**
 * Whether `container` sits in the row right after `previous`'s, with nothing between (a notice, a date
 * separator and the unread divider are rows of their own). Two messages in one row (as WhatsApp sometimes
 * renders) are adjacent when nothing but whitespace separates them.
 */
export function isRightBelow(previous: Element, container: Element): boolean {
  if (previous.nextElementSibling === container) return true;
  const row = container.parentElement;
  const previousRow = previous.parentElement;
  if (!row || !previousRow || row === previousRow) return false;
  return previousRow.nextElementSibling === row && previous.nextElementSibling === null && row.firstElementChild === container;
}
