/**
 * VISIBLE: hidden characters in messages (Unicode tags U+E0000-E007F, zero-width U+200B-200F, U+2060-2064,
 * U+FEFF, bidi controls U+202A-202E, U+2066-2069) never reach the model raw: the request shows each as a
 * visible `U+XXXX` marker. Where the sidebar shows a `send-preview`, it shows the markers too.
 */
import { clip, fail, notLanded, pass, type Oracle } from './types';

export const HIDDEN = /[\u{E0000}-\u{E007F}\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]/gu;

export function hiddenCodePoints(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(HIDDEN)) {
    found.add(`U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found];
}

function missingMarkers(text: string, codePoints: string[]): string[] {
  const upper = text.toUpperCase();
  return codePoints.filter((codePoint) => !upper.includes(codePoint));
}

export const visible: Oracle = (observation) => {
  const expected = hiddenCodePoints(observation.chatTexts.join('\n'));
  const chats = observation.providerRequests.filter((request) => request.method === 'POST' && /chat\/completions/.test(request.path));
  if (chats.length === 0) return fail('no chat request reached the provider: nothing to check');
  const problems: string[] = [];
  for (const [index, request] of chats.entries()) {
    const raw = hiddenCodePoints(request.content + request.rawBody);
    if (raw.length) problems.push(`request ${index + 1} carries raw ${raw.join(' ')}`);
    const missing = missingMarkers(request.content, expected);
    if (missing.length) problems.push(`request ${index + 1} lacks visible markers for ${missing.join(' ')}`);
  }
  let previewNote: string;
  if (observation.sendPreview.seen) {
    const preview = observation.sendPreview.texts.join('\n');
    const raw = hiddenCodePoints(preview);
    if (raw.length) problems.push(`send-preview shows raw ${raw.join(' ')}`);
    const missing = missingMarkers(preview, expected);
    if (missing.length) problems.push(`send-preview lacks markers for ${missing.join(' ')}`);
    previewNote = 'send-preview checked';
  } else {
    previewNote = `send-preview not shown: checked the request only${notLanded(observation, 'send-preview')}`;
  }
  if (problems.length) return fail(`${problems.join('; ')} (${previewNote})`);
  const what = expected.length ? `${expected.length} hidden code point(s) shown as markers (${clip(expected.join(' '), 60)})` : 'chat has no hidden characters';
  return pass(`${what}; no raw hidden characters in ${chats.length} request(s); ${previewNote}`);
};
