/**
 * WhatsApp's message list is virtualized: each read sees a window of rows, and windows overlap as history
 * loads. Reads are merged by message id, keeping page order: rows new to the merge go where the newer read
 * puts them relative to rows already known.
 */
import type { Message } from '../../../shared/conversation';

/**
 * `known` and `fresh` are each in page order (oldest first). Unknown rows that come before every known row
 * in `fresh` are older history and go first; other unknown rows go right after the known row above them.
 * A message read twice keeps the longer text (a row read while still rendering can be cut) and the sender
 * one of the reads could tell (a window's first row may have lost the author block above it).
 */
export function mergeById(known: readonly Message[], fresh: readonly Message[]): Message[] {
  if (known.length === 0) return [...fresh];
  const knownById = new Map<string, Message>();
  for (const message of known) knownById.set(message.id, message);

  const leading: Message[] = [];
  const after = new Map<string, Message[]>();
  const reread = new Map<string, Message>();
  let lastKnown: string | null = null;
  for (const message of fresh) {
    if (knownById.has(message.id)) {
      reread.set(message.id, message);
      lastKnown = message.id;
    } else if (lastKnown === null) {
      leading.push(message);
    } else {
      let run = after.get(lastKnown);
      if (!run) after.set(lastKnown, (run = []));
      run.push(message);
    }
  }

  const merged: Message[] = leading;
  for (const message of known) {
    const again = reread.get(message.id);
    merged.push(again ? better(message, again) : message);
    const run = after.get(message.id);
    if (run) merged.push(...run);
  }
  return merged;
}

function better(earlier: Message, later: Message): Message {
  const text = later.text.length >= earlier.text.length ? later.text : earlier.text;
  const sender = later.sender ?? earlier.sender;
  if (text === later.text && sender === later.sender) return later;
  return { ...later, text, sender };
}
