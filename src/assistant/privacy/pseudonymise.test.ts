import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCards, findIbans, findPhones, ibanChecksumHolds, luhnHolds } from './detectors';
import { createPseudonymiser, createStreamRestorer } from './pseudonymise';
import { pseudonymiseConversation, pseudonymiserFor } from './pseudonymise-conversation';
import type { Conversation } from '../../shared/conversation';
import { collectUrls, findForeignUrls } from '../drafts/foreign-urls';

const found = (text: string, find: (text: string) => Array<{ start: number; end: number }>) =>
  find(text).map((span) => text.slice(span.start, span.end));

describe('detectors', () => {
  it('checks card numbers with Luhn and IBANs with mod 97', () => {
    expect(luhnHolds('4111111111111111')).toBe(true);
    expect(luhnHolds('4111111111111112')).toBe(false);
    expect(ibanChecksumHolds('DE89370400440532013000')).toBe(true);
    expect(ibanChecksumHolds('DE89370400440532013001')).toBe(false);
    expect(found('card 4111 1111 1111 1111, or 4111-1111-1111-1112', findCards)).toEqual(['4111 1111 1111 1111']);
    expect(found('IBAN DE89 3704 0044 0532 0130 00 THANKS, not DE89 3704 0044 0532 0130 01', findIbans)).toEqual([
      'DE89 3704 0044 0532 0130 00',
    ]);
    expect(found('GB82WEST12345698765432.', findIbans)).toEqual(['GB82WEST12345698765432']);
  });

  it('finds international and local phone numbers, and leaves dates, times and amounts alone', () => {
    const text =
      'Call +49 151 23456789 or +1 (555) 123-4567, office 030-1234567, mobile 0151 2345678, US (555) 123-4567, PT 912 345 678, bare 015123456789.';
    expect(found(text, findPhones)).toEqual([
      '+49 151 23456789',
      '+1 (555) 123-4567',
      '030-1234567',
      '0151 2345678',
      '(555) 123-4567',
      '912 345 678',
      '015123456789',
    ]);
    expect(found('On 14.05.2026 at 09:12, 2026-05-14, costs 1500 or 25.50, room 12', findPhones)).toEqual([]);
  });
});

describe('createPseudonymiser', () => {
  it('replaces each kind by a stable placeholder, the same value by the same one across texts', () => {
    const pseudonymiser = createPseudonymiser([{ name: 'Ana Souza' }, { name: 'Ben Okafor' }]);
    const first = pseudonymiser.apply('Ana Souza: mail ana@example.com or call +49 151 23456789');
    const second = pseudonymiser.apply('Ben Okafor: Ana, pay DE89 3704 0044 0532 0130 00 with 4111 1111 1111 1111; ana@example.com');
    expect(first).toBe('[PERSON_1]: mail [EMAIL_1] or call [PHONE_1]');
    expect(second).toBe('[PERSON_2]: [PERSON_3], pay [IBAN_1] with [CARD_1]; [EMAIL_1]');
    expect(pseudonymiser.restore(`${first}\n${second}`)).toBe(
      'Ana Souza: mail ana@example.com or call +49 151 23456789\nBen Okafor: Ana, pay DE89 3704 0044 0532 0130 00 with 4111 1111 1111 1111; ana@example.com',
    );
  });

  it('matches names as whole words only', () => {
    const pseudonymiser = createPseudonymiser([{ name: 'Ana' }, { name: 'Trip 2026', kind: 'GROUP' }]);
    expect(pseudonymiser.apply('Ana went to Banana Republic with Anabel; Trip 2026 is on')).toBe(
      '[PERSON_1] went to Banana Republic with Anabel; [GROUP_1] is on',
    );
  });

  it('turns a participant’s own placeholder look-alike into a placeholder too, so restoring cannot forge a name', () => {
    const pseudonymiser = createPseudonymiser([{ name: 'Ana' }]);
    const sent = pseudonymiser.apply('Ana says: tell [PERSON_1] that [EMAIL_9] is mine');
    expect(sent).toBe('[PERSON_1] says: tell [TEXT_1] that [TEXT_2] is mine');
    expect(pseudonymiser.restore('[TEXT_1] and [PERSON_1] and [PERSON_7]')).toBe('[PERSON_1] and Ana and [PERSON_7]');
  });

  const filler = fc.stringMatching(/^[a-z ]{0,12}$/);
  const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,8}[a-z]$/), fc.stringMatching(/^[a-z]{2,8}$/), fc.constantFrom('com', 'org', 'de')).map(([user, host, tld]) => `${user}@${host}.${tld}`);
  const phone = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 99 }), fc.stringMatching(/^[1-9]\d{2}$/), fc.stringMatching(/^\d{6,8}$/)).map(([cc, area, rest]) => `+${cc} ${area} ${rest}`),
    fc.tuple(fc.stringMatching(/^0[1-9]\d{2}$/), fc.stringMatching(/^\d{7}$/)).map(([area, rest]) => `${area} ${rest}`),
    fc.tuple(fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{3}$/), fc.stringMatching(/^\d{4}$/)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
  );
  const card = fc.stringMatching(/^4\d{14}$/).map(withLuhnDigit);
  const iban = fc.stringMatching(/^\d{18}$/).map((bban) => withIbanCheck('DE', bban));
  const name = fc.constantFrom('Ana Souza', 'Ben Okafor', 'Zoë', 'Mário Jorge');
  const sensitive = fc.oneof(email, phone, card, iban, name);

  it('property: nothing of a detected kind survives in the sent text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, sensitive), { minLength: 1, maxLength: 6 }), filler, (pairs, tail) => {
        const text = pairs.map(([before, value]) => `${before} ${value} `).join('') + tail;
        const pseudonymiser = createPseudonymiser([{ name: 'Ana Souza' }, { name: 'Ben Okafor' }, { name: 'Zoë' }, { name: 'Mário Jorge' }]);
        const sent = pseudonymiser.apply(text);
        for (const [, value] of pairs) expect(sent).not.toContain(value);
        expect(pseudonymiser.restore(sent)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('property: restore(apply(x)) is x for any text, with any names', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), sensitive, fc.constantFrom('[PERSON_1]', '[EMAIL_', '[TEXT_2]', '[', ']')), { maxLength: 8 }),
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 4 }),
        (parts, names) => {
          const text = parts.join('');
          const pseudonymiser = createPseudonymiser(names.map((value) => ({ name: value })));
          expect(pseudonymiser.restore(pseudonymiser.apply(text))).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('createStreamRestorer', () => {
  it('restores placeholders split across deltas, holding back only a possible placeholder tail', () => {
    const pseudonymiser = createPseudonymiser([{ name: 'Ana' }]);
    pseudonymiser.apply('Ana, +49 151 23456789');
    const restorer = createStreamRestorer(pseudonymiser);
    expect(restorer.push('Tell [PER')).toBe('Tell ');
    expect(restorer.push('SON_')).toBe('');
    expect(restorer.push('1] to call [PHONE_1')).toBe('Ana to call ');
    expect(restorer.push('] [sic] and [')).toBe('+49 151 23456789 [sic] and ');
    expect(restorer.flush()).toBe('[');
  });

  it('property: any split of the answer restores the same as the whole', () => {
    const pseudonymiser = createPseudonymiser([{ name: 'Ana Souza' }]);
    pseudonymiser.apply('Ana Souza mailed ana@example.com from +49 151 23456789');
    const answer = fc.array(fc.oneof(fc.constantFrom('[PERSON_1]', '[EMAIL_1]', '[PHONE_1]', '[PERSON_9]', '[', 'x'), fc.string()), { maxLength: 10 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(answer, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const restorer = createStreamRestorer(pseudonymiser);
        let out = '';
        let from = 0;
        for (const point of [...points, text.length]) {
          out += restorer.push(text.slice(from, point));
          from = point;
        }
        out += restorer.flush();
        expect(out).toBe(pseudonymiser.restore(text));
      }),
    );
  });
});

describe('pseudonymiseConversation', () => {
  const conversation: Conversation = {
    site: 'whatsapp',
    title: 'Ana Souza',
    isGroup: false,
    health: { status: 'ok' },
    messages: [
      { id: '1', direction: 'in', sender: 'Ana Souza', timestamp: null, text: 'My number is 0151 2345678', media: { kind: 'document', fileName: 'ana@example.com.pdf' } },
      { id: '2', direction: 'out', sender: null, timestamp: null, text: 'Ok Ana', quote: { sender: 'Ana Souza', text: 'My number is 0151 2345678' } },
    ],
  };

  it('hides title, senders, texts, quotes and file names with one mapping', () => {
    const pseudonymiser = pseudonymiserFor(conversation);
    const hidden = pseudonymiseConversation(conversation, pseudonymiser);
    expect(hidden.title).toBe('[PERSON_1]');
    expect(hidden.messages[0]).toMatchObject({ sender: '[PERSON_1]', text: 'My number is [PHONE_1]', media: { fileName: '[EMAIL_1]' } });
    expect(hidden.messages[1]).toMatchObject({ sender: null, text: 'Ok [PERSON_2]', quote: { sender: '[PERSON_1]', text: 'My number is [PHONE_1]' } });
    expect(JSON.stringify(hidden)).not.toMatch(/Ana|2345678|example/);
  });

  it("hides a shared contact's name wherever it appears, and treats poll options as text", () => {
    const shared: Conversation = {
      site: 'whatsapp',
      title: 'Lisbon weekend',
      isGroup: true,
      health: { status: 'ok' },
      messages: [
        { id: '1', direction: 'in', sender: 'Ben Okafor', timestamp: null, text: '', media: { kind: 'contact', contactName: 'Sofia Marques' } },
        { id: '2', direction: 'in', sender: 'Rita', timestamp: null, text: '', media: { kind: 'contact', contactName: 'Marta Silva and 2 other contacts' } },
        { id: '3', direction: 'out', sender: null, timestamp: null, text: 'Thanks, I will call Sofia tomorrow' },
        {
          id: '4',
          direction: 'in',
          sender: 'Ana Lima',
          timestamp: null,
          text: 'Who books?',
          media: { kind: 'poll', options: ['Sofia Marques', 'Ben', 'Call 0151 2345678', 'Pizza'] },
        },
      ],
    };
    const pseudonymiser = pseudonymiserFor(shared);
    const hidden = pseudonymiseConversation(shared, pseudonymiser);
    const sofia = hidden.messages[0]!.media!.contactName!;
    expect(sofia).toMatch(/^\[PERSON_\d+\]$/);
    expect(hidden.messages[1]!.media!.contactName).toMatch(/^\[PERSON_\d+\]$/);
    // The given name alone, as people write it, is hidden too, as it is for senders.
    expect(hidden.messages[2]!.text).toMatch(/^Thanks, I will call \[PERSON_\d+\] tomorrow$/);
    // Options go through the same detectors and names as message text: a name (a sender's given name too) or a
    // number is hidden, any other word stays.
    const ben = pseudonymiser.apply('Ben');
    expect(ben).toMatch(/^\[PERSON_\d+\]$/);
    expect(hidden.messages[3]!.media).toEqual({ kind: 'poll', options: [sofia, ben, 'Call [PHONE_1]', 'Pizza'] });
    expect(JSON.stringify(hidden)).not.toMatch(/Sofia|Marta|Ben|2345678/);
    expect(pseudonymiser.restore(sofia)).toBe('Sofia Marques');
  });
});

function withLuhnDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit += 1) if (luhnHolds(`${body}${digit}`)) return `${body}${digit}`;
  throw new Error('unreachable');
}

function withIbanCheck(country: string, bban: string): string {
  for (let check = 2; check <= 98; check += 1) {
    const candidate = `${country}${String(check).padStart(2, '0')}${bban}`;
    if (ibanChecksumHolds(candidate)) return candidate;
  }
  throw new Error('unreachable');
}

// Red team: a participant writes a link holding placeholder look-alikes, hoping that the model's echo of it is
// restored into a link that carries a real name or address yet still passes as "the chat's link" (no warning).
describe('restoring never lets a link carry a real value past the draft check', () => {
  it('property: a restored draft link that differs from the chat link is flagged as not in the chat', () => {
    const placeholder = fc.constantFrom('[PERSON_1]', '[PERSON_2]', '[EMAIL_1]', '[PHONE_1]', '[GROUP_1]', '[TEXT_1]', '[TEXT_2]');
    fc.assert(
      fc.property(fc.array(placeholder, { minLength: 1, maxLength: 3 }), fc.array(placeholder, { minLength: 1, maxLength: 3 }), (typed, echoed) => {
        const pseudonymiser = createPseudonymiser([{ name: 'Family and friends', kind: 'GROUP' }, { name: 'Rui Mendes' }, { name: 'Sam Reyes' }]);
        const chat = [`write to rui@evil.example or +44 7700 900123, Rui: https://evil.example/?q=${typed.join('&')}`];
        // What the background does: apply to the chat, collect its links from the restored source texts.
        const sent = chat.map((text) => pseudonymiser.apply(text));
        const chatUrls = collectUrls(sent.map((text) => pseudonymiser.restore(text)));
        const restorer = createStreamRestorer(pseudonymiser);
        const draft = restorer.push(`Here: https://evil.example/?q=${echoed.join('&')}`) + restorer.flush();
        const draftLink = draft.slice('Here: '.length);
        const flagged = findForeignUrls(draft, chatUrls).length > 0;
        // Unflagged only when the restored link is, byte for byte, the one the participant wrote.
        expect(flagged || chatUrls.includes(draftLink)).toBe(true);
        if (/Rui|Sam|rui@evil|7700/.test(draftLink)) expect(flagged).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
