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
  /**
   * The page wrote a time and no date: `[13:52] Ana: `, as WhatsApp's 2026 code does for contact cards and polls
   * (WAWebMessageBubbleHiddenText). A known shape, not an unreadable date; the message has no timestamp.
   */
  undated?: true;
  /**
   * The message's timestamp once made (timestampOf), under `timestampOrder`: a row read again comes from the row
   * cache with this same object, so a chat's later reads make no string for it.
   */
  timestamp?: string | null;
  timestampOrder?: DateOrder;
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
 * `[<time>, <date>] <name>: ` (or `[<time>] <name>: `), split by position rather than one regex (this runs
 * once per message). The name may itself hold ": "; only the last one ends it.
 */
export function parseMetadata(value: string): MessageMetadata | null {
  return createMetadataParser()(value);
}

/**
 * A parser for one read. Nothing is kept between reads: a chat read again comes mostly from the row cache
 * (row-cache.ts), and a string-keyed cache of every row's metadata made a chat's first read half as slow
 * again (2,000 insertions, and the garbage they leave).
 */
export function createMetadataParser(): MetadataParser {
  // A chat has a handful of dates, each parsed once (a regex) and shared, which also lets the reader collapse
  // runs of one date by identity. Consecutive messages mostly share a date: compared in place with the last
  // one, no substring is made for it. Times are parsed in place too, into a shared table.
  const dates = new Map<string, WrittenDate | null>();
  let lastDateText: string | null = null;
  let lastDate: WrittenDate | null = null;
  return (value) => {
    const close = value.indexOf(']');
    if (value.charCodeAt(0) !== 91 /* [ */ || close < 0) return null;
    let end = value.length;
    while (end > close + 1 && isTrimmedAtEnd(value.charCodeAt(end - 1))) end--;
    if (end === close + 1 || value.charCodeAt(end - 1) !== 58 /* : */) return null;
    const name = collapseWhitespace(value.slice(close + 1, end - 1));
    const comma = value.indexOf(',');
    if (comma < 0 || comma > close) {
      const time = parse24HourTime(value, 1, close) ?? parseAnyTime(value.slice(1, close));
      return time ? { time, date: null, name, undated: true, timestamp: undefined, timestampOrder: undefined } : null;
    }
    const dateStart = comma + 1;
    let date: WrittenDate | null;
    if (lastDateText !== null && close - dateStart === lastDateText.length && value.startsWith(lastDateText, dateStart)) {
      date = lastDate;
    } else {
      const dateText = value.slice(dateStart, close);
      let parsed = dates.get(dateText);
      if (parsed === undefined) dates.set(dateText, (parsed = parseWrittenDate(dateText)));
      lastDateText = dateText;
      date = lastDate = parsed;
    }
    const time = parse24HourTime(value, 1, comma) ?? parseAnyTime(value.slice(1, comma));
    // Every field set here, the cache's too, so that all metadata objects share one shape.
    return { time, date, name, timestamp: undefined, timestampOrder: undefined };
  };
}

/** What String.prototype.trimEnd removes: white space and line terminators. */
function isTrimmedAtEnd(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Every time of day, made once when first seen and shared by every message at that minute. */
const CLOCK_TIMES: Array<ClockTime | undefined> = [];
const MINUTES_PER_DAY = 24 * 60;

function clockTime(hour: number, minute: number): ClockTime {
  const index = hour * 60 + minute;
  return (CLOCK_TIMES[index] ??= Object.freeze({ hour, minute }));
}

export function parseClockTime(text: string): ClockTime | null {
  return parse24HourTime(text) ?? parseAnyTime(text);
}

/**
 * "13:52" or "8:05" by hand, between `start` and `end` of `text` (no substring made): the most common form,
 * once per message, where a regex showed in profiles.
 */
function parse24HourTime(text: string, start = 0, end = text.length): ClockTime | null {
  const colon = end - 3;
  if ((colon !== start + 1 && colon !== start + 2) || text.charCodeAt(colon) !== 58) return null;
  let hour = 0;
  for (let index = start; index < colon; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return null;
    hour = hour * 10 + digit;
  }
  const tens = text.charCodeAt(colon + 1) - 48;
  const ones = text.charCodeAt(colon + 2) - 48;
  if (tens < 0 || tens > 5 || ones < 0 || ones > 9 || hour > 23) return null;
  return clockTime(hour, tens * 10 + ones);
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
  return clockTime(hour, minute);
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
 * `order`), once per message: from the date's half, made once per date and order, and the time's, made
 * once per minute of the day. Padding five numbers per message showed in profiles.
 */
const datePrefixes: Record<DateOrder, WeakMap<WrittenDate, string | null>> = {
  'day-first': new WeakMap(),
  'month-first': new WeakMap(),
};
const TIME_SUFFIXES: Array<string | undefined> = [];

export function timestampOf(metadata: MessageMetadata, order: DateOrder): string | null {
  if (metadata.timestampOrder === order) return metadata.timestamp!;
  metadata.timestamp = makeTimestamp(metadata, order);
  metadata.timestampOrder = order;
  return metadata.timestamp;
}

function makeTimestamp(metadata: MessageMetadata, order: DateOrder): string | null {
  const { date, time } = metadata;
  if (!date || !time) return null;
  const made = datePrefixes[order];
  let prefix = made.get(date);
  if (prefix === undefined) made.set(date, (prefix = datePrefix(date, order)));
  if (prefix === null) return null;
  const minuteOfDay = time.hour * 60 + time.minute;
  const suffix = minuteOfDay < MINUTES_PER_DAY
    ? (TIME_SUFFIXES[minuteOfDay] ??= timeSuffix(time))
    : timeSuffix(time);
  return prefix + suffix;
}

/** `2026-03-22T`, or null when the date does not exist under `order`. */
function datePrefix(date: WrittenDate, order: DateOrder): string | null {
  const { day, month } = dayAndMonth(date, order);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(date.year, month)) return null;
  return `${pad(date.year, 4)}-${pad(month, 2)}-${pad(day, 2)}T`;
}

function timeSuffix(time: ClockTime): string {
  return `${pad(time.hour, 2)}:${pad(time.minute, 2)}:00`;
}

/** `2026-03-22T13:52:00`, or null when the date does not exist under `order`. */
export function toLocalIso(date: WrittenDate, time: ClockTime, order: DateOrder): string | null {
  const prefix = datePrefix(date, order);
  return prefix === null ? null : prefix + timeSuffix(time);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
