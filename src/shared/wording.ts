/**
 * The words of an error or notice built outside the interface (background, providers), as a message id the
 * interface translates plus the English text for everything that has no catalogue: logs, tests, a page
 * that cannot read the catalogue.
 *
 * One source for both: the English text is read from the English catalogue file (locales/en/errors.json),
 * the same file the build merges into _locales/en/messages.json and the translators work from, so the
 * English a log shows and the English the interface shows cannot drift apart. Only that JSON is imported:
 * no code of the interface's i18n module, and no `browser.i18n`, reaches the background or a provider.
 *
 * Dynamic parts (host names, status codes, model names, seconds, a server's own words) are always
 * substitutions, never part of the key, so every language can place them where its grammar wants them.
 */
import errorsCatalogue from '../ui/i18n/locales/en/errors.json';

/** Every id of the errors catalogue; a key that is not in locales/en/errors.json is a type error. */
export type WordingKey = keyof typeof errorsCatalogue;

/** What crosses to the interface: the id and its substitutions, in the order `$1`…`$9`. */
export interface Wording {
  key: string;
  args: string[];
}

/** A wording with its English text, as background and provider code build it. */
export interface WordedText extends Wording {
  key: WordingKey;
  text: string;
}

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const ENGLISH: Record<string, CatalogueEntry> = errorsCatalogue;

/**
 * The message `key` with `args` filled in, and its English text. The English follows the browser's
 * substitution rules (`$name$` placeholders whose content names `$1`…`$9`, `$$` a literal dollar), as
 * chrome.i18n.getMessage would fill it from the same entry.
 */
export function wording(key: WordingKey, ...args: Array<string | number>): WordedText {
  const values = args.map(String);
  return { key, args: values, text: fillEnglish(ENGLISH[key], values) };
}

/** Either a wording or a plain (untranslated) string: the English text of both. */
export function englishOf(text: WordedText | string): string;
export function englishOf(text: WordedText | string | undefined): string | undefined;
export function englishOf(text: WordedText | string | undefined): string | undefined {
  return typeof text === 'object' ? text.text : text;
}

/** The part that crosses to the interface (no English copy: the error's own message/hint carry it). */
export function wordingOf(text: WordedText | string | undefined): Wording | undefined {
  return typeof text === 'object' ? { key: text.key, args: text.args } : undefined;
}

function fillEnglish(entry: CatalogueEntry | undefined, values: string[]): string {
  if (!entry) return '';
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, placeholder]) => [
      name.toLowerCase(),
      placeholder.content.replace(/\$(\d)/g, (_, digit: string) => values[Number(digit) - 1] ?? ''),
    ]),
  );
  return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name: string | undefined) =>
    name === undefined ? '$' : (placeholders.get(name.toLowerCase()) ?? match),
  );
}
