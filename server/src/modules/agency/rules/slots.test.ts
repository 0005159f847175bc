import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appointmentIcs } from './ics.js';
import { addDays, easterSunday, generateSlots, isHoliday, LUCCA_EXTRA_HOLIDAYS, LUCCA_PLACES, romeInstant, romeOffsetMinutes } from './slots.js';

const gvai = { hours: [...LUCCA_PLACES[1].hours], slotMinutes: 30, extraHolidays: LUCCA_EXTRA_HOLIDAYS, closures: [] as string[] };
const rosa = { hours: [...LUCCA_PLACES[0].hours], slotMinutes: 30, extraHolidays: LUCCA_EXTRA_HOLIDAYS, closures: [] as string[] };

describe('counter slots', () => {
  it('GVAI: Tuesday 15:00–18:00 and Thursday 10:00–13:00 make 6 + 6 half-hour slots', () => {
    const s = generateSlots(gvai, '2026-11-23', '2026-11-29');
    expect(s.map((x) => `${x.day} ${x.time}`)).toEqual([
      '2026-11-24 15:00',
      '2026-11-24 15:30',
      '2026-11-24 16:00',
      '2026-11-24 16:30',
      '2026-11-24 17:00',
      '2026-11-24 17:30',
      '2026-11-26 10:00',
      '2026-11-26 10:30',
      '2026-11-26 11:00',
      '2026-11-26 11:30',
      '2026-11-26 12:00',
      '2026-11-26 12:30',
    ]);
    expect(s[0]?.startsAt.toISOString()).toBe('2026-11-24T14:00:00.000Z');
  });

  it('keeps wall-clock time across the change to summer time (29 March 2026) and back (25 October 2026)', () => {
    const march = generateSlots(gvai, '2026-03-23', '2026-04-01');
    expect(march.find((x) => x.day === '2026-03-24')?.startsAt.toISOString()).toBe('2026-03-24T14:00:00.000Z');
    expect(march.find((x) => x.day === '2026-03-31')?.startsAt.toISOString()).toBe('2026-03-31T13:00:00.000Z');
    const october = generateSlots(gvai, '2026-10-20', '2026-10-28');
    expect(october.find((x) => x.day === '2026-10-20')?.startsAt.toISOString()).toBe('2026-10-20T13:00:00.000Z');
    expect(october.find((x) => x.day === '2026-10-27')?.startsAt.toISOString()).toBe('2026-10-27T14:00:00.000Z');
    expect(romeInstant('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(romeOffsetMinutes(new Date('2026-07-01T00:00:00Z'))).toBe(120);
  });

  it('skips public holidays, Easter Monday, San Paolino (12 July) and closures', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(isHoliday('2026-04-06')).toBe(true);
    expect(generateSlots(gvai, '2026-06-02', '2026-06-02')).toEqual([]); // Festa della Repubblica, a Tuesday
    expect(generateSlots(gvai, '2026-12-08', '2026-12-08')).toEqual([]); // Immacolata, a Tuesday
    expect(generateSlots(rosa, '2027-07-12', '2027-07-12')).toEqual([]); // San Paolino, a Monday
    expect(generateSlots(rosa, '2027-03-29', '2027-03-29')).toEqual([]); // Easter Monday 2027
    expect(generateSlots(rosa, '2027-07-19', '2027-07-19')).toHaveLength(7);
    expect(generateSlots({ ...rosa, closures: ['2027-07-19'] }, '2027-07-19', '2027-07-19')).toEqual([]);
  });

  it('every slot lies inside the opening hours in Rome time, on a working day, without overlaps', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom(15, 20, 30, 45, 60), (offset, span, len) => {
        const from = addDays('2025-01-01', offset);
        const slots = generateSlots({ ...gvai, slotMinutes: len }, from, addDays(from, span));
        for (let i = 0; i < slots.length; i++) {
          const s = slots[i] as (typeof slots)[number];
          if (isHoliday(s.day, LUCCA_EXTRA_HOLIDAYS) || fmt.format(s.startsAt) !== s.time) {
            return false;
          }
          if (s.endsAt.getTime() - s.startsAt.getTime() !== len * 60_000) {
            return false;
          }
          if (i > 0 && (slots[i - 1] as (typeof slots)[number]).endsAt > s.startsAt) {
            return false;
          }
        }
        return true;
      }),
    );
  });
});

describe('ics', () => {
  it('writes one VEVENT in UTC with CRLF lines and escaped text', () => {
    const ics = appointmentIcs({
      uid: 'abc',
      startsAt: new Date('2026-11-24T14:00:00Z'),
      endsAt: new Date('2026-11-24T14:30:00Z'),
      createdAt: new Date('2026-11-20T10:00:00Z'),
      summary: 'Appuntamento, Agenzia',
      location: 'Via del Fosso 170; Lucca',
      description: 'Per annullare: https://example.org/x',
    });
    expect(ics).toContain('DTSTART:20261124T140000Z\r\n');
    expect(ics).toContain('SUMMARY:Appuntamento\\, Agenzia\r\n');
    expect(ics).toContain('LOCATION:Via del Fosso 170\\; Lucca\r\n');
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });
});
