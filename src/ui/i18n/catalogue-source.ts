/**
 * A `getMessage` over a parsed messages.json, with the browser's substitution rules: a message names
 * placeholders as `$name$`; each placeholder's `content` may hold `$1`…`$9` (the substitutions); `$$` is a
 * literal dollar. Used by unit tests and by the locale checks, so both read the catalogue as the browser does.
 */
import type { GetMessage } from './message-source';

export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;

export function createCatalogueSource(catalogue: Catalogue): GetMessage {
  const byLowerKey = new Map(Object.entries(catalogue).map(([key, entry]) => [key.toLowerCase(), entry]));
  return (key, substitutions) => {
    const entry = byLowerKey.get(key.toLowerCase());
    if (!entry) return '';
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const fill = (text: string) => text.replace(/\$(\d)/g, (_, digit: string) => values[Number(digit) - 1] ?? '');
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([name, placeholder]) => [name.toLowerCase(), fill(placeholder.content)]),
    );
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (match, name: string | undefined) =>
      name === undefined ? '$' : (placeholders.get(name.toLowerCase()) ?? match),
    );
  };
}
