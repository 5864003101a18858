/**
 * The catalogues live as one file per area and locale (src/ui/i18n/locales/<locale>/<area>.json), so a
 * feature's strings sit in one place and deleting an area is deleting its files. The browser wants one
 * messages.json per locale: the build merges them (vite.config.ts), and tests read the same merge.
 * Node-only: used by the build and by tests, never shipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from './catalogue-source';

export const LOCALES_DIR = join(import.meta.dirname, 'locales');
/** The browser's locale folder names; `en` is the reference and the default_locale. */
export const LOCALES = ['en', 'pt_BR', 'es', 'de'] as const;

export function areaFiles(locale: string): string[] {
  return readdirSync(join(LOCALES_DIR, locale))
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** One locale's whole catalogue; a key defined by two areas is an error, not a silent override. */
export function readLocaleCatalogue(locale: string): Catalogue {
  const merged: Catalogue = {};
  const definedIn = new Map<string, string>();
  for (const file of areaFiles(locale)) {
    const area = JSON.parse(readFileSync(join(LOCALES_DIR, locale, file), 'utf8')) as Catalogue;
    for (const [key, entry] of Object.entries(area)) {
      const earlier = definedIn.get(key.toLowerCase());
      if (earlier) throw new Error(`i18n: "${key}" is defined in both ${locale}/${earlier} and ${locale}/${file}`);
      definedIn.set(key.toLowerCase(), file);
      merged[key] = entry;
    }
  }
  return merged;
}
