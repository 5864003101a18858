/**
 * The four catalogues stay in step with the English one, and with the code: a key the code asks for
 * exists, a key nobody asks for is removed, and every locale fills the same placeholders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, areaFiles, readLocaleCatalogue } from './catalogue-files';
import { createCatalogueSource } from './catalogue-source';

const ROOT = resolve(__dirname, '../../..');
const REQUIRED_LOCALES = ['en', 'pt_BR', 'es', 'de'];
const catalogue = readLocaleCatalogue;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function placeholderNames(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();
}

const english = catalogue('en');

describe('locale catalogues', () => {
  it('ships English, Portuguese (Brazil), Spanish and German', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...REQUIRED_LOCALES].sort());
  });

  it('splits every locale into the same area files', () => {
    for (const locale of REQUIRED_LOCALES) expect(areaFiles(locale), locale).toEqual(areaFiles('en'));
  });

  it('types every English area file as message keys', () => {
    const typed = readFileSync(join(__dirname, 'message-keys.ts'), 'utf8');
    for (const file of areaFiles('en')) expect(typed, `message-keys.ts imports ${file}`).toContain(`./locales/en/${file}'`);
  });

  it('describes every English message for translators', () => {
    const undescribed = Object.entries(english).filter(([, entry]) => !entry.description?.trim()).map(([key]) => key);
    expect(undescribed).toEqual([]);
  });

  for (const locale of REQUIRED_LOCALES.filter((name) => name !== 'en')) {
    it(`${locale} has exactly the English keys, non-empty, with the same placeholders`, () => {
      const translated = catalogue(locale);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [key, entry] of Object.entries(english)) {
        const other = translated[key]!;
        expect(other.message.trim(), `${locale}:${key} is empty`).not.toBe('');
        expect(placeholderNames(other.message), `${locale}:${key} placeholders`).toEqual(placeholderNames(entry.message));
      }
    });
  }

  it('defines every placeholder a message uses', () => {
    for (const locale of REQUIRED_LOCALES) {
      for (const [key, entry] of Object.entries(catalogue(locale))) {
        for (const name of placeholderNames(entry.message)) {
          const defined = Object.keys(entry.placeholders ?? english[key]?.placeholders ?? {}).map((n) => n.toLowerCase());
          expect(defined, `${locale}:${key} uses $${name}$`).toContain(name);
        }
      }
    }
  });

  it('has every key the code asks for, and no key nobody asks for', () => {
    const code = [...sourceFiles(join(ROOT, 'src')), join(ROOT, 'manifest.config.ts')]
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const asked = new Set([
      ...[...code.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((match) => match[1]!),
      ...[...code.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((match) => match[1]!),
      // Keys chosen at run time are listed where they are chosen, as `i18nKey('…')`.
      ...[...code.matchAll(/\bi18nKey\(\s*'([A-Za-z0-9_]+)'/g)].map((match) => match[1]!),
      // Errors and notices built in the background and providers name theirs as `wording('…')` (src/shared/wording.ts).
      ...[...code.matchAll(/\bwording\(\s*'([A-Za-z0-9_]+)'/g)].map((match) => match[1]!),
      // The content script names ids without bundling the catalogue (src/content/dispatch.ts).
      ...[...code.matchAll(/\bwordingId\(\s*'([A-Za-z0-9_]+)'/g)].map((match) => match[1]!),
      // Health-note templates (src/shared/health-notes.ts).
      ...[...code.matchAll(/\bhealthNoteKey\(\s*'([A-Za-z0-9_]+)'/g)].map((match) => match[1]!),
    ]);
    expect([...asked].filter((key) => !(key in english)).sort(), 'missing from en/messages.json').toEqual([]);
    expect(Object.keys(english).filter((key) => !asked.has(key)).sort(), 'unused keys').toEqual([]);
  });
});

describe('catalogue substitution', () => {
  const get = createCatalogueSource({
    greeting: { message: 'Hi $name$, you have $count$ new', placeholders: { name: { content: '$1' }, count: { content: '$2' } } },
    price: { message: 'Costs $$5' },
  });

  it('fills named placeholders from positional substitutions, case-insensitively', () => {
    expect(get('Greeting', ['Ana', '3'])).toBe('Hi Ana, you have 3 new');
  });

  it('keeps a literal dollar and answers an empty string for an unknown key', () => {
    expect(get('price')).toBe('Costs $5');
    expect(get('nope')).toBe('');
  });
});
