import { describe, expect, it } from 'vitest';
import { createMetadataParser, inferDateOrder, parseClockTime, parseMetadata, parseWrittenDate, toLocalIso, type WrittenDate } from './timestamp';

describe('parseMetadata', () => {
  it('splits time, date and sender', () => {
    expect(parseMetadata('[13:52, 22/03/2026] +65 9000 0001: ')).toEqual({
      time: { hour: 13, minute: 52 },
      date: { yearFirst: false, first: 22, second: 3, year: 2026 },
      name: '+65 9000 0001',
    });
  });

  it('keeps a colon inside the name', () => {
    expect(parseMetadata('[8:05 pm, 12/9/2025] Dr: Who: ')?.name).toBe('Dr: Who');
  });

  it('ends the name at the last colon, whatever white space follows it', () => {
    expect(parseMetadata('[13:52, 22/03/2026] Ana:\u00a0\n')?.name).toBe('Ana');
    expect(parseMetadata('[13:52, 22/03/2026] Ana')).toBeNull();
    expect(parseMetadata('[13:52, 22/03/2026]: ')?.name).toBe('');
  });

  it('shares one date between the messages of a day, within a read', () => {
    const parse = createMetadataParser();
    const first = parse('[09:00, 22/03/2026] Ana: ')!;
    const sameDay = parse('[09:01, 22/03/2026] Ben: ')!;
    const nextDay = parse('[09:02, 23/03/2026] Ana: ')!;
    const backAgain = parse('[09:03, 22/03/2026] Ana: ')!;
    expect(sameDay.date).toBe(first.date);
    expect(nextDay.date).toEqual({ yearFirst: false, first: 23, second: 3, year: 2026 });
    expect(backAgain.date).toBe(first.date);
    expect([first, sameDay, nextDay, backAgain].map((metadata) => metadata.time)).toEqual([
      { hour: 9, minute: 0 }, { hour: 9, minute: 1 }, { hour: 9, minute: 2 }, { hour: 9, minute: 3 },
    ]);
  });

  it("reads WhatsApp's time-only prefix (contact cards and polls) as a time without a date", () => {
    expect(parseMetadata('[13:52] Ana Souza: ')).toEqual({ time: { hour: 13, minute: 52 }, date: null, name: 'Ana Souza', undated: true });
    expect(parseMetadata('[8:05 pm] Dr, Who: ')).toEqual({ time: { hour: 20, minute: 5 }, date: null, name: 'Dr, Who', undated: true });
    expect(parseMetadata('[yesterday] Ana: ')).toBeNull();
  });

  it('returns null for text that is not metadata', () => {
    expect(parseMetadata('13:52 Ana: hi')).toBeNull();
    expect(parseMetadata('')).toBeNull();
  });

  it('keeps the name when the time or date is unreadable', () => {
    expect(parseMetadata('[午後8:05, 2025/12/14] 美咲: ')).toEqual({
      time: null,
      date: { yearFirst: true, first: 12, second: 14, year: 2025 },
      name: '美咲',
    });
  });
});

describe('parseClockTime', () => {
  it.each([
    ['13:52', 13, 52],
    ['00:07', 0, 7],
    ['8:05 pm', 20, 5],
    ['8:05 am', 8, 5],
    ['10:54 PM', 22, 54],
    ['10:54 AM', 10, 54],
    ['12:03 am', 0, 3],
    ['12:15 pm', 12, 15],
    ['8:05 p.m.', 20, 5],
    ['8:05 p. m.', 20, 5],
    ['8:05\u202fPM', 20, 5],
    ['13.52', 13, 52],
    ['13:52:09', 13, 52],
  ])('reads %s', (text, hour, minute) => {
    expect(parseClockTime(text)).toEqual({ hour, minute });
  });

  it.each(['25:00', '13:60', '13 pm', '0:30 am', 'noon', ''])('refuses %s', (text) => {
    expect(parseClockTime(text)).toBeNull();
  });
});

describe('parseWrittenDate', () => {
  it.each([
    ['22/03/2026', { yearFirst: false, first: 22, second: 3, year: 2026 }],
    ['12/9/2025', { yearFirst: false, first: 12, second: 9, year: 2025 }],
    ['22.03.26', { yearFirst: false, first: 22, second: 3, year: 2026 }],
    ['22.03.2026.', { yearFirst: false, first: 22, second: 3, year: 2026 }],
    ['2026-03-22', { yearFirst: true, first: 3, second: 22, year: 2026 }],
  ])('reads %s', (text, expected) => {
    expect(parseWrittenDate(text)).toEqual(expected);
  });

  it.each(['yesterday', '22/03', '22/03/026', '222/03/2026'])('refuses %s', (text) => {
    expect(parseWrittenDate(text)).toBeNull();
  });
});

describe('inferDateOrder', () => {
  const date = (first: number, second: number, year = 2026): WrittenDate => ({ yearFirst: false, first, second, year });

  it('is day-first when a first value is over 12, month-first when a second one is', () => {
    expect(inferDateOrder([date(3, 4), date(22, 3)])).toEqual({ order: 'day-first', basis: 'values-over-12' });
    expect(inferDateOrder([date(3, 4), date(3, 22)])).toEqual({ order: 'month-first', basis: 'values-over-12' });
  });

  it('uses the oldest-first order of the chat when the values cannot tell', () => {
    // 11 Jan, 2 Feb (day-first, in order) or 1 Nov, 2 Feb (month-first, out of order).
    expect(inferDateOrder([date(11, 1), date(2, 2)])).toEqual({ order: 'day-first', basis: 'chronology' });
    expect(inferDateOrder([date(1, 11), date(2, 2)])).toEqual({ order: 'month-first', basis: 'chronology' });
  });

  it('falls back to the locale, then to day-first', () => {
    expect(inferDateOrder([date(3, 4)], 'en-US')).toEqual({ order: 'month-first', basis: 'locale' });
    expect(inferDateOrder([date(3, 4)], 'en-GB')).toEqual({ order: 'day-first', basis: 'locale' });
    expect(inferDateOrder([date(3, 4)], 'pt-BR')).toEqual({ order: 'day-first', basis: 'locale' });
    expect(inferDateOrder([date(3, 4)])).toEqual({ order: 'day-first', basis: 'default' });
  });

  it('does not trust either order when the values contradict each other', () => {
    expect(inferDateOrder([date(22, 3), date(3, 22)], 'en-US').basis).not.toBe('values-over-12');
  });

  it('needs no choice for year-first dates or no dates', () => {
    expect(inferDateOrder([{ yearFirst: true, first: 3, second: 22, year: 2026 }]).basis).toBe('year-first');
    expect(inferDateOrder([]).basis).toBe('none');
  });
});

describe('toLocalIso', () => {
  const time = { hour: 9, minute: 5 };

  it('writes an ISO local date-time without a zone', () => {
    expect(toLocalIso({ yearFirst: false, first: 22, second: 3, year: 2026 }, time, 'day-first')).toBe('2026-03-22T09:05:00');
    expect(toLocalIso({ yearFirst: false, first: 3, second: 22, year: 2026 }, time, 'month-first')).toBe('2026-03-22T09:05:00');
    expect(toLocalIso({ yearFirst: true, first: 3, second: 22, year: 2026 }, time, 'month-first')).toBe('2026-03-22T09:05:00');
  });

  it('refuses dates that do not exist', () => {
    expect(toLocalIso({ yearFirst: false, first: 31, second: 4, year: 2026 }, time, 'day-first')).toBeNull();
    expect(toLocalIso({ yearFirst: false, first: 29, second: 2, year: 2026 }, time, 'day-first')).toBeNull();
    expect(toLocalIso({ yearFirst: false, first: 29, second: 2, year: 2028 }, time, 'day-first')).toBe('2028-02-29T09:05:00');
    expect(toLocalIso({ yearFirst: false, first: 22, second: 3, year: 2026 }, time, 'month-first')).toBeNull();
  });
});
