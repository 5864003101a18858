import { describe, expect, it } from 'vitest';
import { renderWhatsAppPage, type RenderChatSpec } from './fixtures/render-chat';
import { readConversation, type WhatsAppConversation } from './reader';
import { FIXTURES, type FixtureName } from './selectors';
import { contractViolations } from './testing/conversation-contract';
import { expectedConversation, loadFixture, parseHtml } from './testing/load-fixture';

const ALL_FIXTURES = Object.values(FIXTURES) as FixtureName[];

function readPage(spec: RenderChatSpec): WhatsAppConversation {
  return readConversation(parseHtml(renderWhatsAppPage(spec)));
}

/** A rendered chat, edited before reading: for the shapes a redesign could take. */
function readEdited(spec: RenderChatSpec, edit: (doc: Document) => void): WhatsAppConversation {
  const doc = parseHtml(renderWhatsAppPage(spec));
  edit(doc);
  return readConversation(doc);
}

const SMALL_GROUP: RenderChatSpec = {
  title: 'Lake trip',
  isGroup: true,
  ownerName: 'Sam Reyes',
  messages: [
    { direction: 'in', sender: 'Ana', text: 'Saturday?', time: '09:00', date: '22/03/2026' },
    { direction: 'out', text: 'Yes', time: '09:01' },
    { direction: 'in', sender: 'Ben', text: 'I drive', time: '09:02' },
  ],
};

describe('readConversation on the fixtures', () => {
  it.each(ALL_FIXTURES)('%s reads as its expected JSON', (name) => {
    const conversation = readConversation(loadFixture(name));
    expect(JSON.parse(JSON.stringify(conversation))).toEqual(expectedConversation(name));
  });

  it.each(ALL_FIXTURES)('%s satisfies the Conversation contract', (name) => {
    expect(contractViolations(JSON.parse(JSON.stringify(readConversation(loadFixture(name)))))).toEqual([]);
  });

  it('reads the current fixtures as ok and the unknown redesign as unreadable', () => {
    expect(readConversation(loadFixture(FIXTURES.group202605)).health.status).toBe('ok');
    expect(readConversation(loadFixture(FIXTURES.oneToOne202605)).health.status).toBe('ok');
    expect(readConversation(loadFixture(FIXTURES.bareOneToOne202604)).health.status).toBe('ok');
    const redesign = readConversation(loadFixture(FIXTURES.redesignUnknown));
    expect(redesign.health.status).toBe('unreadable');
    expect(redesign.messages).toEqual([]);
  });
});

describe('senders', () => {
  const group = readConversation(loadFixture(FIXTURES.group202605));
  const byId = (id: string) => group.messages.find((message) => message.id === id)!;

  it('carries the author over consecutive messages whose author block is omitted', () => {
    expect(byId('3EB07F1E2D3C4B5A6978').sender).toBe('Ana Lima');
    // The second Ravi message has only the phone in its metadata, yet is Ravi's: carried, not the phone.
    expect(byId('3A77B2C1D0E9F8A7B6C5').sender).toBe('Ravi');
    // A deleted message has no metadata at all.
    expect(byId('3EB0DE1E7ED0000ABCDE').sender).toBe('Ben Okafor');
  });

  it('drops WhatsApp\'s "Maybe" label and "~" mark for unsaved contacts', () => {
    expect(byId('3A4689CE2A81856D4BB0').sender).toBe('Ravi');
    expect(byId('3EB0B0CE5A17E0000001').sender).toBe('Chen');
  });

  it("never takes the quote's author for the message's", () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      // Ben's row loses its author block but gains a quote of Ana's, whose author span is alike.
      const row = doc.querySelector('[data-id="3EB0000000000000000002"]')!;
      row.querySelector('[data-testid="author"]')!.parentElement!.remove();
      row.querySelector('.copyable-text')!.insertAdjacentHTML(
        'afterbegin',
        '<div role="button" aria-label="Quoted message"><div role=""><span data-testid="author" dir="auto">Ana</span></div><span class="quoted-mention">Saturday?</span></div>',
      );
    });
    const ben = conversation.messages[2]!;
    expect(ben.sender).toBe('Ben');
    expect(ben.quote).toEqual({ sender: 'Ana', text: 'Saturday?' });
  });

  it('gives outgoing messages no sender, though the metadata names the owner', () => {
    for (const message of readPage(SMALL_GROUP).messages.filter((message) => message.direction === 'out')) {
      expect(message.sender).toBeNull();
    }
  });

  it("names the other person in a one-to-one chat, even where a row has no metadata", () => {
    const conversation = readConversation(loadFixture(FIXTURES.oneToOne202605));
    const incoming = conversation.messages.filter((message) => message.direction === 'in');
    expect(new Set(incoming.map((message) => message.sender))).toEqual(new Set(['Jordan Poe']));
  });

  it('starts a new run after another person speaks', () => {
    const conversation = readPage({
      title: 'Lake trip',
      isGroup: true,
      messages: [
        { direction: 'in', sender: 'Ana', text: 'one' },
        { direction: 'in', sender: 'Ana', text: 'two' },
        { direction: 'in', sender: 'Ben', text: 'three' },
        { direction: 'out', text: 'four' },
        { direction: 'in', sender: 'Ben', text: 'five' },
      ],
    });
    expect(conversation.messages.map((message) => message.sender)).toEqual(['Ana', 'Ana', 'Ben', null, 'Ben']);
  });
});

describe('text', () => {
  const group = readConversation(loadFixture(FIXTURES.group202605));
  const texts = group.messages.map((message) => message.text);

  it('turns emoji images into their characters', () => {
    expect(texts).toContain('Morning all! Train tickets are booked 🎉');
    expect(texts).toContain('Sorry, voice note from the tram 🙏🏽');
    expect(group.title).toBe('Porto trip 🚆');
  });

  it('keeps line breaks, from <br> and from newlines in text', () => {
    expect(texts).toContain('Departure 08:05 from Lisboa Oriente\nArrival 11:02 at Porto Campanhã');
    const oneToOne = readConversation(loadFixture(FIXTURES.oneToOne202605));
    expect(oneToOne.messages.map((message) => message.text)).toContain('Yes!\nI booked 7:30 at Marisqueira Azul');
  });

  it('keeps quoted text out of the reply and in its quote', () => {
    const reply = group.messages.find((message) => message.quote)!;
    expect(reply.text).toBe('Yes, one seat left 🙂');
    expect(reply.quote).toEqual({ sender: 'Ravi', text: 'Is there space in the car?' });
  });

  it('keeps times, author labels, "Forwarded" and icon names out of the text', () => {
    for (const message of group.messages.filter((message) => message.direction !== 'system')) {
      expect(message.text).not.toMatch(/^\d{1,2}:\d{2}$|Forwarded|forward-refreshed|recalled|audio-play|tail-in|msg-dblcheck/);
      expect(message.text).not.toMatch(/^(Ana Lima|Ravi|~ Chen|Ben Okafor)/);
    }
  });

  it('reads markup-looking text as text', () => {
    expect(texts).toContain("Timetable: https://www.cp.pt/passageiros/en (reply <b>yes</b> if you're in)");
  });

  it('keeps invisible characters for the prompt builder to neutralise and show', () => {
    const text = 'see you soon\u{E0049}\u{E0067} hidden\u200b\u202eelif\u202c';
    expect(readPage({ title: 'Rui', isGroup: false, messages: [{ direction: 'in', text }] }).messages[0]!.text).toBe(text);
  });
});

describe('rows that are not messages', () => {
  it('skips date separators, the unread divider and contact cards, and reads system notices', () => {
    const group = readConversation(loadFixture(FIXTURES.group202605));
    const texts = group.messages.map((message) => message.text);
    for (const notMessage of ['22/03/2026', '23/03/2026', '2 unread messages', '~Priya', '+91 98450 00000']) {
      expect(texts.join('\n')).not.toContain(notMessage);
    }
    // Date separators and the unread divider carry no id: only the contact card is a skipped message row.
    expect(group.diagnostics.skippedRows).toBe(1);
    expect(group.messages[0]).toEqual({
      id: '3EB0A1B2C3D4E5F60718',
      direction: 'system',
      sender: null,
      timestamp: null,
      text: 'Ana Lima created group “Porto trip 🚆”',
    });
  });

  it('marks deleted and forwarded messages, and media', () => {
    const group = readConversation(loadFixture(FIXTURES.group202605));
    expect(group.messages.find((message) => message.deleted)).toMatchObject({ text: '', deleted: true });
    expect(group.messages.find((message) => message.forwarded)?.text).toMatch(/^Platform change/);
    expect(group.messages.find((message) => message.media?.kind === 'voice')?.media).toEqual({ kind: 'voice', duration: '0:37' });
    expect(group.messages.find((message) => message.media?.kind === 'image')?.text).toBe('Our seats 👇');
  });

  it('knows a picture not yet downloaded (no blob image, no caption) by its label', () => {
    const doc = loadFixture(FIXTURES.group202605);
    const row = doc.querySelector('[data-id="3EB0C0FFEE0123456789"]')!;
    row.querySelector('img[src^="blob:"]')!.remove();
    row.querySelector('.copyable-text')!.remove();
    const conversation = readConversation(doc);
    expect(conversation.messages.find((message) => message.id === '3EB0C0FFEE0123456789')).toMatchObject({
      sender: 'Ana Lima',
      text: '',
      media: { kind: 'image' },
    });
    expect(conversation.health.status).toBe('ok');
  });

  it("does not take a quoted document's icon for the reply's own media", () => {
    const bare = readConversation(loadFixture(FIXTURES.bareOneToOne202604));
    const reply = bare.messages.find((message) => message.quote)!;
    expect(reply.media).toBeUndefined();
    expect(bare.messages.filter((message) => message.media?.kind === 'document')).toHaveLength(1);
  });
});

describe('the unread divider', () => {
  const CHAT: RenderChatSpec = {
    title: 'Rui',
    isGroup: false,
    messages: [
      { id: '3EB0DD0000000001', direction: 'in', text: 'Are you coming?', time: '09:00', date: '22/03/2026' },
      { id: '3EB0DD0000000002', direction: 'out', text: 'Yes', time: '09:01' },
      { id: '3EB0DD0000000003', direction: 'in', text: 'Great', time: '09:02' },
    ],
  };
  // The divider as WhatsApp draws it: a row of its own, with no message id, its text in a live region.
  const DIVIDER_ROW =
    '<div role="row"><div class="_amjw _aot1 x78zum5" tabindex="-1"><span class="x1rg5ohu _ao3e" aria-live="polite">1 unread message</span></div></div>';
  const rowOf = (doc: Document, id: string) => doc.querySelector(`[data-id="${id}"]`)!.closest('[role="row"]')!;

  // On a first read and on later ones (rows from the row cache).
  const readTwice = (edit: (doc: Document) => void) => {
    const doc = parseHtml(renderWhatsAppPage(CHAT));
    edit(doc);
    return [readConversation(doc).unreadFromId, readConversation(doc).unreadFromId];
  };

  it('names the first message below it', () => {
    expect(readTwice((doc) => rowOf(doc, '3EB0DD0000000003').insertAdjacentHTML('beforebegin', DIVIDER_ROW))).toEqual([
      '3EB0DD0000000003',
      '3EB0DD0000000003',
    ]);
  });

  it('is not a live region inside a message, whatever it says', () => {
    const unread = readTwice((doc) =>
      doc
        .querySelector('[data-id="3EB0DD0000000002"] [data-pre-plain-text]')!
        .insertAdjacentHTML('afterend', '<span aria-live="polite">1 unread message</span>'),
    );
    expect(unread).toEqual([undefined, undefined]);
  });
});

describe('time and sender', () => {
  it("take a row's own metadata only, never an attribute on an element around the row", () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      const outgoing = doc.querySelector('[data-id] .message-out [data-pre-plain-text]')!;
      outgoing.removeAttribute('data-pre-plain-text');
      outgoing.closest('[role="row"]')!.setAttribute('data-pre-plain-text', '[23:59, 31/12/2025] Someone Else: ');
    });
    expect(conversation.messages.map((message) => message.timestamp)).toEqual([
      '2026-03-22T09:00:00',
      null,
      '2026-03-22T09:02:00',
    ]);
  });
});

describe('icons', () => {
  it('finds markers among the tails and ticks on every row, and takes no tail or tick for one', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      const icon = doc.createElement('span');
      icon.setAttribute('data-icon', 'forward-refreshed');
      icon.textContent = 'forward-refreshed';
      doc.querySelector('[data-id] .message-in [data-pre-plain-text]')!.before(icon);
    });
    expect(conversation.messages.map((message) => message.forwarded ?? false)).toEqual([true, false, false]);
    expect(conversation.messages.every((message) => !message.media && !message.deleted)).toBe(true);
  });
});

describe('ids and direction', () => {
  it('reads packed ids into the message id and direction', () => {
    const packed = readConversation(loadFixture(FIXTURES.packedGroup202603));
    expect(packed.diagnostics.idFormats).toEqual({ packed: 6, bare: 0, unknown: 0 });
    expect(packed.messages.map((message) => message.id)).toContain('3EB0AA11BB22CC33DD44');
  });

  it('takes direction from a packed id when the classes are missing', () => {
    const doc = loadFixture(FIXTURES.packedGroup202603);
    for (const bubble of doc.querySelectorAll('.message-in, .message-out')) bubble.classList.remove('message-in', 'message-out');
    const conversation = readConversation(doc);
    const directions = conversation.messages.filter((message) => message.direction !== 'system').map((m) => m.direction);
    expect(directions).toEqual(['in', 'in', 'out', 'in']);
    // The voice note has neither classes nor metadata: with nothing to read it by, it is not invented.
    expect(conversation.messages.some((message) => message.media?.kind === 'voice')).toBe(false);
  });
});

describe('group or not', () => {
  it('knows a group by its author blocks, packed group ids or member-list subtitle', () => {
    expect(readConversation(loadFixture(FIXTURES.group202605)).isGroup).toBe(true);
    expect(readConversation(loadFixture(FIXTURES.packedGroup202603)).isGroup).toBe(true);
    expect(readConversation(loadFixture(FIXTURES.oneToOne202605)).isGroup).toBe(false);
    expect(readConversation(loadFixture(FIXTURES.bareOneToOne202604)).isGroup).toBe(false);
  });

  it('knows a group by its subtitle alone', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      for (const author of doc.querySelectorAll('[data-testid="author"]')) author.parentElement!.remove();
      for (const metadata of doc.querySelectorAll('[data-pre-plain-text]')) {
        metadata.setAttribute('data-pre-plain-text', '[09:00, 22/03/2026] Someone: ');
      }
    });
    expect(conversation.isGroup).toBe(true);
  });
});

describe('the header', () => {
  it('skips icon ligatures before the name', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      doc.querySelector('header span[dir="auto"]')!.insertAdjacentHTML(
        'beforebegin',
        '<span dir="auto" data-icon="wds-ic-lock">wds-ic-lock</span><span dir="auto">wds-ic-chevron</span>',
      );
    });
    expect(conversation.title).toBe('Lake trip');
    expect(conversation.chatKey).toBe('whatsapp:Lake trip');
  });

  it('falls back to #main header span[title] without the test id, and says so', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => doc.querySelector('header')!.removeAttribute('data-testid'));
    expect(conversation.title).toBe('Lake trip');
    expect(conversation.health.status).toBe('ok');
    expect(conversation.health.notes?.join(' ')).toContain('chat name with an older selector');
  });
});

describe('timestamps', () => {
  const spec = (dates: string[], lang?: string) => {
    const doc = parseHtml(
      renderWhatsAppPage({
        title: 'Jo',
        isGroup: false,
        messages: dates.map((date, index) => ({ direction: 'in' as const, text: `m${index}`, time: '8:05 pm', date })),
      }),
    );
    if (lang) doc.documentElement.setAttribute('lang', lang);
    return readConversation(doc);
  };

  it('reads 12-hour times into ISO local date-times', () => {
    expect(spec(['14/12/2025']).messages[0]!.timestamp).toBe('2025-12-14T20:05:00');
  });

  it('infers month-first from one date with a second value over 12', () => {
    expect(spec(['3/4/2026', '3/14/2026']).messages.map((message) => message.timestamp)).toEqual([
      '2026-03-04T20:05:00',
      '2026-03-14T20:05:00',
    ]);
  });

  it('reads ambiguous dates day-first unless the page is in a month-first locale', () => {
    expect(spec(['3/4/2026']).messages[0]!.timestamp).toBe('2026-04-03T20:05:00');
    expect(spec(['3/4/2026'], 'en-US').messages[0]!.timestamp).toBe('2026-03-04T20:05:00');
    expect(spec(['3/4/2026'], 'en-GB').messages[0]!.timestamp).toBe('2026-04-03T20:05:00');
  });

  it('lets the chat order settle dates the values cannot', () => {
    // Day-first: 12 Mar then 1 Apr. Month-first: 3 Dec then 4 Jan of the same year, out of order.
    const conversation = spec(['12/3/2026', '1/4/2026']);
    expect(conversation.diagnostics.dateOrder).toEqual({ order: 'day-first', basis: 'chronology' });
  });
});

describe('health', () => {
  it('is unreadable with no chat open', () => {
    const conversation = readConversation(parseHtml('<div id="app"><div id="side"></div></div>'));
    expect(conversation.health).toEqual({
      status: 'unreadable',
      notes: ['No chat is open. Open a chat in WhatsApp, then try again.'],
    });
    expect(contractViolations(conversation)).toEqual([]);
  });

  it('is unreadable when rows are there but none reads as a message', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      for (const element of doc.querySelectorAll('[data-id]')) element.removeAttribute('data-id');
    });
    expect(conversation.health.status).toBe('unreadable');
    expect(conversation.messages).toEqual([]);
  });

  it('is unreadable when no row is found at all', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      for (const row of doc.querySelectorAll('#main [role="row"]')) row.remove();
    });
    expect(conversation.health.status).toBe('unreadable');
  });

  it('is degraded when a message row has no direction', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      doc.querySelector('.message-out')!.classList.remove('message-out');
    });
    expect(conversation.health.status).toBe('degraded');
    expect(conversation.health.notes?.[0]).toBe('Message rows that could not be read (no direction or no text found): 1 of 3.');
    expect(conversation.messages).toHaveLength(2);
  });

  it('is degraded when text had to be guessed, and never guesses the quote', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      for (const text of doc.querySelectorAll('[data-testid="selectable-text"]')) text.removeAttribute('data-testid');
    });
    expect(conversation.health.status).toBe('degraded');
    expect(conversation.messages.map((message) => message.text)).toEqual(['Saturday?', 'Yes', 'I drive']);
    expect(conversation.diagnostics.guessedTextRows).toBe(3);
  });

  it('is degraded when ids take an unfamiliar shape', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      doc.querySelector('[data-id]')!.setAttribute('data-id', 'msg:01J8Z3K5W7');
    });
    expect(conversation.health.status).toBe('degraded');
    expect(conversation.health.notes).toContain('Messages with an unfamiliar id: 1; WhatsApp may have changed its page.');
  });

  it('is degraded when no message has metadata', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => {
      for (const element of doc.querySelectorAll('[data-pre-plain-text]')) element.removeAttribute('data-pre-plain-text');
    });
    expect(conversation.health.status).toBe('degraded');
    expect(conversation.messages.every((message) => message.timestamp === null)).toBe(true);
  });

  it('is degraded, with a note, when the composer is missing', () => {
    const conversation = readEdited(SMALL_GROUP, (doc) => doc.querySelector('#main footer')!.remove());
    expect(conversation.health).toEqual({
      status: 'degraded',
      notes: ['The message box was not found, so drafts cannot be inserted into this chat.'],
    });
  });

  it('does not count falling past an English-only label as a sign of change', () => {
    const doc = loadFixture(FIXTURES.group202605);
    doc.querySelector('[aria-label="Quoted message"]')!.setAttribute('aria-label', 'Mensagem citada');
    const conversation = readConversation(doc);
    expect(conversation.health).toEqual({ status: 'ok' });
    expect(conversation.messages.find((message) => message.quote)?.quote).toEqual({
      sender: 'Ravi',
      text: 'Is there space in the car?',
    });
  });
});
