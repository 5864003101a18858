/**
 * Reads the open WhatsApp Web chat (DOM of 2026-04/05 and 2026-08, and the packed-id DOM before it) into a
 * Conversation. Pure: Document in, data out; no observers, no layout, no page events.
 */
import type { Conversation, Message } from '../../../shared/conversation';
import { chatKeyFor } from './chat-key';
import { findComposer } from './composer-lookup';
import { readHeader, looksLikeMemberList } from './header';
import { assessHealth } from './health';
import { classifyMessageId, isGroupJid } from './message-id';
import { ContainedCursor } from './contained-cursor';
import { findDirectionSignals, hasClassHooks, noteReadWithoutHooks } from './direction';
import { readRow, type MessageRowReading, type RowContext, type RowReading } from './row';
import { readPlainRow, wasReadBefore } from './row-cache';
import { MESSAGE_ID_ATTRIBUTE, whatsAppSelectors as selectors, queryFirstTier, type SelectorName } from './selectors';
import { findUnreadDivider, firstIdAfter } from './message-list';
import { findSparseFeatures } from './sparse-features';
import { TierLog } from './tier-log';
import {
  createMetadataParser,
  inferDateOrder,
  timestampOf,
  type DateOrder,
  type DateOrderDecision,
  type WrittenDate,
} from './timestamp';

export const WHATSAPP_SITE_ID = 'whatsapp';

export interface ReadOptions {
  /** Overrides the inferred day/month order (for callers that know the user's locale). */
  dateOrder?: DateOrder;
}

/** What the reader saw, for bug reports: counts and selector tiers, never message content. */
export interface ReadDiagnostics {
  /** Rows with a message id; date separators and the unread divider have none and are not counted. */
  rows: number;
  messages: number;
  /** Rows with a message id that are not messages (contact cards, placeholders). */
  skippedRows: number;
  unreadableRows: number;
  guessedTextRows: number;
  idFormats: { packed: number; bare: number; unknown: number };
  dateOrder: DateOrderDecision;
  /** Worst tier that matched, per selector (1 = preferred). */
  selectorTiers: Partial<Record<SelectorName, number>>;
}

export interface WhatsAppConversation extends Conversation {
  diagnostics: ReadDiagnostics;
}

export function readConversation(doc: Document, options: ReadOptions = {}): WhatsAppConversation {
  const log = new TierLog();
  const openChat = queryFirstTier(doc, selectors.openChat);
  if (!openChat) return emptyConversation(log);
  const main = openChat.element;
  const header = readHeader(main);
  if (header.titleTier) log.record('headerTitle', header.titleTier);
  const composer = findComposer(doc);
  if (composer) log.record('composer', composer.tier);

  // Rows without an id (date separators, the unread divider) are never messages: walk the ids directly.
  const containers = main.querySelectorAll(selectors.messageContainer.tiers[0].selector);
  // The row cache answers from a chat's second read on (row-cache.ts).
  const readBefore = wasReadBefore(main);
  // Rarely found features first, on every read: a row holding one is never taken from the row cache.
  const sparse = findSparseFeatures(main, log, !readBefore);
  // The pane-wide lists are queried only once a row is read in full (none when the row cache has them all).
  let authorElements: { elements: ArrayLike<Element>; tier: number } | null = null;
  const authors = () => (authorElements ??= findAuthorElements(main, containers));
  const context: RowContext = {
    log,
    parseMetadata: createMetadataParser(),
    texts: new ContainedCursor(() => main.querySelectorAll(selectors.messageText.tiers[0].selector)),
    authors: new ContainedCursor(() => authors().elements),
    get authorTier() {
      return authors().tier;
    },
    askEachRowIfEdited: readBefore,
  };
  // 2026-08 pages have no direction class: direction from icons and labels instead (direction.ts).
  if (containers.length && !hasClassHooks(main)) {
    context.directionFallback = findDirectionSignals(main, containers, sparse);
    context.previous = null;
  }
  const readings: RowReading[] = [];
  // Indexed, not for-of: iterating a NodeList with for-of costs twice as much in Chromium.
  for (let index = 0; index < containers.length; index++) {
    const container = containers[index]!;
    const features = sparse.get(container);
    const reading = features || !readBefore ? readRow(container, features, context) : readPlainRow(container, context);
    readings.push(reading);
    // A run's later bubbles take the direction of the message above (cached readings included).
    if (context.directionFallback) context.previous = { container, direction: reading.kind === 'message' ? reading.direction : null };
  }
  if (containers.length) log.record('messageContainer', 1);
  const rowsShown = containers.length > 0 || main.querySelector(selectors.messageRow.tiers[0].selector) !== null;

  const tally = tallyReadings(readings);
  // Messages read without class hooks: this pane is of the 2026-08 era for good (no class query next time).
  if (context.directionFallback && tally.withMetadata > 0) noteReadWithoutHooks(main);
  // Author records carry the page's author tier (row-cache.ts replays them): no pane query for it here.
  const isGroup =
    (tally.authorBlocks > 0 && log.tierOf('author') === 1) ||
    tally.groupJids > 0 ||
    tally.incomingNames.size > 1 ||
    looksLikeMemberList(header.subtitle);
  const dateOrder: DateOrderDecision = options.dateOrder
    ? { order: options.dateOrder, basis: 'caller' }
    : inferDateOrder(tally.dates, doc.documentElement?.getAttribute('lang'));
  const messages = buildMessages(readings, { isGroup, title: header.title, order: dateOrder.order });

  const chatKey = chatKeyFor(WHATSAPP_SITE_ID, header.title);
  const unreadFromId = findUnreadFromId(main, messages);
  return {
    site: WHATSAPP_SITE_ID,
    title: header.title,
    isGroup,
    ...(chatKey ? { chatKey } : {}),
    ...(unreadFromId ? { unreadFromId } : {}),
    messages,
    health: assessHealth({
      chatOpen: true,
      rowsShown,
      messageRows: readings.length - tally.skipped,
      messages: messages.length,
      unreadableRows: tally.unreadable,
      guessedTextRows: tally.guessedText,
      unknownIdRows: tally.idFormats.unknown,
      textMessages: tally.textMessages,
      messagesWithMetadata: tally.withMetadata,
      unparseableMetadata: tally.unparseableMetadata,
      titleFound: header.title !== '',
      composerFound: composer !== null,
      fallbacks: log.fallbacks(),
    }),
    diagnostics: {
      rows: containers.length,
      messages: messages.length,
      skippedRows: tally.skipped,
      unreadableRows: tally.unreadable,
      guessedTextRows: tally.guessedText,
      idFormats: tally.idFormats,
      dateOrder,
      selectorTiers: log.toJSON(),
    },
  };
}

/** The first message below WhatsApp's "N unread messages" divider, when the chat shows one. */
function findUnreadFromId(main: Element, messages: readonly Message[]): string | undefined {
  const divider = findUnreadDivider(main);
  if (!divider) return undefined;
  const ids = new Set<string>();
  for (const message of messages) if (message.direction !== 'system') ids.add(message.id);
  return firstIdAfter(divider, (id) => ids.has(id));
}

/**
 * Today's author blocks; on packed-id pages without any, the pre-2025 "Name:" labels. Never both, and never
 * the labels on today's pages, where the owner's "You:" is the only one left.
 */
function findAuthorElements(
  main: Element,
  containers: NodeListOf<Element>,
): { elements: ArrayLike<Element>; tier: number } {
  const blocks = main.querySelectorAll(selectors.author.tiers[0].selector);
  if (blocks.length > 0 || containers.length === 0) return { elements: blocks, tier: 1 };
  const firstId = containers[0]!.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '';
  if (classifyMessageId(firstId).format !== 'packed') return { elements: blocks, tier: 1 };
  return { elements: main.querySelectorAll(selectors.author.tiers[1].selector), tier: 2 };
}

interface Tally {
  skipped: number;
  unreadable: number;
  guessedText: number;
  authorBlocks: number;
  groupJids: number;
  textMessages: number;
  withMetadata: number;
  unparseableMetadata: number;
  incomingNames: Set<string>;
  idFormats: { packed: number; bare: number; unknown: number };
  dates: WrittenDate[];
}

function tallyReadings(readings: readonly RowReading[]): Tally {
  const tally: Tally = {
    skipped: 0, unreadable: 0, guessedText: 0, authorBlocks: 0, groupJids: 0, textMessages: 0,
    withMetadata: 0, unparseableMetadata: 0, incomingNames: new Set(), idFormats: { packed: 0, bare: 0, unknown: 0 },
    dates: [],
  };
  for (const reading of readings) {
    if (reading.kind === 'skip') {
      tally.skipped++;
      continue;
    }
    tally.idFormats[reading.idShape.format]++;
    if (reading.idShape.format === 'packed' && isGroupJid(reading.idShape.chatJid)) tally.groupJids++;
    if (reading.kind === 'unreadable') tally.unreadable++;
    if (reading.kind !== 'message') continue;
    if (reading.textGuessed) tally.guessedText++;
    else if (reading.text) tally.textMessages++;
    if (reading.author) tally.authorBlocks++;
    if (reading.hasMetadata) tally.withMetadata++;
    const { metadata } = reading;
    // A time without a date is a shape WhatsApp writes (contact cards, polls), not an unreadable one.
    if (reading.hasMetadata && (!metadata?.time || (!metadata.date && !metadata.undated))) tally.unparseableMetadata++;
    // A chat's rows share a handful of date objects (parsed once per date): consecutive repeats change
    // nothing in inferDateOrder, so each run of one date is pushed once.
    if (metadata?.date && metadata.date !== tally.dates[tally.dates.length - 1]) tally.dates.push(metadata.date);
    if (reading.direction === 'in' && metadata?.name) tally.incomingNames.add(metadata.name);
  }
  return tally;
}

interface ChatFacts {
  isGroup: boolean;
  title: string;
  order: DateOrder;
}

function buildMessages(readings: readonly RowReading[], chat: ChatFacts): Message[] {
  const messages: Message[] = [];
  // The author block is shown once per run of messages by the same person, so a run inherits it.
  let previous: { reading: MessageRowReading; sender: string | null } | null = null;
  for (const reading of readings) {
    if (reading.kind === 'system') {
      messages.push({ id: reading.idShape.messageId, direction: 'system', sender: null, timestamp: null, text: reading.text });
      previous = null;
    } else if (reading.kind === 'message') {
      const sender = senderOf(reading, previous, chat);
      messages.push(toMessage(reading, sender, chat.order));
      previous = { reading, sender };
    }
  }
  return messages;
}

function senderOf(
  reading: MessageRowReading,
  previous: { reading: MessageRowReading; sender: string | null } | null,
  chat: ChatFacts,
): string | null {
  // The owner's name is in the metadata but not on screen: the contract wants null unless shown.
  if (reading.direction === 'out') return null;
  if (reading.author) return reading.author;
  const name = reading.metadata?.name ?? null;
  if (previous?.reading.direction === 'in') {
    const previousName = previous.reading.metadata?.name ?? null;
    // Same person as the row above (or we cannot tell otherwise): carry the name shown there.
    if (name === null || previousName === null || name === previousName) return previous.sender;
  }
  if (name) return name;
  // In a one-to-one chat every incoming message is from the person in the header.
  return chat.isGroup || !chat.title ? null : chat.title;
}

function toMessage(reading: MessageRowReading, sender: string | null, order: DateOrder): Message {
  const { metadata } = reading;
  const timestamp = metadata ? timestampOf(metadata, order) : null;
  const message: Message = {
    id: reading.idShape.messageId,
    direction: reading.direction,
    sender,
    timestamp,
    text: reading.text,
  };
  if (reading.quote) message.quote = reading.quote;
  if (reading.media) message.media = reading.media;
  if (reading.deleted) message.deleted = true;
  if (reading.edited) message.edited = true;
  if (reading.forwarded) message.forwarded = true;
  return message;
}

function emptyConversation(log: TierLog): WhatsAppConversation {
  return {
    site: WHATSAPP_SITE_ID,
    title: '',
    isGroup: false,
    messages: [],
    health: assessHealth({ chatOpen: false }),
    diagnostics: {
      rows: 0, messages: 0, skippedRows: 0, unreadableRows: 0, guessedTextRows: 0,
      idFormats: { packed: 0, bare: 0, unknown: 0 }, dateOrder: { order: 'day-first', basis: 'none' },
      selectorTiers: log.toJSON(),
    },
  };
}
