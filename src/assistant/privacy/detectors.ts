/**
 * Finds the personal data pseudonymisation replaces: phone numbers, e-mail addresses, card numbers and
 * IBANs. Card numbers and IBANs count only when their checksum holds (Luhn, ISO 13616 mod 97), so an order
 * number or a long amount is not mangled; phone numbers are matched by shape, with dates left alone.
 * Each detector returns spans over the text it is given; the caller decides which detector wins.
 */
export type DetectedKind = 'EMAIL' | 'IBAN' | 'CARD' | 'PHONE';

export interface Span {
  start: number;
  end: number;
}

/** An address as people write it; the domain needs a dot and a letter TLD, so "a@b" is left alone. */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export function findEmails(text: string): Span[] {
  return [...text.matchAll(EMAIL)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Two letters and two digits, not glued to a preceding letter or digit. */
const IBAN_START = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}/gu;
const IBAN_MIN = 15;
const IBAN_MAX = 34;

/**
 * IBANs, with or without the usual spaces every four characters. From each possible start the longest
 * run that passes the checksum wins, so a word in capitals after the IBAN is not swallowed.
 */
export function findIbans(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const match of text.matchAll(IBAN_START)) {
    if (match.index < from) continue;
    const ends: Array<{ end: number; compact: string }> = [];
    let compact = '';
    let position = match.index;
    while (position < text.length && compact.length < IBAN_MAX) {
      const character = text[position]!;
      if (/[A-Z0-9]/.test(character)) {
        compact += character;
        position += 1;
        if (compact.length >= IBAN_MIN && !/[\p{L}\p{N}]/u.test(text[position] ?? '')) ends.push({ end: position, compact });
      } else if (character === ' ' && /[A-Z0-9]/.test(text[position + 1] ?? '') && text[position - 1] !== ' ') {
        position += 1;
      } else {
        break;
      }
    }
    const valid = ends.reverse().find((candidate) => ibanChecksumHolds(candidate.compact));
    if (valid) {
      spans.push({ start: match.index, end: valid.end });
      from = valid.end;
    }
  }
  return spans;
}

/** ISO 13616: move the first four characters to the end, letters to numbers (A=10), remainder mod 97 is 1. */
export function ibanChecksumHolds(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = /\d/.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** 13 to 19 digits, optionally grouped by single spaces or dashes, not part of a longer number. */
const CARD = /(?<![\p{N}\p{L}+])\d(?:[ -]?\d){12,18}(?![\p{N}\p{L}])/gu;

export function findCards(text: string): Span[] {
  return [...text.matchAll(CARD)]
    .filter((match) => luhnHolds(match[0].replace(/\D/g, '')))
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

export function luhnHolds(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** +country or 00country, then groups of digits separated by a space, dot, dash or brackets. */
const INTERNATIONAL_PHONE = /(?<![\p{L}\p{N}+])(?:\+|00)\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,7}(?![\p{L}\p{N}])/gu;
/** Local formats: "(555) 123-4567", "0151 2345678", "912 345 678", "030-1234567". */
const LOCAL_PHONE = /(?<![\p{L}\p{N}.,:/+-])\(?\d{2,5}\)?(?:[ .-]\d{2,8}){1,4}(?![\p{L}\p{N}]|[.,:/-]\d)/gu;
/** A local number written without separators starts with its trunk prefix 0: "015123456789". */
const BARE_LOCAL_PHONE = /(?<![\p{L}\p{N}.,:/+-])0\d{8,12}(?![\p{L}\p{N}]|[.,:/-]\d)/gu;
/** 14.05.2026, 14/05/26, 2026-05-14: dates, not phone numbers. */
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})$/;

export function findPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of [INTERNATIONAL_PHONE, LOCAL_PHONE, BARE_LOCAL_PHONE]) {
    for (const match of text.matchAll(pattern)) {
      const digits = match[0].replace(/\D/g, '').length;
      const international = pattern === INTERNATIONAL_PHONE;
      if (digits < (international ? 8 : 7) || digits > 15) continue;
      if (!international && DATE.test(match[0])) continue;
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  // "+1 (555) 123-4567" also holds the local "(555) 123-4567": one number, one span.
  return nonOverlapping(spans);
}

/** Earliest first; at the same start the longest; a span overlapping one already kept is dropped. */
export function nonOverlapping(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    if (span.end <= span.start) continue;
    const last = kept.at(-1);
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

export const DETECTORS: ReadonlyArray<{ kind: DetectedKind; find(text: string): Span[] }> = [
  // Order matters: an e-mail address may hold digits, an IBAN a card-like run, a card a phone-like one.
  { kind: 'EMAIL', find: findEmails },
  { kind: 'IBAN', find: findIbans },
  { kind: 'CARD', find: findCards },
  { kind: 'PHONE', find: findPhones },
];
