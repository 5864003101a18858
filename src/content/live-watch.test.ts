import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../shared/protocol';
import { whatsAppAdapter } from './adapters/whatsapp/adapter';
import { defaultMessageId, renderWhatsAppChat, type RenderedMessage } from './adapters/whatsapp/fixtures/render-chat';
import { LiveWatch } from './live-watch';

const DELAY = 20;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function messages(count: number, offset = 0): RenderedMessage[] {
  return Array.from({ length: count }, (_, index) => ({ id: defaultMessageId(offset + index), direction: 'in', text: `Hello ${offset + index}` }));
}

function showChat(title: string, count: number) {
  document.body.innerHTML = renderWhatsAppChat({ title, isGroup: false, messages: messages(count) });
}

/** Another chat opened: WhatsApp renders a new #main in place of the old one. */
function switchChat(title: string, count: number) {
  const holder = document.createElement('div');
  holder.innerHTML = renderWhatsAppChat({ title, isGroup: false, messages: messages(count, 500) });
  document.getElementById('main')!.replaceWith(holder.querySelector('#main')!);
}

/** New messages arriving: rows appended to the list, one by one, as WhatsApp renders them. */
function arrive(count: number, offset: number) {
  const pane = document.querySelector('[data-testid="conversation-panel-messages"]')!;
  const holder = document.createElement('div');
  holder.innerHTML = renderWhatsAppChat({ title: 'x', isGroup: false, messages: messages(count, offset) });
  const rows = [...holder.querySelectorAll('[data-testid="conversation-panel-messages"] > [role="row"]')].filter((row) => row.querySelector('[data-id]'));
  for (const row of rows) pane.append(row);
}

let sent: ConversationSummary[] = [];
let watching = true;
let watch: LiveWatch;

beforeEach(() => {
  sent = [];
  watching = true;
  showChat('Ana', 10);
  watch = new LiveWatch(document, whatsAppAdapter, {
    delayMs: DELAY,
    send: async (summary) => {
      sent.push(summary);
      return watching;
    },
  });
});

afterEach(() => watch.stop());

describe('LiveWatch', () => {
  it('does nothing until started', async () => {
    arrive(5, 100);
    await wait(DELAY * 3);
    expect(sent).toEqual([]);
    expect(watch.active).toBe(false);
  });

  it('reports the chat at once when started: name, health, count and last id, no message text', async () => {
    watch.start();
    await wait(DELAY);
    expect(sent).toEqual([
      { site: 'whatsapp', title: 'Ana', isGroup: false, chatKey: 'whatsapp:Ana', health: { status: 'ok' }, messageCount: 10, lastMessageId: defaultMessageId(9) },
    ]);
    expect(JSON.stringify(sent)).not.toContain('Hello');
  });

  it('turns a burst of 200 arriving messages into one summary', async () => {
    watch.start();
    await wait(DELAY * 2);
    sent = [];
    for (let batch = 0; batch < 10; batch++) {
      arrive(20, 100 + batch * 20);
      await Promise.resolve();
    }
    await wait(DELAY * 3);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ title: 'Ana', messageCount: 210, lastMessageId: defaultMessageId(299) });
  });

  it('follows a switch to another chat, with its health read again', async () => {
    watch.start();
    await wait(DELAY * 2);
    sent = [];
    switchChat('Ben', 4);
    await wait(DELAY * 3);
    expect(sent).toEqual([
      { site: 'whatsapp', title: 'Ben', isGroup: false, chatKey: 'whatsapp:Ben', health: { status: 'ok' }, messageCount: 4, lastMessageId: defaultMessageId(503) },
    ]);
    // And keeps watching the new chat.
    arrive(1, 900);
    await wait(DELAY * 3);
    expect(sent.at(-1)).toMatchObject({ title: 'Ben', messageCount: 5, lastMessageId: defaultMessageId(900) });
  });

  it('ignores typing in the message box', async () => {
    watch.start();
    await wait(DELAY * 2);
    sent = [];
    const composer = document.querySelector('#main footer [contenteditable]')!;
    composer.textContent = 'typing a draft';
    await wait(DELAY * 3);
    expect(sent).toEqual([]);
  });

  it('sends nothing after stop, and stops by itself when nobody watches any more', async () => {
    watch.start();
    await wait(DELAY * 2);
    watch.stop();
    sent = [];
    arrive(3, 100);
    await wait(DELAY * 3);
    expect(sent).toEqual([]);

    watch.start();
    await wait(DELAY * 2);
    watching = false;
    arrive(1, 200);
    await wait(DELAY * 3);
    expect(watch.active).toBe(false);
    sent = [];
    arrive(1, 300);
    await wait(DELAY * 3);
    expect(sent).toEqual([]);
  });
});

describe('LiveWatch while a scoped read scrolls the list', () => {
  it('holds its summary until the read is over', async () => {
    let reading = true;
    const held = new LiveWatch(document, whatsAppAdapter, {
      delayMs: DELAY,
      paused: () => reading,
      send: async (summary) => {
        sent.push(summary);
        return true;
      },
    });
    held.start();
    arrive(3, 100);
    await wait(DELAY * 4);
    expect(sent).toEqual([]);
    reading = false;
    await wait(DELAY * 3);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ messageCount: 13 });
    held.stop();
  });
});
