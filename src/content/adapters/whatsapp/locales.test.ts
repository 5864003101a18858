import { describe, expect, it } from 'vitest';
import { DELETED_TEXTS, INTERFACE_LABELS, labelSelector, labelsOf, withoutUnsavedPrefix } from './locale-labels';
import { readConversation } from './reader';
import { FIXTURES, whatsAppSelectors } from './selectors';
import { inferDateOrder, parseMetadata } from './timestamp';
import { loadFixture } from './testing/load-fixture';

const byId = (name: (typeof FIXTURES)[keyof typeof FIXTURES], suffix: string) => {
  const conversation = readConversation(loadFixture(name));
  return { conversation, message: conversation.messages.find((message) => message.id.endsWith(suffix))! };
};

describe('locale-labels.ts', () => {
  it('gives every language every label', () => {
    const keys = Object.keys(INTERFACE_LABELS.en).sort();
    for (const [language, labels] of Object.entries(INTERFACE_LABELS)) {
      expect(Object.keys(labels).sort(), language).toEqual(keys);
      for (const value of Object.values(labels)) expect(value, language).not.toBe('');
      expect(labels.deleted.length, language).toBeGreaterThan(0);
    }
  });

  it('builds one selector per language, English first, escaping quotes', () => {
    expect(labelsOf('quotedMessage')[0]).toBe('Quoted message');
    expect(labelSelector('button', 'aria-label', ['a"b', 'c'])).toBe('button[aria-label="a\\"b"], button[aria-label="c"]');
    expect(whatsAppSelectors.quoteBlock.tiers[0].selector).toContain('[aria-label="Zitierte Nachricht"]');
  });

  it('knows every deleted placeholder and the unsaved-contact word in each language, as a whole word', () => {
    expect(DELETED_TEXTS.has('Esta mensagem foi apagada')).toBe(true);
    expect(DELETED_TEXTS.has('Se eliminó este mensaje')).toBe(true);
    expect(DELETED_TEXTS.has('Diese Nachricht wurde gelöscht')).toBe(true);
    expect(withoutUnsavedPrefix('Maybe Ravi')).toBe('Ravi');
    expect(withoutUnsavedPrefix('Talvez Ana Lima')).toBe('Ana Lima');
    expect(withoutUnsavedPrefix('Quizá Mateo')).toBe('Mateo');
    expect(withoutUnsavedPrefix('Vielleicht Jonas')).toBe('Jonas');
    expect(withoutUnsavedPrefix('Maybelline')).toBe('Maybelline');
    expect(withoutUnsavedPrefix('Vielleichtmann')).toBe('Vielleichtmann');
  });
});

describe('non-English pages', () => {
  it.each([FIXTURES.ptBrGroup, FIXTURES.esGroup, FIXTURES.deGroup])(
    '%s: a reply to a photo, known only by its localized quote label, keeps no media of its own',
    (name) => {
      const reply = readConversation(loadFixture(name)).messages.filter((message) => message.quote).at(-1)!;
      expect(reply.media).toBeUndefined();
      expect(reply.quote).toEqual({ sender: expect.any(String), text: 'Foto' });
    },
  );

  it.each([FIXTURES.ptBrGroup, FIXTURES.esGroup, FIXTURES.deGroup, FIXTURES.packedGroup202412])(
    '%s: a deleted message stays deleted when its icon is gone, by its localized text',
    (name) => {
      const doc = loadFixture(name);
      const icon = doc.querySelector('#main span[data-icon="recalled"]')!;
      const id = icon.closest('[data-id]')!.getAttribute('data-id')!;
      icon.remove();
      const conversation = readConversation(doc);
      const message = conversation.messages.find((candidate) => id.includes(candidate.id))!;
      expect(message).toMatchObject({ text: '', deleted: true });
      expect(conversation.health.status).toBe('ok');
      expect(conversation.diagnostics.guessedTextRows).toBe(0);
    },
  );

  // WhatsApp's own web translations word some placeholders unlike its chat exports: German with a full stop,
  // Brazilian Portuguese as "Mensagem apagada" (docs/research/whatsapp-labels.md).
  it.each([
    [FIXTURES.deGroup, 'Diese Nachricht wurde gelöscht.'],
    [FIXTURES.ptBrGroup, 'Mensagem apagada'],
    [FIXTURES.esGroup, 'Eliminaste este mensaje.'],
  ])('%s: a deleted message without its icon is known by the web wording "%s"', (name, wording) => {
    const doc = loadFixture(name);
    const icon = doc.querySelector('#main span[data-icon="recalled"]')!;
    const row = icon.closest('[data-id]')!;
    const id = row.getAttribute('data-id')!;
    icon.remove();
    const placeholder = [...row.querySelectorAll('span[dir="auto"]')].find((span) => DELETED_TEXTS.has(span.textContent ?? ''))!;
    placeholder.textContent = wording;
    const conversation = readConversation(doc);
    expect(conversation.messages.find((candidate) => id.includes(candidate.id))).toMatchObject({ text: '', deleted: true });
    expect(conversation.diagnostics.guessedTextRows).toBe(0);
  });

  it('knows a Spanish picture that has not downloaded yet, with no caption, by "Abrir foto" alone', () => {
    const doc = loadFixture(FIXTURES.esGroup);
    const row = doc.querySelector('[data-id$="CC06"]')!;
    row.querySelector('img[src^="blob:"]')!.remove();
    row.querySelector('span[data-testid="selectable-text"]')!.remove();
    const conversation = readConversation(doc);
    expect(conversation.messages.find((message) => message.id.endsWith('CC06'))!.media).toEqual({ kind: 'image' });
    expect(conversation.health.status).toBe('ok');
  });

  it('knows a forwarded voice note by its ptt-file icon alone, in a language without a known label', () => {
    const doc = loadFixture(FIXTURES.esOneToOne);
    const row = doc.querySelector('[data-id$="DD05"]')!;
    row.querySelector('[data-icon="audio-play"]')!.remove();
    row.querySelector('button[aria-label]')!.setAttribute('aria-label', 'Lire le message vocal');
    const conversation = readConversation(doc);
    const message = conversation.messages.find((candidate) => candidate.id.endsWith('DD05'))!;
    expect(message).toMatchObject({ text: '', forwarded: true, media: { kind: 'voice', duration: '0:21' } });
    expect(conversation.health.status).toBe('ok');
  });

  it('keeps localized "Forwarded" and deleted labels out of the text', () => {
    for (const name of [FIXTURES.ptBrGroup, FIXTURES.esGroup, FIXTURES.deGroup]) {
      for (const message of readConversation(loadFixture(name)).messages) {
        expect(message.text).not.toMatch(/Encaminhada|Reenviado|Weitergeleitet|apagada|eliminó|gelöscht/);
      }
    }
  });

  it('reads Spanish 12-hour times with "a. m."/"p. m." and no-break spaces', () => {
    expect(parseMetadata('[12:05\u00a0p.\u00a0m., 28/3/2026] Mateo: ')?.time).toEqual({ hour: 12, minute: 5 });
    expect(parseMetadata('[12:10 a. m., 2/4/2026] Lucía: ')?.time).toEqual({ hour: 0, minute: 10 });
    expect(byId(FIXTURES.esGroup, 'CC06').message.timestamp).toBe('2026-04-02T00:10:00');
  });
});

describe('date order per locale', () => {
  it('reads German dd.mm.yyyy day-first, by values over 12 or by the chat\'s order', () => {
    const dates = ['[19:02, 14.04.2026] A: ', '[07:46, 15.04.2026] A: '].map((value) => parseMetadata(value)!.date!);
    expect(inferDateOrder(dates)).toEqual({ order: 'day-first', basis: 'values-over-12' });
    const german = readConversation(loadFixture(FIXTURES.deOneToOne));
    expect(german.diagnostics.dateOrder).toEqual({ order: 'day-first', basis: 'chronology' });
    expect(german.messages.map((message) => message.timestamp?.slice(0, 10))).toContain('2026-03-12');
  });

  it('reads US m/d/yyyy month-first by values over 12, and in order when all are ambiguous', () => {
    const us = readConversation(loadFixture(FIXTURES.packedOneToOne202412));
    expect(us.diagnostics.dateOrder).toEqual({ order: 'month-first', basis: 'values-over-12' });
    expect(us.messages[0]!.timestamp).toBe('2024-12-09T22:54:00');
    // 11/30/2024: a second value over 12. 11/3 then 12/1: only month-first runs oldest first.
    const dates = ['[9:00 AM, 11/30/2024] A: ', '[9:00 AM, 12/1/2024] A: '].map((value) => parseMetadata(value)!.date!);
    expect(inferDateOrder(dates)).toEqual({ order: 'month-first', basis: 'values-over-12' });
    const ambiguous = ['[9:00 AM, 11/3/2024] A: ', '[9:00 AM, 12/1/2024] A: '].map((value) => parseMetadata(value)!.date!);
    expect(inferDateOrder(ambiguous)).toEqual({ order: 'month-first', basis: 'chronology' });
  });

  it('lets the page language settle dates that read in order both ways', () => {
    expect(readConversation(loadFixture(FIXTURES.esOneToOne)).diagnostics.dateOrder).toEqual({ order: 'day-first', basis: 'locale' });
  });
});

describe('2024-12 packed era', () => {
  it('takes senders from the "Name:" labels, without the unsaved-contact word, and carries them over', () => {
    const group = readConversation(loadFixture(FIXTURES.packedGroup202412));
    expect(group.isGroup).toBe(true);
    expect(group.messages.filter((message) => message.direction === 'in').map((message) => message.sender)).toEqual([
      'Dana', 'Dana', 'Priya', 'Eli', 'Eli', 'Eli', 'Dana',
    ]);
    expect(group.diagnostics.selectorTiers.author).toBe(2);
  });

  it('does not take a one-to-one chat for a group because its bubbles carry name labels', () => {
    const oneToOne = readConversation(loadFixture(FIXTURES.packedOneToOne202412));
    expect(oneToOne.isGroup).toBe(false);
    expect(new Set(oneToOne.messages.filter((m) => m.direction === 'in').map((m) => m.sender))).toEqual(new Set(['Jordan Poe']));
  });
});
