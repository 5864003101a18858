/**
 * Loading history from WhatsApp's virtualized message list: only rows near the viewport exist, and older
 * ones are fetched when the list is scrolled to its top. So a scoped read scrolls the list itself, reads
 * each window, merges the windows by message id (merge.ts), and puts the list back where the user had it.
 *
 * Runs only when the extension asks for a scoped read (never on its own), one at a time per page, and
 * stops at the target, at MAX_HISTORY_MESSAGES, at the chat's start (the top is reached and nothing older
 * comes within `settleTimeoutMs`), or when cancelled.
 */
import type { Conversation, Message } from '../../../shared/conversation';
import { MAX_HISTORY_MESSAGES } from '../../../shared/content-protocol';
import { listFitsWithoutScrolling, opensWithEncryptionNotice } from './chat-start';
import { mergeById } from './merge';
import { findMessagePane, scrollerOf } from './message-list';
import { classifyMessageId } from './message-id';
import { MESSAGE_ID_ATTRIBUTE } from './selectors';

export interface HistoryProgress {
  loaded: number;
  target: number;
}

export interface HistoryOptions {
  signal?: AbortSignal;
  onProgress?(progress: HistoryProgress): void;
  /**
   * How long the top of the list may stay without older rows before the chat counts as starting there.
   * WhatsApp fetches old messages from the phone, which can take seconds.
   */
  settleTimeoutMs?: number;
  /** Rows arrive in bursts: a window is read once the list has been still this long. */
  quietMs?: number;
  /** At most this many messages (MAX_HISTORY_MESSAGES). */
  limit?: number;
  /**
   * Chat key -> id of the chat's first message, learned when a read reached the start. The next read of that
   * chat that finds this message already mounted at the top knows it is the start, and does not wait
   * `settleTimeoutMs` for older rows that cannot come (a short chat would otherwise cost that wait on every run).
   */
  chatStarts?: Map<string, string>;
}

export interface HistoryRequest {
  /** Whether the messages merged so far cover what the caller wants (then no older rows are loaded). */
  covered(messages: readonly Message[]): boolean;
  /** For progress reports: how many messages the caller wants (0 when it cannot tell). */
  target: number;
}

export interface HistoryResult {
  /** Every message seen, merged, oldest first. */
  messages: Message[];
  /** The last window's read: title, health and the other chat-wide fields. */
  latest: Conversation;
  reachedChatStart: boolean;
  cancelled: boolean;
  hitLimit: boolean;
}

const DEFAULT_SETTLE_TIMEOUT_MS = 2_500;
/** For the page's lifetime; a chat whose first message was deleted simply gets learned again. */
const CHAT_STARTS = new Map<string, string>();
const MAX_REMEMBERED_CHAT_STARTS = 500;
const DEFAULT_QUIET_MS = 80;
/** Reaching the bottom takes a few windows at most; this bounds a list that keeps growing. */
const MAX_DOWNWARD_STEPS = 50;
const DOWNWARD_WAIT_MS = 1_000;
/** Scrolling back to the user's row passes through as many windows as loading did; this bounds it. */
const MAX_RESTORE_STEPS = 200;
const CONTAINER = `[${MESSAGE_ID_ATTRIBUTE}]`;

export async function loadHistory(
  doc: Document,
  read: (doc: Document) => Conversation,
  request: HistoryRequest,
  options: HistoryOptions = {},
): Promise<HistoryResult> {
  const { signal, onProgress } = options;
  const limit = Math.min(options.limit ?? MAX_HISTORY_MESSAGES, MAX_HISTORY_MESSAGES);
  const timing = { settle: options.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS, quiet: options.quietMs ?? DEFAULT_QUIET_MS };
  let latest = read(doc);
  let messages = latest.messages;
  const result = (extra: Partial<HistoryResult> = {}): HistoryResult => ({
    messages,
    latest,
    reachedChatStart: false,
    cancelled: signal?.aborted === true,
    hitLimit: messages.length >= limit,
    ...extra,
  });
  const pane = findMessagePane(doc);
  if (!pane) return result();
  const scroller = scrollerOf(pane);
  const saved = savePosition(scroller, pane);
  const report = () => onProgress?.({ loaded: Math.min(messages.length, limit), target: request.target });
  const readWindow = () => {
    latest = read(doc);
    messages = mergeById(messages, latest.messages);
  };
  report();

  const chatStarts = options.chatStarts ?? CHAT_STARTS;
  const knownStart = latest.chatKey === undefined ? undefined : chatStarts.get(latest.chatKey);
  let reachedChatStart = false;
  try {
    // The newest rows first: when the user has scrolled up, the rows below the viewport are not mounted.
    for (let step = 0; step < MAX_DOWNWARD_STEPS && !isAtBottom(scroller) && !signal?.aborted; step++) {
      scroller.scrollTop = scroller.scrollHeight;
      // Rows below come back as fast as WhatsApp renders them; a second is plenty.
      const grew = await waitForNewRows(pane, Math.min(timing.settle, DOWNWARD_WAIT_MS), timing.quiet, signal);
      readWindow();
      // Nothing new below: either the end, or a list that does not load downwards; going on would not help.
      if (!grew) break;
    }
    report();
    while (!request.covered(messages) && messages.length < limit && !signal?.aborted) {
      if ((knownStart !== undefined && messages[0]?.id === knownStart) || opensWithEncryptionNotice(messages) || listFitsWithoutScrolling(scroller)) {
        reachedChatStart = true;
        break;
      }
      const before = messages.length;
      scroller.scrollTop = 0;
      const grew = await waitForNewRows(pane, timing.settle, timing.quiet, signal);
      if (signal?.aborted) break;
      readWindow();
      report();
      if (!grew || messages.length === before) {
        reachedChatStart = true;
        break;
      }
    }
    if (reachedChatStart && latest.chatKey !== undefined && messages[0]) rememberChatStart(chatStarts, latest.chatKey, messages[0].id);
  } finally {
    const order = new Map<string, number>();
    messages.forEach((message, index) => order.set(message.id, index));
    await restorePosition(scroller, pane, saved, timing, (dataId) => order.get(classifyMessageId(dataId).messageId) ?? -1);
  }
  return result({ reachedChatStart });
}

function rememberChatStart(chatStarts: Map<string, string>, chatKey: string, firstMessageId: string): void {
  chatStarts.delete(chatKey);
  chatStarts.set(chatKey, firstMessageId);
  // Insertion order is age: drop the chats not read for longest.
  while (chatStarts.size > MAX_REMEMBERED_CHAT_STARTS) chatStarts.delete(chatStarts.keys().next().value!);
}

interface SavedPosition {
  scrollTop: number;
  /** Distance from the end of the list: older rows arriving above leave it unchanged. */
  fromBottom: number;
  atBottom: boolean;
  /** The newest row mounted (the data-id), which a user at the bottom sees last. */
  newest: string | null;
  /** The first row in view and how far below the scroller's top edge it was. */
  anchor: { dataId: string; offset: number } | null;
}

function isAtBottom(scroller: Element): boolean {
  return Math.abs(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight) <= 2;
}

function savePosition(scroller: Element, pane: Element): SavedPosition {
  const top = scroller.getBoundingClientRect().top;
  let anchor: SavedPosition['anchor'] = null;
  for (const container of pane.querySelectorAll(CONTAINER)) {
    const rect = container.getBoundingClientRect();
    if (rect.height > 0 && rect.bottom > top) {
      anchor = { dataId: container.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '', offset: rect.top - top };
      break;
    }
  }
  const containers = pane.querySelectorAll(CONTAINER);
  return {
    newest: containers[containers.length - 1]?.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? null,
    scrollTop: scroller.scrollTop,
    fromBottom: scroller.scrollHeight - scroller.scrollTop,
    atBottom: isAtBottom(scroller),
    anchor,
  };
}

/**
 * Back to where the user was: to the bottom if they were there (new messages keep it there), else the row
 * that was first in view, at the same offset. That row may have been unmounted while history loaded: the
 * list is scrolled towards it (down when it is newer than every mounted row, up when older) until it is
 * mounted again, then aligned.
 */
async function restorePosition(
  scroller: Element,
  pane: Element,
  saved: SavedPosition,
  timing: { settle: number; quiet: number },
  orderOf: (dataId: string) => number,
): Promise<void> {
  if (saved.atBottom) {
    // Down until the newest row the user had is mounted again and the list rests at its end.
    for (let step = 0; step < MAX_RESTORE_STEPS; step++) {
      scroller.scrollTop = scroller.scrollHeight;
      const newestBack = saved.newest === null || findContainer(pane, saved.newest) !== null;
      if (newestBack && isAtBottom(scroller)) {
        if (!(await waitForNewRows(pane, timing.quiet * 2, timing.quiet))) return;
        continue;
      }
      if (!(await waitForNewRows(pane, timing.settle, timing.quiet))) return;
    }
    return;
  }
  if (!saved.anchor) {
    scroller.scrollTop = scroller.scrollHeight - saved.fromBottom;
    return;
  }
  const anchorOrder = orderOf(saved.anchor.dataId);
  for (let step = 0; step < MAX_RESTORE_STEPS; step++) {
    const anchor = findContainer(pane, saved.anchor.dataId);
    if (anchor) {
      const drift = anchor.getBoundingClientRect().top - scroller.getBoundingClientRect().top - saved.anchor.offset;
      if (Math.abs(drift) < 1) return;
      scroller.scrollTop += drift;
      await waitForNewRows(pane, timing.quiet * 2, timing.quiet);
      continue;
    }
    const mounted = [...pane.querySelectorAll(CONTAINER)].map((container) => orderOf(container.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? ''));
    const newest = Math.max(-1, ...mounted);
    // Newer than everything mounted (or unknown): towards the end; else towards the start.
    scroller.scrollTop = anchorOrder > newest || anchorOrder < 0 ? scroller.scrollHeight : 0;
    if (!(await waitForNewRows(pane, timing.settle, timing.quiet))) {
      // Nothing more comes that way (the row is gone): the same distance from the end is the best left.
      scroller.scrollTop = scroller.scrollHeight - saved.fromBottom;
      return;
    }
  }
}

function findContainer(pane: Element, dataId: string): Element | null {
  for (const container of pane.querySelectorAll(CONTAINER)) {
    if (container.getAttribute(MESSAGE_ID_ATTRIBUTE) === dataId) return container;
  }
  return null;
}

/**
 * Resolves true once rows with ids not mounted before appear and the list has then been still for `quietMs`;
 * false after `timeoutMs` without any (or at once when cancelled).
 */
function waitForNewRows(pane: Element, timeoutMs: number, quietMs: number, signal?: AbortSignal): Promise<boolean> {
  const known = new Set<string>();
  for (const container of pane.querySelectorAll(CONTAINER)) known.add(container.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '');
  const view = pane.ownerDocument.defaultView;
  const Observer = view?.MutationObserver ?? globalThis.MutationObserver;
  return new Promise((resolve) => {
    let grew = false;
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (value: boolean) => {
      observer.disconnect();
      clearTimeout(deadline);
      clearTimeout(quietTimer);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(grew);
    const observer = new Observer((records) => {
      if (!grew && !records.some((record) => addsUnknownRow(record, known))) return;
      grew = true;
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => finish(true), quietMs);
    });
    observer.observe(pane, { childList: true, subtree: true });
    const deadline = setTimeout(() => finish(grew), timeoutMs);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function addsUnknownRow(record: MutationRecord, known: ReadonlySet<string>): boolean {
  for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const containers = element.matches(CONTAINER) ? [element] : element.querySelectorAll(CONTAINER);
    for (const container of containers) {
      if (!known.has(container.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '')) return true;
    }
  }
  return false;
}
