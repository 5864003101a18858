/**
 * What a person needs to know about a host before trusting it: the letters it really holds (decoded from
 * Punycode) and whether those letters could pass for others. `раураl.com` (Cyrillic) reads as paypal.com;
 * Chrome shows such hosts encoded for the same reason.
 */
import { hostToUnicode } from './punycode';

export interface HostDescription {
  /** As the browser resolves it: lower case, internationalised labels as `xn--`. */
  ascii: string;
  /** The same host with `xn--` labels decoded. Equal to `ascii` for plain ASCII hosts. */
  unicode: string;
  /** True when a label mixes alphabets, or is made only of letters that imitate Latin ones. */
  lookalike: boolean;
}

const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];

/** Alphabets whose letters are commonly passed off as Latin ones. */
const IMITATING_SCRIPTS = new Set(['Cyrillic', 'Greek', 'Armenian', 'Cherokee']);

/** Cyrillic and Greek letters that look like Latin letters in most fonts. */
const LATIN_LOOKING = new Set([...'аеорсухіјѕԁһԛԝӏьаАВЕКМНОРСТХІЈЅαοιυνκρτχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ']);

function scriptOf(character: string): string | null {
  if (!/\p{L}/u.test(character)) return null;
  for (const [name, pattern] of SCRIPTS) {
    if (pattern.test(character)) return name;
  }
  return 'Other';
}

export function isLookalikeLabel(label: string): boolean {
  const letters = [...label].filter((character) => /\p{L}/u.test(character));
  const scripts = new Set(letters.map(scriptOf));
  if (scripts.has('Latin') && [...scripts].some((script) => script !== null && IMITATING_SCRIPTS.has(script))) return true;
  // A whole label in Cyrillic or Greek made only of Latin-looking letters: "раура1" reads as "paypa1".
  const onlyImitating = scripts.size === 1 && IMITATING_SCRIPTS.has([...scripts][0] ?? '');
  return onlyImitating && letters.length > 0 && letters.every((letter) => LATIN_LOOKING.has(letter));
}

export function describeHost(asciiHost: string): HostDescription {
  const ascii = asciiHost.toLowerCase();
  const unicode = hostToUnicode(ascii);
  const lookalike = unicode.split('.').some(isLookalikeLabel);
  return { ascii, unicode, lookalike };
}
