/**
 * A structural check of contracts/conversation.schema.json, written out by hand (the project adds no JSON
 * Schema validator): required fields, types and enums. conversation-contract.test.ts checks these lists
 * against the schema file itself wherever that file is present, so the two cannot drift apart silently.
 */

export const CONTRACT = {
  conversationRequired: ['site', 'title', 'isGroup', 'messages', 'health'],
  messageRequired: ['id', 'direction', 'sender', 'timestamp', 'text'],
  directions: ['in', 'out', 'system'],
  healthStatuses: ['ok', 'degraded', 'unreadable'],
  mediaKinds: ['image', 'video', 'gif', 'audio', 'voice', 'document', 'sticker', 'location', 'contact', 'poll', 'other'],
} as const;

// ISO 8601 local date-time without a zone, e.g. 2026-08-22T09:14:00.
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** Every way `value` breaks the contract, as "path: problem" lines; empty when it conforms. */
export function contractViolations(value: unknown): string[] {
  const problems: string[] = [];
  const fail = (path: string, problem: string) => problems.push(`${path}: ${problem}`);
  if (!isObject(value)) return ['$: not an object'];
  for (const key of CONTRACT.conversationRequired) if (!(key in value)) fail(`$.${key}`, 'missing');
  if ('site' in value && typeof value.site !== 'string') fail('$.site', 'not a string');
  if ('title' in value && typeof value.title !== 'string') fail('$.title', 'not a string');
  if ('isGroup' in value && typeof value.isGroup !== 'boolean') fail('$.isGroup', 'not a boolean');
  if ('health' in value) checkHealth(value.health, fail);
  if ('messages' in value) {
    if (!Array.isArray(value.messages)) fail('$.messages', 'not an array');
    else value.messages.forEach((message, index) => checkMessage(message, `$.messages[${index}]`, fail));
  }
  return problems;
}

type Fail = (path: string, problem: string) => void;

function checkHealth(health: unknown, fail: Fail): void {
  if (!isObject(health)) return fail('$.health', 'not an object');
  if (!CONTRACT.healthStatuses.includes(health.status as never)) fail('$.health.status', `not one of ${CONTRACT.healthStatuses}`);
  if ('notes' in health && !(Array.isArray(health.notes) && health.notes.every((note) => typeof note === 'string'))) {
    fail('$.health.notes', 'not an array of strings');
  }
}

function checkMessage(message: unknown, path: string, fail: Fail): void {
  if (!isObject(message)) return fail(path, 'not an object');
  for (const key of CONTRACT.messageRequired) if (!(key in message)) fail(`${path}.${key}`, 'missing');
  if (typeof message.id !== 'string') fail(`${path}.id`, 'not a string');
  if (!CONTRACT.directions.includes(message.direction as never)) fail(`${path}.direction`, `not one of ${CONTRACT.directions}`);
  if (message.sender !== null && typeof message.sender !== 'string') fail(`${path}.sender`, 'not a string or null');
  if (message.timestamp !== null && !(typeof message.timestamp === 'string' && LOCAL_DATE_TIME.test(message.timestamp))) {
    fail(`${path}.timestamp`, 'not an ISO local date-time or null');
  }
  if (typeof message.text !== 'string') fail(`${path}.text`, 'not a string');
  if ('quote' in message) {
    const quote = message.quote;
    if (!isObject(quote) || typeof quote.text !== 'string') fail(`${path}.quote`, 'needs a string text');
    else if ('sender' in quote && quote.sender !== null && typeof quote.sender !== 'string') {
      fail(`${path}.quote.sender`, 'not a string or null');
    }
  }
  if ('media' in message) {
    const media = message.media;
    if (!isObject(media) || !CONTRACT.mediaKinds.includes(media.kind as never)) fail(`${path}.media.kind`, 'unknown kind');
    else {
      if ('fileName' in media && typeof media.fileName !== 'string') fail(`${path}.media.fileName`, 'not a string');
      if ('duration' in media && typeof media.duration !== 'string') fail(`${path}.media.duration`, 'not a string');
    }
  }
  for (const flag of ['deleted', 'edited', 'forwarded']) {
    if (flag in message && typeof message[flag] !== 'boolean') fail(`${path}.${flag}`, 'not a boolean');
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
