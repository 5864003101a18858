import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURES, whatsAppSelectors, type SelectorEntry } from './selectors';
import { fixturePath, loadFixture } from './testing/load-fixture';

const entries = Object.entries(whatsAppSelectors) as Array<[string, SelectorEntry]>;
const tiers = entries.flatMap(([name, entry]) =>
  entry.tiers.map((tier, index) => ({ label: `${name} tier ${index + 1} (${tier.selector})`, tier })),
);

describe('selectors.ts conventions', () => {
  it.each(tiers)('$label names a fixture and matches something in each one it names', ({ tier }) => {
    expect(tier.fixtures.length).toBeGreaterThan(0);
    for (const fixture of tier.fixtures) {
      expect(loadFixture(fixture).querySelector(tier.selector), `${tier.selector} in ${fixture}`).not.toBeNull();
    }
  });

  it('names only fixtures that exist, and every fixture has its expected JSON', () => {
    const files = new Set(readdirSync(fixturePath('.')));
    for (const fixture of Object.values(FIXTURES)) {
      expect(files.has(fixture), fixture).toBe(true);
      expect(files.has(fixture.replace(/\.html$/, '.expected.json')), `${fixture} expected JSON`).toBe(true);
    }
  });

  it('gives every selector at least one tier and a purpose', () => {
    for (const [name, entry] of entries) {
      expect(entry.tiers.length, name).toBeGreaterThan(0);
      expect(entry.purpose, name).not.toBe('');
    }
  });

  it('lists no selector twice', () => {
    const seen = new Map<string, string>();
    for (const [name, entry] of entries) {
      for (const tier of entry.tiers) {
        const key = `${tier.selector}`;
        // The same string may serve two purposes only when the entries say why (author spans in and out of quotes).
        if (seen.has(key) && !(name === 'quoteAuthor' && seen.get(key) === 'author')) {
          throw new Error(`${key} is in both ${seen.get(key)} and ${name}`);
        }
        seen.set(key, name);
      }
    }
  });

  it('keeps the unknown redesign from matching any message hook', () => {
    const redesign = loadFixture(FIXTURES.redesignUnknown);
    for (const name of ['messageContainer', 'incomingBubble', 'outgoingBubble', 'messageMetadata', 'messageText', 'composer'] as const) {
      for (const tier of whatsAppSelectors[name].tiers) expect(redesign.querySelector(tier.selector), tier.selector).toBeNull();
    }
  });
});
