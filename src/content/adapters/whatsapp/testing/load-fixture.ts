/** Test helpers: fixture pages as Documents, and their expected Conversations. Never imported by the extension. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureName } from '../selectors';

// Paths from strings: the DOM test environment replaces the global URL, which node:url then refuses.
const FIXTURE_DIRECTORY = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export function fixturePath(name: string): string {
  return resolve(FIXTURE_DIRECTORY, name);
}

export function fixtureHtml(name: FixtureName): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Parses with the test environment's DOMParser (happy-dom or jsdom). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function loadFixture(name: FixtureName): Document {
  return parseHtml(fixtureHtml(name));
}

export function expectedConversation(name: FixtureName): unknown {
  return JSON.parse(readFileSync(fixturePath(name.replace(/\.html$/, '.expected.json')), 'utf8'));
}
