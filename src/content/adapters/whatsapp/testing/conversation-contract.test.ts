import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTRACT, contractViolations } from './conversation-contract';

// Paths from strings: the DOM test environment replaces the global URL, which node:url then refuses.
const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
// In the repository once the lead copies it in; beside the repository in the shared workspace until then.
const SCHEMA_PATH = [
  resolve(REPOSITORY_ROOT, 'contracts/conversation.schema.json'),
  resolve(REPOSITORY_ROOT, '../shared/contracts/conversation.schema.json'),
].find((path) => existsSync(path));

interface SchemaNode {
  required?: string[];
  enum?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

describe('the hand-written contract check', () => {
  it.skipIf(!SCHEMA_PATH)('lists the same required fields and enums as conversation.schema.json', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH!, 'utf8')) as SchemaNode;
    const message = schema.properties!.messages!.items!;
    expect(schema.required).toEqual(CONTRACT.conversationRequired);
    expect(message.required).toEqual(CONTRACT.messageRequired);
    expect(message.properties!.direction!.enum).toEqual(CONTRACT.directions);
    expect(schema.properties!.health!.properties!.status!.enum).toEqual(CONTRACT.healthStatuses);
    expect(message.properties!.media!.properties!.kind!.enum).toEqual(CONTRACT.mediaKinds);
  });

  const valid = {
    site: 'whatsapp',
    title: 'Chat',
    isGroup: false,
    messages: [{ id: '1', direction: 'in', sender: null, timestamp: '2026-08-22T09:14:00', text: 'hi' }],
    health: { status: 'ok' },
  };

  it('accepts a conforming conversation', () => {
    expect(contractViolations(valid)).toEqual([]);
  });

  it.each([
    ['a missing field', { ...valid, title: undefined }, '$.title'],
    ['an unknown direction', { ...valid, messages: [{ ...valid.messages[0], direction: 'sideways' }] }, 'direction'],
    ['a zoned timestamp', { ...valid, messages: [{ ...valid.messages[0], timestamp: '2026-08-22T09:14:00Z' }] }, 'timestamp'],
    ['an unknown health status', { ...valid, health: { status: 'fine' } }, '$.health.status'],
    ['a quote without text', { ...valid, messages: [{ ...valid.messages[0], quote: { sender: 'A' } }] }, 'quote'],
  ])('rejects %s', (_name, value, path) => {
    const cleaned = JSON.parse(JSON.stringify(value)) as unknown;
    expect(contractViolations(cleaned).join('\n')).toContain(path);
  });
});
