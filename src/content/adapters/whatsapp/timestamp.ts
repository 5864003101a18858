/**
 * Reading `data-pre-plain-text` ("[13:52, 22/03/2026] Name: ") into a sender name and an ISO local
 * date-time. The time and date follow the user's WhatsApp locale: 24h or 12h (am/pm in any case, with or
 * without dots), and dates as d/m/y, m/d/y or y-m-d with '/', '.' or '-'.
 */

import { collapseWhitespace } from './text';

export interface ClockTime {
  hour: number;
  minute: number;
}

/** A date as written, before we know whether it is day-first or month-first. */
export interface WrittenDate {
  /** y-m-d dates carry their own order; the others need inferring. */
  yearFirst: boolean;
  first: number;
  second: number;
  year: number;
}

export interface MessageMetadata {
  time: ClockTime | null;
  date: WrittenDate | null;
  /** The sender as WhatsApp copies it: a contact name, a phone number or, for 'out', the owner's name. */
  name: string;
}

export type DateOrder = 'day-first' | 'month-first';

export interface DateOrderDecision {
  order: DateOrder;
  /**
   * Why: a value over 12 settled it, the chat's oldest-first order did, the page's locale, the default,
   * the caller said so, every date was year-first (no choice to make), or there were no dates.
   */
  basis: 'values-over-12' | 'chronology' | 'locale' | 'default' | 'caller' | 'year-first' | 'none';
}

// 13:52 · 8:05 pm · 10:54 PM · 8:05 p.m. · 8:05 p. m. · 13.52 · 13h52
const TIME_PATTERN = /^(\d{1,2})[:.h](\d{2})(?:[:.]\d{2})?(?:\s*([ap])\.?\s?m\.?)?$/i;
const DATE_PATTERN = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})\.?$/;

export type MetadataParser = (value: string) => MessageMetadata | null;

/**
 * `[<time>, <date>] <name>: `, split by position rather than one regex (this runs once per message).
 * The name may itself hold ": "; only the last one ends it.
 */
export function parseMetadata(value: string): MessageMetadata | null {
  return createMetadataParser()(value);
}

/**
 * Whole metadata strings already parsed, across reads: the live watch, history loading and repeated actions
 * read the same rows again, and a row's metadata never changes. Entries are frozen (shared between reads)
 * and the map is emptied when it outgrows the longest chat a read loads.
 */
const parsedMetadata = new Map<string, MessageMetadata | null>();
const PARSED_METADATA_LIMIT = 4_096;

/** A parser for one read: a chat repeats the same dates and times, so each is parsed once. */
export function createMetadataParser(): MetadataParser {
  // Separate caches: a chat has few dates, and its times repeat across days.
  const times = new Map<string, ClockTime | null>();
  const dates = new Map<string, WrittenDate | null>();
  const parse = (value: string): MessageMetadata | null => {
    const close = value.indexOf(']');
    const comma = value.indexOf(',');
    if (value[0] !== '[' || close < 0 || comma < 0 || comma > close) return null;
    const rest = value.slice(close + 1).trimEnd();
    if (!rest.endsWith(':')) return null;
    const timeText = value.slice(1, comma);
    const dateText = value.slice(comma + 1, close);
    let time = times.get(timeText);
    if (time === undefined) times.set(timeText, (time = parseClockTime(timeText)));
    let date = dates.get(dateText);
    if (date === undefined) dates.set(dateText, (date = parseWrittenDate(dateText)));
    return Object.freeze({ time, date, name: collapseWhitespace(rest.slice(0, -1)) });
  };
  return (value) => {
    let metadata = parsedMetadata.get(value);
    if (metadata === undefined) {
      if (parsedMetadata.size >= PARSED_METADATA_LIMIT) parsedMetadata.clear();
      parsedMetadata.set(value, (metadata = parse(value)));
    }
    return metadata;
  };
}

export function parseClockTime(text: string): ClockTime | null {
  return parse24HourTime(text) ?? parseAnyTime(text);
}

/** "13:52" or "8:05" by hand: the most common form, once per message, where a regex showed in profiles. */
function parse24HourTime(text: string): ClockTime | null {
  const colon = text.length - 3;
  if ((colon !== 1 && colon !== 2) || text.charCodeAt(colon) !== 58) return null;
  let hour = 0;
  for (let index = 0; index < colon; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return null;
    hour = hour * 10 + digit;
  }
  const tens = text.charCodeAt(colon + 1) - 48;
  const ones = text.charCodeAt(colon + 2) - 48;
  if (tens < 0 || tens > 5 || ones < 0 || ones > 9 || hour > 23) return null;
  return { hour, minute: tens * 10 + ones };
}

function parseAnyTime(text: string): ClockTime | null {
  const match = TIME_PATTERN.exec(collapseWhitespace(text));
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const meridiem = match[3]?.toLowerCase();
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return { hour, minute };
}

export function parseWrittenDate(text: string): WrittenDate | null {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, a, b, c] = match as unknown as [string, string, string, string];
  if (a.length === 4) return { yearFirst: true, first: Number(b), second: Number(c), year: Number(a) };
  if (a.length > 2 || b.length > 2 || c.length === 3 || c.length === 1) return null;
  const year = c.length === 2 ? 2000 + Number(c) : Number(c);
  return { yearFirst: false, first: Number(a), second: Number(b), year };
}

/** Locales whose WhatsApp writes month-first dates. Everything else we read day-first. */
const MONTH_FIRST_LOCALES = new Set(['en-us', 'es-us', 'en-ph', 'fil', 'fil-ph']);

/**
 * Day-first or month-first, for the whole chat at once (one locale writes every date the same way):
 * 1. a first value over 12 means day-first, a second value over 12 month-first;
 * 2. else the order under which the dates run oldest first (as the chat is rendered) with fewer reversals;
 * 3. else the page's locale (`<html lang>`), where a known month-first locale says so;
 * 4. else day-first, the more common convention among WhatsApp's users. When it is wrong, only chats whose
 *    dates all have day and month at most 12 are affected, and the diagnostics say the order was assumed.
 */
export function inferDateOrder(dates: readonly WrittenDate[], localeHint?: string | null): DateOrderDecision {
  const ambiguous = dates.filter((date) => !date.yearFirst);
  if (ambiguous.length === 0) return { order: 'day-first', basis: dates.length ? 'year-first' : 'none' };
  let firstOver12 = false;
  let secondOver12 = false;
  for (const date of ambiguous) {
    if (date.first > 12) firstOver12 = true;
    if (date.second > 12) secondOver12 = true;
  }
  // Both at once means mixed formats; fall through to the other signals rather than trust either.
  if (firstOver12 !== secondOver12) {
    return { order: firstOver12 ? 'day-first' : 'month-first', basis: 'values-over-12' };
  }
  const dayFirstReversals = countReversals(ambiguous, 'day-first');
  const monthFirstReversals = countReversals(ambiguous, 'month-first');
  if (dayFirstReversals !== monthFirstReversals) {
    return { order: dayFirstReversals < monthFirstReversals ? 'day-first' : 'month-first', basis: 'chronology' };
  }
  if (localeHint) {
    const locale = localeHint.toLowerCase();
    return { order: MONTH_FIRST_LOCALES.has(locale) ? 'month-first' : 'day-first', basis: 'locale' };
  }
  return { order: 'day-first', basis: 'default' };
}

function countReversals(dates: readonly WrittenDate[], order: DateOrder): number {
  let reversals = 0;
  let previous = -Infinity;
  for (const date of dates) {
    const { month, day } = dayAndMonth(date, order);
    const key = date.year * 10_000 + month * 100 + day;
    if (key < previous) reversals++;
    previous = key;
  }
  return reversals;
}

function dayAndMonth(date: WrittenDate, order: DateOrder): { day: number; month: number } {
  if (date.yearFirst) return { month: date.first, day: date.second };
  return order === 'day-first' ? { day: date.first, month: date.second } : { day: date.second, month: date.first };
}

/**
 * A message's `2026-03-22T13:52:00` (null without a date and time, or for a date that does not exist under
 * `order`), made once per metadata object and order: those objects are shared by every read of the same
 * rows (parsedMetadata), and building the string is five paddings and a concatenation per message.
 */
const timestamps: Record<DateOrder, WeakMap<MessageMetadata, string | null>> = {
  'day-first': new WeakMap(),
  'month-first': new WeakMap(),
};

export function timestampOf(metadata: MessageMetadata, order: DateOrder): string | null {
  if (!metadata.date || !metadata.time) return null;
  const made = timestamps[order];
  let timestamp = made.get(metadata);
  if (timestamp === undefined) made.set(metadata, (timestamp = toLocalIso(metadata.date, metadata.time, order)));
  return timestamp;
}

/** `2026-03-22T13:52:00`, or null when the date does not exist under `order`. */
export function toLocalIso(date: WrittenDate, time: ClockTime, order: DateOrder): string | null {
  const { day, month } = dayAndMonth(date, order);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(date.year, month)) return null;
  return `${pad(date.year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(time.hour, 2)}:${pad(time.minute, 2)}:00`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
