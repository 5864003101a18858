/**
 * Pseudonymisation before a remote request: names, phone numbers, e-mail addresses, card numbers and IBANs
 * become placeholders such as [PERSON_1] or [PHONE_2]. One pseudonymiser serves one request, so the same
 * value gets the same placeholder everywhere in that prompt, and the model can still tell people apart.
 * The mapping never leaves the background: the model's answer is restored locally before anyone reads it.
 *
 * A text that already holds something shaped like a placeholder is pseudonymised too (as [TEXT_n]), so
 * restoring can never turn a participant's literal "[PERSON_1]" into a real name, and restore(apply(x))
 * gives back exactly x.
 */
import { DETECTORS, nonOverlapping, type Span } from './detectors';

export type PlaceholderKind = 'PERSON' | 'GROUP' | 'PHONE' | 'EMAIL' | 'CARD' | 'IBAN' | 'TEXT';

export interface NameToHide {
  name: string;
  /** A group's title is not a person: it gets [GROUP_n]. */
  kind?: 'PERSON' | 'GROUP';
}

export interface Pseudonymiser {
  /** The text with every detected value replaced; the same value always gets the same placeholder. */
  apply(text: string): string;
  /** Placeholders this pseudonymiser handed out, back to their originals; any other text stays as it is. */
  restore(text: string): string;
  /** How many distinct values were replaced so far. */
  readonly size: number;
  /** Placeholder to original, for tests and diagnostics; never sent anywhere. */
  readonly mapping: ReadonlyMap<string, string>;
}

/** Anything shaped like one of our placeholders, whether we made it or a participant typed it. */
const PLACEHOLDER = /\[(?:PERSON|GROUP|PHONE|EMAIL|CARD|IBAN|TEXT)_\d+\]/g;
/** The longest placeholder a stream may have to hold back while it is cut in two (e.g. "[PERSON_123456]"). */
export const MAX_PLACEHOLDER_LENGTH = 24;

/** Names shorter than this are too likely to be ordinary words ("Jo" in "Jo, ..." aside). */
const MIN_NAME_LENGTH = 2;
/** The given name alone, as people write it in messages ("Ana" for "Ana Souza"), from this length on. */
const MIN_GIVEN_NAME_LENGTH = 3;

interface Segment {
  text: string;
  /** Already a placeholder: no later detector looks inside it. */
  done: boolean;
}

export function createPseudonymiser(names: readonly NameToHide[] = []): Pseudonymiser {
  const byOriginal = new Map<string, string>();
  const byPlaceholder = new Map<string, string>();
  const counters = new Map<PlaceholderKind, number>();
  const nameKinds = collectNames(names);
  const namePattern = nameKinds.size > 0 ? namesRegex([...nameKinds.keys()]) : null;

  function placeholderFor(kind: PlaceholderKind, original: string): string {
    const key = `${kind}\u0000${original}`;
    const known = byOriginal.get(key);
    if (known) return known;
    const next = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, next);
    const placeholder = `[${kind}_${next}]`;
    byOriginal.set(key, placeholder);
    byPlaceholder.set(placeholder, original);
    return placeholder;
  }

  function replaceIn(segments: Segment[], kind: (found: string) => PlaceholderKind, find: (text: string) => Span[]): Segment[] {
    return segments.flatMap((segment) => {
      if (segment.done || segment.text.length === 0) return [segment];
      const pieces: Segment[] = [];
      let cursor = 0;
      for (const span of nonOverlapping(find(segment.text))) {
        if (span.start < cursor) continue;
        const original = segment.text.slice(span.start, span.end);
        pieces.push({ text: segment.text.slice(cursor, span.start), done: false });
        pieces.push({ text: placeholderFor(kind(original), original), done: true });
        cursor = span.end;
      }
      pieces.push({ text: segment.text.slice(cursor), done: false });
      return pieces;
    });
  }

  return {
    apply(text) {
      let segments: Segment[] = [{ text, done: false }];
      segments = replaceIn(segments, () => 'TEXT', (value) => spansOf(value, PLACEHOLDER));
      for (const detector of DETECTORS) segments = replaceIn(segments, () => detector.kind, detector.find);
      if (namePattern) segments = replaceIn(segments, (found) => nameKinds.get(found) ?? 'PERSON', (value) => spansOf(value, namePattern));
      return segments.map((segment) => segment.text).join('');
    },
    restore(text) {
      return text.replace(PLACEHOLDER, (placeholder) => byPlaceholder.get(placeholder) ?? placeholder);
    },
    get size() {
      return byPlaceholder.size;
    },
    mapping: byPlaceholder,
  };
}

/**
 * Restores a streamed answer piece by piece. A placeholder cut across two deltas ("[PER" + "SON_1]") is
 * held back until it is complete, so the reader never sees half a placeholder or a half-restored name.
 */
export function createStreamRestorer(pseudonymiser: Pick<Pseudonymiser, 'restore'>) {
  let pending = '';
  return {
    push(delta: string): string {
      pending += delta;
      const cut = safeCut(pending);
      const ready = pending.slice(0, cut);
      pending = pending.slice(cut);
      return pseudonymiser.restore(ready);
    },
    /** The held-back tail at the end of the stream (an unfinished "[…" is text like any other). */
    flush(): string {
      const rest = pending;
      pending = '';
      return pseudonymiser.restore(rest);
    },
  };
}

/** Where the text may be cut without splitting a possible placeholder: before a trailing "[PERSON_1"-like tail. */
function safeCut(text: string): number {
  const open = text.lastIndexOf('[');
  if (open === -1 || text.length - open > MAX_PLACEHOLDER_LENGTH) return text.length;
  return /^\[[A-Z]*(?:_\d*)?$/.test(text.slice(open)) ? open : text.length;
}

function collectNames(names: readonly NameToHide[]): Map<string, PlaceholderKind> {
  const kinds = new Map<string, PlaceholderKind>();
  for (const { name, kind = 'PERSON' } of names) {
    const full = name.trim();
    if (full.length < MIN_NAME_LENGTH || !/\p{L}/u.test(full)) continue;
    if (!kinds.has(full)) kinds.set(full, kind);
    if (kind !== 'PERSON') continue;
    const given = full.split(/\s+/)[0]!;
    if (given !== full && given.length >= MIN_GIVEN_NAME_LENGTH && /^\p{Lu}/u.test(given) && !kinds.has(given)) kinds.set(given, 'PERSON');
  }
  return kinds;
}

/** Whole-word matches of any name, longest first so "Ana Souza" wins over "Ana". */
function namesRegex(names: string[]): RegExp {
  const alternatives = names
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
}

function spansOf(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
}
