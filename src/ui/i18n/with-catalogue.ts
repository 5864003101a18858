/**
 * For unit tests: runs `body` with the interface reading `locale`'s catalogue (the same files the build
 * merges into _locales/<locale>/messages.json), then puts the English catalogue back, even when `body`
 * throws, so one test's language never leaks into the next. Node-only (reads the files): never shipped.
 */
import { readLocaleCatalogue, type LOCALES } from './catalogue-files';
import { createCatalogueSource } from './catalogue-source';
import { installMessageSource } from './message-source';

export async function withCatalogue<T>(locale: (typeof LOCALES)[number], body: () => T | Promise<T>): Promise<T> {
  installMessageSource(createCatalogueSource(readLocaleCatalogue(locale)));
  try {
    return await body();
  } finally {
    installMessageSource(createCatalogueSource(readLocaleCatalogue('en')));
  }
}
