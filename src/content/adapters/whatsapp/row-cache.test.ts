import { describe, expect, it } from 'vitest';
import { renderWhatsAppPage, type RenderChatSpec } from './fixtures/render-chat';
import { readConversation } from './reader';
import { FIXTURES, type FixtureName } from './selectors';
import { expectedConversation, loadFixture, parseHtml } from './testing/load-fixture';

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const CHAT: RenderChatSpec = {
  title: 'Lake trip',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { id: '3EB0AAAA00000001', direction: 'in', sender: 'Ana', text: 'Saturday at the lake?', time: '09:00', date: '22/03/2026' },
    { id: '3EB0AAAA00000002', direction: 'out', text: 'Yes, early', time: '09:01' },
    { id: '3EB0AAAA00000003', direction: 'in', sender: 'Ben', text: 'I drive', time: '09:02' },
  ],
};

/** A chat read twice (its rows kept in the row cache from the second read on), changed, and read again. */
function readAgainAfter(change: (doc: Document) => void) {
  const doc = parseHtml(renderWhatsAppPage(CHAT));
  readConversation(doc);
  readConversation(doc);
  change(doc);
  return readConversation(doc);
}

const textOf = (doc: Document, id: string) => doc.querySelector(`[data-id="${id}"] span[data-testid="selectable-text"]`)!;

describe('reading the same page again (row cache)', () => {
  it.each(Object.values(FIXTURES) as FixtureName[])('%s reads as its expected JSON on every read', (name) => {
    const doc = loadFixture(name);
    for (let read = 1; read <= 4; read++) expect(json(readConversation(doc)), `read ${read}`).toEqual(expectedConversation(name));
  });

  it('shows a message edited in place', () => {
    const conversation = readAgainAfter((doc) => {
      textOf(doc, '3EB0AAAA00000001').firstChild!.textContent = 'Sunday at the lake?';
    });
    expect(conversation.messages[0]!.text).toBe('Sunday at the lake?');
  });

  it('shows an emoji an edit added, though the row text WhatsApp shows as textContent did not change', () => {
    const conversation = readAgainAfter((doc) => {
      const emoji = doc.createElement('img');
      emoji.setAttribute('alt', '🚗');
      emoji.className = 'emoji';
      textOf(doc, '3EB0AAAA00000003').append(emoji);
    });
    expect(conversation.messages[2]!.text).toBe('I drive🚗');
  });

  it('gives the new id when WhatsApp reuses a row for another message', () => {
    const conversation = readAgainAfter((doc) => {
      doc.querySelector('[data-id="3EB0AAAA00000002"]')!.setAttribute('data-id', '3EB0BBBB00000009');
    });
    expect(conversation.messages.map((message) => message.id)).toEqual(['3EB0AAAA00000001', '3EB0BBBB00000009', '3EB0AAAA00000003']);
  });

  it('shows a message deleted after the first read as deleted', () => {
    const conversation = readAgainAfter((doc) => {
      const text = textOf(doc, '3EB0AAAA00000003');
      const icon = doc.createElement('span');
      icon.setAttribute('data-icon', 'recalled');
      icon.textContent = 'recalled';
      text.replaceWith(icon);
    });
    expect(conversation.messages[2]).toMatchObject({ id: '3EB0AAAA00000003', deleted: true, text: '' });
  });

  it('shows a picture that finished downloading after the first read', () => {
    const conversation = readAgainAfter((doc) => {
      const picture = doc.createElement('img');
      picture.setAttribute('src', 'blob:https://web.whatsapp.com/0f1e2d3c');
      doc.querySelector('[data-id="3EB0AAAA00000001"] [data-pre-plain-text]')!.before(picture);
    });
    expect(conversation.messages[0]).toMatchObject({ text: 'Saturday at the lake?', media: { kind: 'image' } });
  });

  it('reads rows that arrived since the last read, between and after the ones it knows', () => {
    const doc = parseHtml(renderWhatsAppPage(CHAT));
    readConversation(doc);
    readConversation(doc);
    const longer = parseHtml(
      renderWhatsAppPage({
        ...CHAT,
        messages: [...CHAT.messages, { id: '3EB0AAAA00000004', direction: 'in', sender: 'Chen', text: 'Count me in', time: '09:03' }],
      }),
    );
    const pane = (page: Document) => page.querySelector('[data-testid="conversation-panel-messages"]')!;
    const arrived = pane(longer).lastElementChild!;
    pane(doc).append(doc.importNode(arrived, true));
    const conversation = readConversation(doc);
    expect(conversation.messages.map((message) => [message.sender, message.text])).toEqual([
      ['Ana', 'Saturday at the lake?'],
      [null, 'Yes, early'],
      ['Ben', 'I drive'],
      ['Chen', 'Count me in'],
    ]);
    expect(conversation.health.status).toBe('ok');
  });

  it('shows an edit to a row that arrived after the chat was first read', () => {
    const doc = parseHtml(renderWhatsAppPage({ ...CHAT, messages: CHAT.messages.slice(0, 2) }));
    readConversation(doc);
    // The third message arrives in the chat already read, is read once, then edited.
    const full = parseHtml(renderWhatsAppPage(CHAT));
    const pane = (page: Document) => page.querySelector('[data-testid="conversation-panel-messages"]')!;
    pane(doc).append(doc.importNode(pane(full).lastElementChild!, true));
    expect(readConversation(doc).messages[2]!.text).toBe('I drive');
    textOf(doc, '3EB0AAAA00000003').firstChild!.textContent = 'I drive, leaving at 8';
    expect(readConversation(doc).messages[2]!.text).toBe('I drive, leaving at 8');
  });
});
