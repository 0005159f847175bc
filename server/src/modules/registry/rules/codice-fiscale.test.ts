import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  checkCharacter,
  decodeCodiceFiscale,
  generateCodiceFiscale,
  nameCode,
  omocode,
  surnameCode,
  validateCodiceFiscale,
} from './codice-fiscale.js';

describe('codice fiscale — hand-computed cases (DOMAIN.md §7)', () => {
  it('check characters', () => {
    expect(checkCharacter('MRTMTT25D09F205')).toBe('Z');
    expect(checkCharacter('RSSMRA85T10E715')).toBe('D');
  });

  it('generates Mario Rossi, born in Lucca on 10 Dec 1985', () => {
    expect(generateCodiceFiscale({ familyName: 'Rossi', givenName: 'Mario', birthDate: '1985-12-10', sex: 'M', birthPlaceCode: 'E715' })).toBe(
      'RSSMRA85T10E715D',
    );
  });

  it('name and surname rules', () => {
    expect(surnameCode('Fo')).toBe('FOX');
    expect(surnameCode("D'Amico")).toBe('DMC');
    expect(nameCode('Gianfranco')).toBe('GFR'); // 4+ consonants: 1st, 3rd, 4th
    expect(nameCode('Luca')).toBe('LCU');
    expect(nameCode('Niccolò')).toBe('NCL');
  });

  it('decodes a woman (day + 40) and cross-checks declared data', () => {
    const cf = generateCodiceFiscale({ familyName: 'Bianchi', givenName: 'Giulia', birthDate: '1992-02-29', sex: 'F', birthPlaceCode: 'E715' });
    const ok = validateCodiceFiscale(cf, { birthDate: '1992-02-29', sex: 'F', birthPlaceCode: 'E715' });
    expect(ok.ok && ok.value).toMatchObject({ sex: 'F', day: 29, month: 2, birthPlaceCode: 'E715' });
    expect(validateCodiceFiscale(cf, { sex: 'M' })).toEqual({ ok: false, error: 'cf.sex_mismatch' });
    expect(validateCodiceFiscale(cf, { birthDate: '1992-03-29' })).toEqual({ ok: false, error: 'cf.birth_date_mismatch' });
    expect(validateCodiceFiscale(cf, { birthPlaceCode: 'F205' })).toEqual({ ok: false, error: 'cf.birth_place_mismatch' });
  });

  it('refuses impossible days and bad structure', () => {
    const bad31Feb = 'RSSMRA85B31E715';
    expect(decodeCodiceFiscale(bad31Feb + checkCharacter(bad31Feb))).toEqual({ ok: false, error: 'cf.day' });
    expect(decodeCodiceFiscale('RSSMRA85T10E715')).toEqual({ ok: false, error: 'cf.format' });
    expect(decodeCodiceFiscale('RSSMRA85T10E715X')).toEqual({ ok: false, error: 'cf.check' });
    expect(decodeCodiceFiscale(' rssmra85t10e715d ').ok).toBe(true);
  });

  it('accepts omocodes and decodes them to the same person', () => {
    const cf = 'RSSMRA85T10E715D';
    const o = omocode(cf, 1);
    expect(o).toBe(`RSSMRA85T10E71R${checkCharacter('RSSMRA85T10E71R')}`);
    const decoded = decodeCodiceFiscale(o);
    expect(decoded.ok && decoded.value.canonical).toBe(cf);
    expect(decoded.ok && decoded.value.omocode).toBe(true);
  });
});

const person = fc.record({
  familyName: fc.stringMatching(/^[A-Za-z' ]{1,20}$/),
  givenName: fc.stringMatching(/^[A-Za-z ]{1,20}$/),
  birthDate: fc
    .date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  sex: fc.constantFrom('M' as const, 'F' as const),
  birthPlaceCode: fc.tuple(fc.constantFrom(...'ABCDEFGHILMZ'.split('')), fc.integer({ min: 0, max: 999 })).map(([l, n]) => `${l}${String(n).padStart(3, '0')}`),
});

describe('codice fiscale — properties', () => {
  it('every generated code (and every omocode of it) is valid and agrees with the data it came from', () => {
    fc.assert(
      fc.property(person, fc.integer({ min: 0, max: 7 }), (p, level) => {
        const cf = generateCodiceFiscale(p);
        const code = level === 0 ? cf : omocode(cf, level);
        const r = validateCodiceFiscale(code, p);
        expect(r.ok).toBe(true);
        expect(canonicalize(code).slice(0, 15)).toBe(cf.slice(0, 15));
      }),
    );
  });

  it('every single-character corruption of a valid code is rejected', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    fc.assert(
      fc.property(person, fc.integer({ min: 0, max: 15 }), fc.constantFrom(...alphabet.split('')), (p, pos, ch) => {
        const cf = generateCodiceFiscale(p);
        fc.pre(cf[pos] !== ch);
        const corrupted = cf.slice(0, pos) + ch + cf.slice(pos + 1);
        expect(decodeCodiceFiscale(corrupted).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
