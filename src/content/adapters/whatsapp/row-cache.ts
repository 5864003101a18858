/**
 * Rows already read, across reads: the sidebar's live watch, history loading and repeated actions read the
 * same 2,000 rows again, and most of a read's cost is the DOM calls each row takes to read (about twenty:
 * its bubble, metadata, text and author found and read). A row the cache knows costs three: its id, its
 * textContent and its element count, compared with what they were when it was read in full.
 *
 * Only plain message rows are kept: no quote, marker or media (the pane-wide search for those runs on every
 * read, and a row where it finds one is read in full), and no image at all (an emoji is an <img> whose alt
 * textContent does not show). What can change in a kept row shows in those three: an edit changes the text
 * and adds the "Edited" mark, a deletion replaces the text, WhatsApp reusing the element for another
 * message changes the id and text, and an emoji or line break added by an edit adds an element. Keyed by the
 * element (a WeakMap), so rows WhatsApp drops from its virtualized list are forgotten with them. Rows are kept
 * from the second read of the same chat pane (#main, which WhatsApp renders anew for each chat) on: the first
 * read of a chat costs what it did without the cache, with not even a lookup per row (a WeakSet of rows seen
 * once cost a tenth of a first read). Rows that arrive in a pane read before are kept from their first read.
 */
import { MESSAGE_ID_ATTRIBUTE } from './selectors';
import { readRow, type RowContext, type RowReading } from './row';
import type { TierRecords } from './tier-log';

interface CachedRow {
  id: string;
  text: string;
  elements: number;
  reading: RowReading;
  records: TierRecords;
}

const ANY_ELEMENT = '*';
const IMAGE = 'img';
const rows = new WeakMap<Element, CachedRow>();
/** Chat panes (#main) read at least once: their rows are kept from the next read on. */
const readPanes = new WeakSet<Element>();
/** One shared list per distinct set of records (a handful: direction, text and author tiers), for TierLog.replay. */
const recordSets: TierRecords[] = [];
const RECORD_SETS_LIMIT = 64;

function shared(records: TierRecords): TierRecords {
  for (const set of recordSets) if (sameRecords(set, records)) return set;
  if (recordSets.length >= RECORD_SETS_LIMIT) recordSets.length = 0;
  const set = records.slice();
  recordSets.push(set);
  return set;
}

function sameRecords(a: TierRecords, b: TierRecords): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * Whether the chat pane `main` was read before (and notes that it now has been). On its first read the reader
 * reads every row with readRow: keeping a row costs about a third of reading it, paid back only when it is
 * read again (a page read once, say by the extract CLI, never pays it).
 */
export function wasReadBefore(main: Element): boolean {
  if (readPanes.has(main)) return true;
  readPanes.add(main);
  return false;
}

/**
 * readRow for a row the pane-wide search found no quote, marker or media in, from the cache when unchanged;
 * for panes read before (wasReadBefore).
 */
export function readPlainRow(container: Element, context: RowContext): RowReading {
  const cached = rows.get(container);
  const id = container.getAttribute(MESSAGE_ID_ATTRIBUTE) ?? '';
  const text = container.textContent ?? '';
  // A live collection: Chromium keeps its length until the row itself changes.
  const elements = container.getElementsByTagName(ANY_ELEMENT).length;
  if (cached && cached.id === id && cached.text === text && cached.elements === elements) {
    context.log.replay(cached.records);
    return cached.reading;
  }
  context.log.startCapture();
  const reading = readRow(container, undefined, context);
  const records = context.log.endCapture();
  if (reading.kind === 'message' && container.getElementsByTagName(IMAGE).length === 0) {
    // Shared by every later read that takes it from here: nothing changes a reading after readRow.
    rows.set(container, { id, text, elements, reading, records: shared(records) });
  } else {
    rows.delete(container);
  }
  return reading;
}
