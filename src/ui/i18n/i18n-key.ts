import type { MessageKey } from './message-source';

/**
 * Marks a message key picked at run time (from a table) so the catalogue check sees it is used.
 * An identity function: the mark is for the check in catalogues.test.ts.
 */
export function i18nKey<K extends MessageKey>(key: K): K {
  return key;
}
