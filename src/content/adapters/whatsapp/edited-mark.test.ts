import { describe, expect, it } from 'vitest';
import { readConversation } from './reader';
import { FIXTURES } from './selectors';
import { loadFixture } from './testing/load-fixture';

const EDITED = '3EB0A0B1C2D3E4F5060B';
const SAYS_EDITED = '3EB0A0B1C2D3E4F5060C';
const PLAIN = '3EB0A0B1C2D3E4F5060D';

function messageOf(doc: Document, id: string) {
  return readConversation(doc).messages.find((message) => message.id === id)!;
}

/** The label WhatsApp puts beside the time of the edited row, as the fixture shows it. */
function editedLabel(doc: Document): Element {
  return doc.querySelector(`[data-id="${EDITED}"] span[dir="auto"]:not([data-testid])`)!;
}

describe('the "Edited" mark', () => {
  it('marks an edited message and keeps the label out of its text', () => {
    const message = messageOf(loadFixture(FIXTURES.mediaGroup202605), EDITED);
    expect(message).toMatchObject({ edited: true, text: 'Meet at 19:30 at the miradouro, not 19:00' });
  });

  it('does not take a message that says "Edited", or mentions it, for an edited one', () => {
    const doc = loadFixture(FIXTURES.mediaGroup202605);
    expect(messageOf(doc, SAYS_EDITED)).toMatchObject({ text: 'Edited' });
    expect(messageOf(doc, SAYS_EDITED).edited).toBeUndefined();
    expect(messageOf(doc, PLAIN).edited).toBeUndefined();
    const edited = readConversation(doc).messages.filter((message) => message.edited);
    expect(edited.map((message) => message.id)).toEqual([EDITED]);
  });

  it('does not take a quote of a message that says "Edited" for the mark', () => {
    const doc = loadFixture(FIXTURES.mediaGroup202605);
    doc.querySelector(`[data-id="${PLAIN}"] .copyable-text`)!.insertAdjacentHTML(
      'afterbegin',
      '<div role="button" aria-label="Quoted message"><div role=""><span data-testid="author" dir="auto">Ben Okafor</span></div>' +
        '<span dir="auto" class="quoted-mention">Edited</span></div>',
    );
    const message = messageOf(doc, PLAIN);
    expect(message.quote).toEqual({ sender: 'Ben Okafor', text: 'Edited' });
    expect(message.edited).toBeUndefined();
  });

  it.each(['Editada', 'Editado', 'Bearbeitet'])('knows the mark in another interface language: %s', (label) => {
    const doc = loadFixture(FIXTURES.mediaGroup202605);
    editedLabel(doc).textContent = label;
    expect(messageOf(doc, EDITED).edited).toBe(true);
  });

  it('compares the whole label: a longer word or an unknown language is not the mark', () => {
    for (const text of ['Edited by Ana', 'Modifié', '19:33', '7:33 pm']) {
      const doc = loadFixture(FIXTURES.mediaGroup202605);
      editedLabel(doc).textContent = text;
      expect(messageOf(doc, EDITED).edited, text).toBeUndefined();
    }
  });

  it('reads the label with stray white space around it, in each known language', () => {
    for (const text of [' Edited ', 'Editada', 'Editado', 'Bearbeitet\u00a0']) {
      const doc = loadFixture(FIXTURES.mediaGroup202605);
      editedLabel(doc).textContent = text;
      expect(messageOf(doc, EDITED).edited, text).toBe(true);
    }
  });

  it('notices an edit made after the chat was read (rows read before come from the row cache)', () => {
    const doc = loadFixture(FIXTURES.mediaGroup202605);
    readConversation(doc);
    expect(messageOf(doc, PLAIN).edited).toBeUndefined();
    // The edit arrives: new text and the label beside the time.
    const row = doc.querySelector(`[data-id="${PLAIN}"]`)!;
    row.querySelector('[data-testid="selectable-text"] span')!.textContent = 'The video is great!';
    row.querySelector('[aria-hidden="true"] > span')!.insertAdjacentHTML('beforebegin', '<span dir="auto">Edited</span>');
    expect(messageOf(doc, PLAIN)).toMatchObject({ text: 'The video is great!', edited: true });
  });
});
