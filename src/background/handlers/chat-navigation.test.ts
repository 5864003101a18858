import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/conversation';
import { REPLY_TARGET_COUNT, REPLY_TARGET_TEXT_LENGTH } from '../../shared/protocol';
import { createMessageRouter } from '../router';
import { createFakeWorld, EXTENSION, PAGE_SENDER } from '../test-support';
import { chatNavigationHandlers, replyTargetsOf } from './chat-navigation';

const message = (index: number, overrides: Partial<Message> = {}): Message => ({
  id: `id-${index}`,
  direction: 'in',
  sender: 'Ana',
  timestamp: null,
  text: `message ${index}`,
  ...overrides,
});

describe('replyTargetsOf', () => {
  it('offers the newest messages from others with text, oldest first, cut to a short line', () => {
    const messages = [
      ...Array.from({ length: 12 }, (_, index) => message(index)),
      message(12, { direction: 'out' }),
      message(13, { text: '   ' }),
      message(14, { deleted: true }),
      message(15, { text: `long\n${'x'.repeat(500)}` }),
    ];
    const targets = replyTargetsOf(messages);
    expect(targets).toHaveLength(REPLY_TARGET_COUNT);
    expect(targets.at(-1)!.id).toBe('id-15');
    expect(targets.at(-1)!.text.startsWith('long x')).toBe(true);
    expect(Array.from(targets.at(-1)!.text)).toHaveLength(REPLY_TARGET_TEXT_LENGTH);
    expect(targets.map((target) => target.id)).not.toContain('id-12');
  });
});

describe('chat navigation handlers', () => {
  function route() {
    const world = createFakeWorld();
    const handlers = chatNavigationHandlers(world.services);
    // Only these two handlers are wired here: the router needs a full table, so the rest are absent on purpose.
    return { world, route: createMessageRouter(handlers as never, EXTENSION) };
  }

  it('asks the tab’s content script to scroll to the message, on a messenger tab only', async () => {
    const { world, route: send } = route();
    await send({ type: 'ui->background:scroll-to-message', payload: { tabId: 7, messageId: 'abc' } }, PAGE_SENDER);
    expect(world.contentCalls).toEqual([{ tabId: 7, type: 'background->content:scroll-to-message', payload: { messageId: 'abc' } }]);
    world.tabUrl = 'https://example.com/';
    const refused = await send({ type: 'ui->background:scroll-to-message', payload: { tabId: 7, messageId: 'abc' } }, PAGE_SENDER);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'adapter' } });
    expect(world.contentCalls).toHaveLength(1);
  });

  it('refuses other senders and malformed ids before reaching the tab', async () => {
    const { world, route: send } = route();
    expect(await send({ type: 'ui->background:scroll-to-message', payload: { tabId: 7, messageId: 'abc' } }, { id: 'other', url: 'https://evil.example/' })).toBeUndefined();
    const long = await send({ type: 'ui->background:scroll-to-message', payload: { tabId: 7, messageId: 'x'.repeat(201) } }, PAGE_SENDER);
    expect(long).toMatchObject({ ok: false, error: { kind: 'config' } });
    const empty = await send({ type: 'ui->background:scroll-to-message', payload: { tabId: 7, messageId: '' } }, PAGE_SENDER);
    expect(empty).toMatchObject({ ok: false });
    expect(world.contentCalls).toHaveLength(0);
  });

  it('lists the reply targets of the chat the tab shows', async () => {
    const { world, route: send } = route();
    const reply = await send({ type: 'ui->background:list-reply-targets', payload: { tabId: 7 } }, PAGE_SENDER);
    expect(reply).toEqual({ ok: true, value: { messages: [{ id: '1', sender: 'Ana', text: 'Dinner tonight?', timestamp: '2026-03-22T13:52:00' }] } });
    expect(world.contentCalls[0]!.type).toBe('background->content:read-conversation');
  });
});
