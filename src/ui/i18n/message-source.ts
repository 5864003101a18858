/**
 * Every string the interface shows comes from the browser's i18n catalogue (src/ui/i18n/locales/<locale>/<area>.json, merged at build),
 * so the pages speak the browser's language: English, Portuguese (Brazil), Spanish or German.
 *
 * Pages install the browser's `i18n.getMessage` in their entry file; unit tests install the English catalogue.
 * The source is module state on purpose: every component needs it, and threading it through props would
 * touch every component for no gain in testability.
 */
import type { MessageKey } from './message-keys';

export type { MessageKey };

/** The signature of `browser.i18n.getMessage`: '' for an unknown key. */
export type GetMessage = (key: string, substitutions?: string | string[]) => string;

let getMessage: GetMessage | null = null;

export function installMessageSource(source: GetMessage): void {
  getMessage = source;
}

/**
 * The message for `key` in the user's language, with `$1`…`$9` filled from `substitutions`.
 * A key missing from the catalogue shows as the key itself, so a gap is visible instead of blank.
 */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text = getMessage?.(key, substitutions.map(String)) ?? '';
  return text === '' ? key : text;
}
