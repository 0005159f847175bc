import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, parseStockCsv, writeStockCsv } from './csv.js';
import { overlaps, romeDay } from './periods.js';

const HEADER = 'unit_code,surface_m2,rooms,bedrooms,beds,owner_kind,building_address,building_city';
const row = (cells: Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>>) =>
  Object.fromEntries(CSV_COLUMNS.map((c) => [c, cells[c] ?? null])) as Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>;

describe('CSV row validation', () => {
  it('accepts a minimal row and fills the defaults', () => {
    const { rows, errors } = parseStockCsv(`${HEADER}\nA-1,"62,5",3,2,4,municipality,via Turati 150,Lucca\n`, 'it');
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 2, row: { unit_code: 'A-1', surface_m2: 62.5, rooms: 3, accessibility: null, estate_name: null } });
  });

  it('reports each bad cell with line, column and a message in the request language', () => {
    const text = `${HEADER},energy_class,building_lift\nA-1,big,3,2,4,duke,via Turati 150,Lucca,Z,forse\nA-2,50,2,3,2,private,via Turati 150,Lucca,b,sì\n`;
    const it = parseStockCsv(text, 'it').errors;
    expect(it.map((e) => `${e.line}:${e.field}:${e.code}`)).toEqual([
      '2:surface_m2:stock.csv.number',
      '2:energy_class:stock.csv.enum',
      '2:owner_kind:stock.csv.enum',
      '2:building_lift:stock.csv.boolean',
      '3:bedrooms:stock.bedrooms_rooms',
    ]);
    expect(it[0]?.message).toBe('Serve un numero (es. 62.5).');
    expect(parseStockCsv(text, 'en').errors[0]?.message).toBe('A number is required (e.g. 62.5).');
  });

  it('finds duplicate codes and rows that disagree on their building', () => {
    const text = [
      `${HEADER},building_year_built`,
      'A-1,50,2,1,2,municipality,via Pisana 112,Lucca,1980',
      'A-1,50,2,1,2,municipality,via Pisana 112,Lucca,',
      'A-3,50,2,1,2,municipality,VIA PISANA 112,lucca,1981',
    ].join('\n');
    expect(parseStockCsv(text, 'it').errors.map((e) => `${e.line}:${e.field}:${e.code}`)).toEqual([
      '3:unit_code:stock.csv.duplicate_code',
      '4:building_year_built:stock.csv.building_mismatch',
    ]);
  });

  it('checks the header and survives broken quoting', () => {
    expect(parseStockCsv('', 'it').errors[0]?.code).toBe('stock.csv.empty');
    const header = parseStockCsv('unit_code,colour\n', 'it').errors.map((e) => `${e.field}:${e.code}`);
    expect(header).toContain('colour:stock.csv.unknown_column');
    expect(header).toContain('surface_m2:stock.csv.missing_column');
    expect(parseStockCsv(`${HEADER}\n"A-1,50\n`, 'it').errors[0]?.code).toBe('stock.csv.malformed');
    expect(parseStockCsv(`${HEADER}\nA-1,50\n`, 'it').errors[0]).toMatchObject({ line: 2, field: '(row)', code: 'stock.csv.column_count' });
  });

  it('reads back what it writes, whatever the text (quotes, commas, accents, new lines)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 60 }), fc.string({ minLength: 0, maxLength: 60 }), (notes, neighbourhood) => {
        const cleanNotes = notes.trim();
        const cleanHood = neighbourhood.trim();
        const text = writeStockCsv([
          row({
            unit_code: 'X-1',
            surface_m2: 40.5,
            rooms: 2,
            bedrooms: 1,
            beds: 2,
            owner_kind: 'private',
            building_address: 'via dell’Angelo Custode 5',
            building_city: 'Lucca',
            notes: cleanNotes || null,
            building_neighbourhood: cleanHood || null,
            building_lift: true,
          }),
        ]);
        const { rows, errors } = parseStockCsv(text, 'it');
        if (cleanHood.length > 100 || cleanNotes.length > 2000) {
          return;
        }
        expect(errors).toEqual([]);
        expect(rows[0]?.row.notes).toBe(cleanNotes || null);
        expect(rows[0]?.row.building_neighbourhood).toBe(cleanHood || null);
        expect(rows[0]?.row.building_lift).toBe(true);
      }),
    );
  });
});

describe('periods', () => {
  it("takes today's date in Europe/Rome, not UTC", () => {
    expect(romeDay(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(romeDay(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
    expect(romeDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('treats periods as [from, to) with an open end', () => {
    expect(overlaps({ from: '2024-01-01', to: '2024-06-01' }, { from: '2024-06-01', to: null })).toBe(false);
    expect(overlaps({ from: '2024-01-01', to: null }, { from: '2030-01-01', to: '2030-02-01' })).toBe(true);
    expect(overlaps({ from: '2024-01-01', to: '2024-06-01' }, { from: '2023-01-01', to: '2024-01-02' })).toBe(true);
  });
});
