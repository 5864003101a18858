/**
 * Which contract testids the built extension contains at all. When an oracle fails because a testid never
 * showed up, this tells "the feature has not landed in this build" apart from "the feature is there and
 * did not do its job": a testid that is nowhere in dist's scripts cannot have been rendered.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_CHROME } from '../../support/paths';

export const FEATURE_TESTIDS = [
  'action-reply', 'action-summarize', 'action-translate', 'action-ask', 'ask-input', 'output', 'suggestion',
  'suggestion-insert', 'draft-warning', 'send-preview', 'consent-dialog',
] as const;

let cached: Set<string> | null = null;

export function testidsInBuild(dist = DIST_CHROME): Set<string> {
  if (cached) return cached;
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(m?js|html)$/.test(name)) sources.push(readFileSync(path, 'utf8'));
    }
  };
  try {
    walk(dist);
  } catch {
    return new Set();
  }
  const all = sources.join('\n');
  cached = new Set(FEATURE_TESTIDS.filter((id) => new RegExp(`["'\`]${id}["'\`]`).test(all)));
  return cached;
}
