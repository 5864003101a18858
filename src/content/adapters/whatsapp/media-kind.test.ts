import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/conversation';
import { readConversation } from './reader';
import { FIXTURES } from './selectors';
import { loadFixture } from './testing/load-fixture';

const ID = {
  video: '3EB0A0B1C2D3E4F50601',
  gif: '3EB0A0B1C2D3E4F50602',
  gifWithCaption: '3EB0A0B1C2D3E4F50603',
  audio: '3EB0A0B1C2D3E4F50604',
  voice: '3EB0A0B1C2D3E4F50605',
  sticker: '3EB0A0B1C2D3E4F50606',
  location: '3EB0A0B1C2D3E4F50607',
  contact: '3EB0A0B1C2D3E4F50608',
  poll: '3EB0A0B1C2D3E4F50609',
  document: '3EB0A0B1C2D3E4F5060A',
  edited: '3EB0A0B1C2D3E4F5060B',
  namesTheKinds: '3EB0A0B1C2D3E4F5060D',
  unknownMedia: '3EB0A0B1C2D3E4F5060E',
  pollWithCounts: '3EB0A0B1C2D3E4F5060F',
  replyToPoll: '3EB0A0B1C2D3E4F50611',
} as const;

/** The media fixture, optionally edited first, read; messages by id. */
function read(edit?: (doc: Document) => void) {
  const doc = loadFixture(FIXTURES.mediaGroup202605);
  edit?.(doc);
  const conversation = readConversation(doc);
  const byId = (id: string): Message => conversation.messages.find((message) => message.id === id)!;
  return { conversation, byId };
}

function row(doc: Document, id: string): Element {
  return doc.querySelector(`[data-id="${id}"]`)!;
}

describe('media kinds', () => {
  it('reads each kind with its caption, length and file name', () => {
    const { byId } = read();
    expect(byId(ID.video)).toMatchObject({ text: 'Sunset from the bridge 🌅', media: { kind: 'video', duration: '0:42' } });
    expect(byId(ID.gif)).toMatchObject({ sender: 'Ben Okafor', text: '', media: { kind: 'gif' } });
    expect(byId(ID.gifWithCaption)).toMatchObject({ text: 'me waiting for the 28 tram', media: { kind: 'gif' } });
    expect(byId(ID.audio).media).toEqual({ kind: 'audio', duration: '3:12' });
    expect(byId(ID.voice).media).toEqual({ kind: 'voice', duration: '0:09' });
    expect(byId(ID.sticker)).toMatchObject({ sender: 'Ana Lima', text: '', media: { kind: 'sticker' } });
    expect(byId(ID.location)).toMatchObject({ direction: 'out', text: '', media: { kind: 'location' } });
    expect(byId(ID.contact)).toMatchObject({ text: '', media: { kind: 'contact', contactName: 'Dr. Sofia Marques' } });
    expect(byId(ID.poll)).toMatchObject({ text: 'Dinner on Saturday: fish or pizza?', media: { kind: 'poll', options: ['Fish', 'Pizza'] } });
    // The name on screen is cut short ("Lisbon-weekend-tick….pdf"); the file name is whole.
    expect(byId(ID.document).media).toEqual({ kind: 'document', fileName: 'Lisbon-weekend-tickets-2026.pdf' });
  });

  it('says "other" for a video element nothing names, and never guesses a kind', () => {
    expect(read().byId(ID.unknownMedia).media).toEqual({ kind: 'other' });
  });

  it('gives no media to text that only names the kinds', () => {
    const message = read().byId(ID.namesTheKinds);
    expect(message.media).toBeUndefined();
    expect(message.edited).toBeUndefined();
  });

  it('keeps labels, icon names, place and contact names out of the text', () => {
    for (const message of read().conversation.messages) {
      expect(message.text).not.toMatch(
        /msg-video|media-play|audio-file|audio-play|multi-select|tenor|Play GIF|Miradouro|Sofia|DS|Fish|Select one|votes?\b|0:42|3:12|\.pdf/,
      );
    }
  });

  it('reads media rows without text as ok, not as rows it could not read', () => {
    const { conversation } = read();
    expect(conversation.health).toEqual({ status: 'ok' });
    expect(conversation.diagnostics.guessedTextRows).toBe(0);
    expect(conversation.diagnostics.unreadableRows).toBe(0);
    expect(conversation.diagnostics.skippedRows).toBe(0);
  });
});

describe('kinds that share a hook', () => {
  it('takes the player without the audio file icon for a voice note', () => {
    const { byId } = read((doc) => row(doc, ID.audio).querySelector('[data-icon="audio-file"]')!.remove());
    expect(byId(ID.audio).media).toEqual({ kind: 'voice', duration: '3:12' });
  });

  it('reads a voice note whose player shows the video play icon as a voice note, not a video', () => {
    const { byId } = read((doc) => {
      const icon = row(doc, ID.voice).querySelector('[data-icon="audio-play"]')!;
      icon.setAttribute('data-icon', 'media-play');
      icon.textContent = 'media-play';
    });
    expect(byId(ID.voice).media).toEqual({ kind: 'voice', duration: '0:09' });
  });

  it('takes a sticker without its wrapper for a picture', () => {
    const { byId } = read((doc) => row(doc, ID.sticker).querySelector('[data-testid="sticker-container"]')!.removeAttribute('data-testid'));
    expect(byId(ID.sticker).media).toEqual({ kind: 'image' });
  });

  it('knows an animated sticker, drawn on a canvas with no image, by its wrapper alone', () => {
    const { byId, conversation } = read((doc) => {
      const image = row(doc, ID.sticker).querySelector('[data-testid="sticker-container"] img')!;
      image.replaceWith(doc.createElement('canvas'));
    });
    expect(byId(ID.sticker).media).toEqual({ kind: 'sticker' });
    expect(conversation.health).toEqual({ status: 'ok' });
  });

  it('reads a photo inside some other test id as a picture, not a sticker', () => {
    // The hook is WhatsApp's own wrapper, not any test id that mentions stickers (older guesses used "sticker").
    const { byId } = read((doc) => row(doc, ID.sticker).querySelector('[data-testid="sticker-container"]')!.setAttribute('data-testid', 'sticker'));
    expect(byId(ID.sticker).media).toEqual({ kind: 'image' });
  });

  it('knows a GIF by its badge icon alone', () => {
    const { byId } = read((doc) => row(doc, ID.gifWithCaption).querySelector('[aria-label="Play GIF"]')!.removeAttribute('aria-label'));
    expect(byId(ID.gifWithCaption).media).toEqual({ kind: 'gif' });
  });

  it('reads a GIF in a language without a known label as "other", not as a video', () => {
    const { byId, conversation } = read((doc) =>
      row(doc, ID.gif).querySelector('[aria-label="Play GIF"]')!.setAttribute('aria-label', 'GIF abspielen'),
    );
    expect(byId(ID.gif).media).toEqual({ kind: 'other' });
    expect(conversation.health.status).toBe('ok');
  });

  it('gives a captioned GIF without its badge no kind rather than a wrong one', () => {
    const { byId } = read((doc) => row(doc, ID.gifWithCaption).querySelector('[data-icon="media-gif"]')!.remove());
    expect(byId(ID.gifWithCaption).text).toBe('me waiting for the 28 tram');
    expect(byId(ID.gifWithCaption).media).toBeUndefined();
  });

  it('knows a GIF by its label alone when the video element has not loaded', () => {
    const { byId } = read((doc) => row(doc, ID.gif).querySelector('video')!.remove());
    expect(byId(ID.gif).media).toEqual({ kind: 'gif' });
  });

  it('reads a video without its play button, and without a length it cannot read', () => {
    const { byId } = read((doc) => {
      const video = row(doc, ID.video);
      video.querySelector('[data-icon="media-play"]')!.remove();
      video.querySelector('[data-icon="msg-video"]')!.parentElement!.nextElementSibling!.textContent = 'HD';
    });
    expect(byId(ID.video).media).toEqual({ kind: 'video' });
  });
});

describe('videos', () => {
  it("reads the length after the camera badge's wrapper, as WhatsApp draws it", () => {
    const badge = loadFixture(FIXTURES.mediaGroup202605).querySelector(`[data-id="${ID.video}"] [data-icon="msg-video"]`)!;
    // span > (div > icon) + span "0:42": nothing sits right after the icon itself.
    expect(badge.nextElementSibling).toBeNull();
    expect(read().byId(ID.video).media).toEqual({ kind: 'video', duration: '0:42' });
  });

  it('gives the kind without a length when the length is not where WhatsApp puts it', () => {
    const { byId, conversation } = read((doc) => {
      // The older guess: the length right after the icon, inside the badge's wrapper.
      const badge = row(doc, ID.video).querySelector('[data-icon="msg-video"]')!;
      badge.after(badge.parentElement!.nextElementSibling!);
    });
    expect(byId(ID.video).media).toEqual({ kind: 'video' });
    expect(conversation.health).toEqual({ status: 'ok' });
  });

  it('never takes the camera badge and length of a quoted video for the reply', () => {
    const { byId } = read((doc) =>
      row(doc, ID.edited).querySelector('.copyable-text')!.insertAdjacentHTML(
        'afterbegin',
        '<div role="button" aria-label="Quoted message" tabindex="0"><div role=""><span data-testid="author" dir="auto">Ana Lima</span></div>' +
          '<span><div><span aria-hidden="true" data-icon="msg-video">msg-video</span></div><span>0:42</span></span>' +
          '<span class="quoted-mention">Sunset from the bridge</span></div>',
      ),
    );
    expect(byId(ID.edited).media).toBeUndefined();
    // And a video row quoting a video takes its own length, not the quote's.
    const quoting = read((doc) => {
      const video = row(doc, ID.video);
      video.querySelector('.copyable-text')!.insertAdjacentHTML(
        'afterbegin',
        '<div role="button" aria-label="Quoted message" tabindex="0"><span><div><span aria-hidden="true" data-icon="msg-video">msg-video</span></div><span>9:59</span></span>' +
          '<span class="quoted-mention">Older clip</span></div>',
      );
      // The quote comes first in the row, as WhatsApp draws it.
      video.querySelector('[data-testid="author"]')!.parentElement!.after(video.querySelector('[aria-label="Quoted message"]')!);
    });
    expect(quoting.byId(ID.video).media).toEqual({ kind: 'video', duration: '0:42' });
  });

  it('draws the thumbnail as a CSS background, and no video row reads as a picture', () => {
    const doc = loadFixture(FIXTURES.mediaGroup202605);
    // The caption's emoji is an image; the thumbnail is not.
    expect(row(doc, ID.video).querySelector('img:not(.emoji)')).toBeNull();
    expect(row(doc, ID.video).querySelector('[style*="background-image"]')).not.toBeNull();
    // Neither badge nor caption: the play button alone, and still a video rather than a picture.
    const { byId } = read((edited) => {
      const video = row(edited, ID.video);
      video.querySelector('[data-icon="msg-video"]')!.remove();
      video.querySelector('span[data-testid="selectable-text"]')!.remove();
    });
    expect(byId(ID.video).media).toEqual({ kind: 'video' });
  });
});

describe('polls and shared contacts', () => {
  it("reads a poll's question as its text and each option's label in order, never its vote count", () => {
    const poll = read().byId(ID.pollWithCounts);
    expect(poll).toMatchObject({ sender: 'Ana Lima', text: 'Which day for Sintra?' });
    // On screen: "Friday 3", "Saturday morning 1", "Sunday, after brunch 🥐 0", then "View votes"; each checkbox's
    // aria-label holds the option and its count together.
    expect(poll.media).toEqual({ kind: 'poll', options: ['Friday', 'Saturday morning', 'Sunday, after brunch 🥐'] });
    expect(poll.text).not.toMatch(/Friday|Select one or more|View votes/);
  });

  it("reads a shared contact's name from the card", () => {
    const contact = read().byId(ID.contact);
    // The card's avatar shows initials ("DS"): never the name, never text.
    expect(contact).toMatchObject({ sender: 'Ben Okafor', text: '', media: { kind: 'contact', contactName: 'Dr. Sofia Marques' } });
  });

  it('takes the whole name from a title where the card has one', () => {
    const { byId } = read((doc) => {
      const name = row(doc, ID.contact).querySelector('[data-testid="vcard-msg"] [data-testid="selectable-text"]')!;
      name.setAttribute('title', 'Dr. Sofia Marques');
      name.textContent = 'Dr. Sofia Mar…';
    });
    expect(byId(ID.contact).media).toEqual({ kind: 'contact', contactName: 'Dr. Sofia Marques' });
  });

  it('still knows a poll and a contact whose options and name it cannot find, and invents none', () => {
    const { byId, conversation } = read((doc) => {
      for (const label of row(doc, ID.pollWithCounts).querySelectorAll('[data-testid^="poll-option-row-label-"]')) label.removeAttribute('data-testid');
      row(doc, ID.contact).querySelector('[data-testid="vcard-msg"] [data-testid="selectable-text"]')!.remove();
    });
    expect(byId(ID.pollWithCounts).media).toEqual({ kind: 'poll' });
    expect(byId(ID.contact).media).toEqual({ kind: 'contact' });
    expect(conversation.health.status).toBe('ok');
  });

  it('never reads a checkbox\'s aria-label, which holds the vote count, as an option', () => {
    const { byId } = read((doc) => {
      for (const label of row(doc, ID.pollWithCounts).querySelectorAll('[data-testid^="poll-option-row-label-"]')) label.remove();
    });
    expect(byId(ID.pollWithCounts).media).toEqual({ kind: 'poll' });
  });

  it('knows a poll by its bubble when none of its text can be read as text', () => {
    const { byId, conversation } = read((doc) => {
      const poll = row(doc, ID.pollWithCounts);
      poll.querySelector('[data-icon="multi-select-icon-filled"]')!.remove();
      // As if WhatsApp renamed its text hooks: the question and the options' spans lose them.
      for (const span of poll.querySelectorAll('[data-testid="selectable-text"]')) {
        span.removeAttribute('data-testid');
        span.classList.remove('selectable-text');
      }
    });
    expect(byId(ID.pollWithCounts)).toMatchObject({ text: '', media: { kind: 'poll', options: ['Friday', 'Saturday morning', 'Sunday, after brunch 🥐'] } });
    // Reading a poll by the bubble alone says the page may have changed.
    expect(conversation.health.notes?.join(' ')).toMatch(/polls/);
  });

  it('gives a poll without the several-answers icon (single choice, or ended) its question and no kind', () => {
    const { byId } = read((doc) => {
      const icon = row(doc, ID.pollWithCounts).querySelector('[data-icon="multi-select-icon-filled"]')!;
      icon.setAttribute('data-icon', 'ic-check-circle-filled');
      icon.textContent = '';
    });
    expect(byId(ID.pollWithCounts).text).toBe('Which day for Sintra?');
    expect(byId(ID.pollWithCounts).media).toBeUndefined();
  });

  it('gives a contact card without its test id no kind rather than a wrong one', () => {
    const { conversation } = read((doc) => row(doc, ID.contact).querySelector('[data-testid="vcard-msg"]')!.removeAttribute('data-testid'));
    // A row with a time and nothing it can read: the reader says so, and no kind is guessed.
    expect(conversation.messages.find((message) => message.id === ID.contact)).toBeUndefined();
    expect(conversation.diagnostics.unreadableRows).toBe(1);
    expect(conversation.health.status).toBe('degraded');
  });

  it('gives no options rather than some when one option has no label it can read', () => {
    const { byId } = read((doc) =>
      row(doc, ID.pollWithCounts).querySelectorAll('[data-testid^="poll-option-row-label-"] span[dir="auto"]')[1]!.removeAttribute('dir'),
    );
    expect(byId(ID.pollWithCounts).media).toEqual({ kind: 'poll' });
  });

  it('gives no options for more labels than a poll can have (12)', () => {
    const { byId } = read((doc) => {
      const first = row(doc, ID.pollWithCounts).querySelector('[data-testid^="poll-option-row-label-"]')!.closest('.x1nkjj8i')!;
      for (let extra = 0; extra < 10; extra++) first.after(first.cloneNode(true));
    });
    expect(byId(ID.pollWithCounts).media).toEqual({ kind: 'poll' });
  });

  it('bounds each option and the contact name, with whitespace collapsed', () => {
    const long = 'x'.repeat(500);
    const { byId } = read((doc) => {
      row(doc, ID.pollWithCounts).querySelector('[data-testid^="poll-option-row-label-"] span[dir="auto"]')!.textContent = `  Friday\n  evening  ${long}`;
      row(doc, ID.contact).querySelector('[data-testid="vcard-msg"] [data-testid="selectable-text"]')!.textContent = long;
    });
    const [first] = byId(ID.pollWithCounts).media!.options!;
    expect(first).toMatch(/^Friday evening x+$/);
    expect(first!.length).toBe(200);
    expect(byId(ID.contact).media!.contactName).toHaveLength(200);
  });
});

describe('quotes', () => {
  it("never takes a quoted sticker, GIF, video or document for the reply's own media", () => {
    const { byId } = read((doc) => {
      row(doc, ID.edited).querySelector('.copyable-text')!.insertAdjacentHTML(
        'afterbegin',
        '<div role="button" aria-label="Quoted message" tabindex="0"><div role=""><span data-testid="author" dir="auto">Ana Lima</span></div>' +
          '<span data-testid="sticker-container"><img src="blob:https://web.whatsapp.com/quoted-sticker" alt=""></span>' +
          '<div aria-label="Play GIF" role="button"><video src="blob:https://web.whatsapp.com/quoted-gif"></video></div>' +
          '<span><div><span aria-hidden="true" data-icon="msg-video">msg-video</span></div><span>0:42</span></span>' +
          '<span aria-hidden="true" data-icon="document-PDF-icon">document-PDF-icon</span><div><span dir="auto" title="Quoted.pdf">Quoted.pdf</span></div>' +
          '<span class="quoted-mention">Sunset from the bridge</span></div>',
      );
    });
    const reply = byId(ID.edited);
    expect(reply.media).toBeUndefined();
    expect(reply.quote).toEqual({ sender: 'Ana Lima', text: 'Sunset from the bridge' });
    expect(reply.text).toBe('Meet at 19:30 at the miradouro, not 19:00');
  });

  it("reads a reply quoting a poll as text with the poll's question in its quote, not as a poll", () => {
    const reply = read().byId(ID.replyToPoll);
    expect(reply.media).toBeUndefined();
    expect(reply).toMatchObject({ text: 'Count me in, I am bringing dessert', quote: { sender: 'You', text: 'Dinner on Saturday: fish or pizza?' } });
  });

  it("never takes a quoted poll's options or a quoted contact's name for the row's own", () => {
    const quoted =
      '<div role="button" aria-label="Quoted message" tabindex="0"><div role=""><span data-testid="author" dir="auto">Ana Lima</span></div>' +
      '<div data-testid="vcard-msg"><div><div data-testid="selectable-text" dir="auto">Quoted Person</div></div></div>' +
      '<label data-testid="poll-option-row-label-0"><span dir="auto">Quoted option</span></label><span>9</span>' +
      '<span class="quoted-mention">Which day?</span></div>';
    // Above the card, where WhatsApp draws a reply's quote: the row-only lookup passes over the quoted card.
    const { byId } = read((doc) => {
      row(doc, ID.contact).querySelector('[data-testid="vcard-msg"]')!.insertAdjacentHTML('beforebegin', quoted);
      row(doc, ID.pollWithCounts).querySelector('.copyable-text')!.insertAdjacentHTML('afterbegin', quoted);
    });
    expect(byId(ID.contact).media).toEqual({ kind: 'contact', contactName: 'Dr. Sofia Marques' });
    expect(byId(ID.pollWithCounts).media).toEqual({ kind: 'poll', options: ['Friday', 'Saturday morning', 'Sunday, after brunch 🥐'] });
  });

  it("reads a card whose hidden text gives a time and no date (WhatsApp's 2026 shape) with no timestamp and no health note", () => {
    const { conversation, byId } = read((doc) => {
      const metadata = row(doc, ID.contact).querySelector('[data-pre-plain-text]')!;
      metadata.setAttribute('data-pre-plain-text', '[19:40] Ben Okafor: ');
    });
    expect(byId(ID.contact)).toMatchObject({ timestamp: null, media: { kind: 'contact', contactName: 'Dr. Sofia Marques' } });
    expect(conversation.health).toEqual({ status: 'ok' });
  });

  it('never reads a row that only quotes a contact card or a sticker as one', () => {
    const { byId } = read((doc) =>
      row(doc, ID.edited).querySelector('.copyable-text')!.insertAdjacentHTML(
        'afterbegin',
        '<div role="button" aria-label="Quoted message" tabindex="0"><div data-testid="vcard-msg"><div><div data-testid="selectable-text" dir="auto">Quoted Person</div></div></div>' +
          '<span data-testid="sticker-container"><canvas></canvas></span><div data-testid="poll-bubble"></div>' +
          '<span aria-hidden="true" data-icon="multi-select-icon-filled">multi-select-icon-filled</span>' +
          '<span class="quoted-mention">Quoted Person</span></div>',
      ),
    );
    expect(byId(ID.edited).media).toBeUndefined();
    expect(byId(ID.edited).text).toBe('Meet at 19:30 at the miradouro, not 19:00');
  });
});
