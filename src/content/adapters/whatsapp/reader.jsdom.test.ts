// @vitest-environment jsdom
// `npm run extract` parses saved pages with jsdom; the content script runs on Chromium's DOM; the other unit
// tests use happy-dom. The fixtures must read the same in all of them.
import { describe, expect, it } from 'vitest';
import { readConversation } from './reader';
import { FIXTURES, type FixtureName } from './selectors';
import { expectedConversation, loadFixture } from './testing/load-fixture';

describe('readConversation under jsdom', () => {
  it.each(Object.values(FIXTURES) as FixtureName[])('%s reads as its expected JSON', (name) => {
    expect(JSON.parse(JSON.stringify(readConversation(loadFixture(name))))).toEqual(expectedConversation(name));
  });
});
