/**
 * For unit tests: runs `body` with the interface reading `locale`'s catalogue (the same files the build
 * merges into _locales/<locale>/messages.json), then puts the English catalogue back, even when `body`
 * throws, so one test's language never leaks into the next. Node-only (reads the files): never shipped.
 */
import { readLocaleCatalogue, type LOCALES } from './catalogue-files';
import { createCatalogueSource } from './catalogue-source';
import { installMessageSource } from './message-source';

type Locale = (typeof LOCALES)[number];

/** The interface reads `locale`'s catalogue from now on (a test's beforeEach; put 'en' back after). */
export function installCatalogue(locale: Locale): void {
  installMessageSource(createCatalogueSource(readLocaleCatalogue(locale)));
}

export async function withCatalogue<T>(locale: Locale, body: () => T | Promise<T>): Promise<T> {
  installCatalogue(locale);
  try {
    return await body();
  } finally {
    installCatalogue('en');
  }
}
