/**
 * The English a log or a test sees is the English the interface shows: both come from
 * locales/en/errors.json, filled by the browser's rules.
 */
import { describe, expect, it } from 'vitest';
import { readLocaleCatalogue } from '../ui/i18n/catalogue-files';
import { createCatalogueSource } from '../ui/i18n/catalogue-source';
import errorsCatalogue from '../ui/i18n/locales/en/errors.json';
import { WordingSchema } from './errors';
import { englishOf, wording, wordingOf, type WordingKey } from './wording';
import * as v from 'valibot';

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
const ENTRIES: Record<string, Entry> = errorsCatalogue;

/** The example values in `$1`…`$n` order, as a translator sees them. */
function exampleArgs(entry: Entry): string[] {
  const args: string[] = [];
  for (const placeholder of Object.values(entry.placeholders ?? {})) {
    const index = Number(/^\$(\d)$/.exec(placeholder.content)?.[1]) - 1;
    args[index] = placeholder.example ?? `value${index + 1}`;
  }
  return args;
}

describe('wording', () => {
  it('gives, for every errors key, exactly the English chrome.i18n would show from the merged catalogue', () => {
    const browser = createCatalogueSource(readLocaleCatalogue('en'));
    for (const [key, entry] of Object.entries(ENTRIES)) {
      const args = exampleArgs(entry);
      const worded = wording(key as WordingKey, ...args);
      expect(worded.text, key).toBe(browser(key, args));
      expect(worded.text, `${key} leaves a placeholder unfilled`).not.toMatch(/\$[A-Za-z0-9_]+\$/);
    }
  });

  it('numbers every placeholder $1…$n without gaps, so a call passes them in order', () => {
    for (const [key, entry] of Object.entries(ENTRIES)) {
      const contents = Object.values(entry.placeholders ?? {}).map((placeholder) => placeholder.content);
      expect(contents, key).toEqual(contents.map((_, index) => `$${index + 1}`));
    }
  });

  it('keeps dynamic parts as substitutions, a dollar sign in them included', () => {
    const worded = wording('error_midStreamSaying', 'api.example.com', 'You owe $5');
    expect(worded).toEqual({ key: 'error_midStreamSaying', args: ['api.example.com', 'You owe $5'], text: 'api.example.com reported an error while answering: You owe $5' });
    expect(wording('error_retryInSeconds', 17).args).toEqual(['17']);
  });

  it('sends only the id and substitutions across, and they pass the schema the interface checks', () => {
    const worded = wording('error_unreachable', 'http://localhost:11434');
    expect(wordingOf(worded)).toEqual({ key: 'error_unreachable', args: ['http://localhost:11434'] });
    expect(v.is(WordingSchema, wordingOf(worded))).toBe(true);
    expect(wordingOf('plain English')).toBeUndefined();
    expect(englishOf(worded)).toBe('Could not reach http://localhost:11434.');
    expect(englishOf('plain English')).toBe('plain English');
  });

  it('makes a key that is not in the English catalogue a type error', () => {
    // @ts-expect-error: not a key of locales/en/errors.json
    expect(wording('error_doesNotExist').text).toBe('');
  });
});
