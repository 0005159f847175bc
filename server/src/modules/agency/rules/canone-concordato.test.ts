import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreedRentRange, type FlatInput, LUCCA_AGREEMENT, rentPosition, zoneOfNeighbourhood } from './canone-concordato.js';
import { explainLine } from './explain.js';
import { validatePartitaIva, vatCheckDigit } from './fiscal-id.js';

const flat = (o: Partial<FlatInput>): FlatInput => ({
  zone: 'B',
  subBand: '2',
  surfaceM2Tenths: 625,
  elements: [],
  furnishing: 'none',
  contractType: 'agevolato',
  ...o,
});

describe('agreed rent, Lucca preset, by hand', () => {
  it('semicentro, recent building, 62.5 m², 5 elements, partly furnished → 481.69 € … 593.91 €', () => {
    // Band B/2: 6.20 … 10.00 €/m²; 5 elements → tier 2 (30% … 75% of the 3.80 € span):
    // 6.20 + 1.14 = 7.34 €/m², 6.20 + 2.85 = 9.05 €/m². Partly furnished +5%.
    // 7.34 × 62.5 × 1.05 = 481.6875 → 481.69 €; 9.05 × 62.5 × 1.05 = 593.90625 → 593.91 €.
    const r = agreedRentRange(
      LUCCA_AGREEMENT,
      flat({ elements: ['lift', 'autonomous_heating', 'double_glazing', 'balcony', 'cellar'], furnishing: 'partial' }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) {
      return;
    }
    expect([r.tierMinM2Cents, r.tierMaxM2Cents]).toEqual([734, 905]);
    expect([r.minCents, r.maxCents]).toEqual([48_169, 59_391]);
    expect(r.lines.map((l) => l.code)).toEqual(['cc_band', 'cc_elements', 'cc_tier', 'cc_furnishing', 'cc_result']);
    expect(rentPosition(48_169, r)).toBe('inside');
    expect(rentPosition(59_391, r)).toBe('inside');
    expect(rentPosition(59_392, r)).toBe('above');
    expect(rentPosition(48_168, r)).toBe('below');
    expect(explainLine(r.lines[4] as never, 'it')).toContain('481,69');
  });

  it('centro storico, old building, 40 m², no elements, transitorio → 336.00 € … 412.80 €', () => {
    // Band A/1: 7.00 … 11.00; tier 1 (0 … 40%): 7.00 … 8.60 €/m². Small flat +10%, transitorio +10% → ×1.20.
    // 7.00 × 40 × 1.2 = 336.00 €; 8.60 × 40 × 1.2 = 412.80 €.
    const r = agreedRentRange(LUCCA_AGREEMENT, flat({ zone: 'A', subBand: '1', surfaceM2Tenths: 400, contractType: 'transitorio' }));
    expect(r.ok && [r.minCents, r.maxCents]).toEqual([33_600, 41_280]);
  });

  it('periferia, 130 m², 8 elements, furnished, students → 964.28 € … 1,121.25 €', () => {
    // Band C/1: 4.50 … 7.50; tier 3 (65% … 100%): 4.50 + 1.95 = 6.45 … 7.50 €/m².
    // Large −5%, furnished +15%, students +5% → ×1.15. 6.45 × 130 × 1.15 = 964.275 → 964.28 €; 7.50 × 130 × 1.15 = 1,121.25 €.
    const elements = ['lift', 'autonomous_heating', 'double_glazing', 'parking', 'garden', 'balcony', 'cellar', 'second_bathroom'];
    const r = agreedRentRange(
      LUCCA_AGREEMENT,
      flat({ zone: 'C', subBand: '1', surfaceM2Tenths: 1300, elements, furnishing: 'full', contractType: 'studenti' }),
    );
    expect(r.ok && [r.minCents, r.maxCents, r.adjustmentBp]).toEqual([96_428, 112_125, 1_500]);
  });

  it('unknown zone, sub-band or surface are refused; unknown elements are ignored', () => {
    expect(agreedRentRange(LUCCA_AGREEMENT, flat({ zone: 'Z' }))).toEqual({ ok: false, error: 'zone_unknown' });
    expect(agreedRentRange(LUCCA_AGREEMENT, flat({ subBand: '9' }))).toEqual({ ok: false, error: 'sub_band_unknown' });
    expect(agreedRentRange(LUCCA_AGREEMENT, flat({ surfaceM2Tenths: 0 }))).toEqual({ ok: false, error: 'surface_invalid' });
    const a = agreedRentRange(LUCCA_AGREEMENT, flat({ elements: ['pool', 'helipad'] }));
    expect(a.ok && a.elementCount).toBe(0);
  });

  it('neighbourhoods map to zones', () => {
    expect(zoneOfNeighbourhood(LUCCA_AGREEMENT, 'Pontetetto')).toBe('C');
    expect(zoneOfNeighbourhood(LUCCA_AGREEMENT, 'Centro storico')).toBe('A');
    expect(zoneOfNeighbourhood(LUCCA_AGREEMENT, 'Atlantide')).toBeNull();
  });
});

const zoneBand = fc.constantFrom(...LUCCA_AGREEMENT.zones.flatMap((z) => z.subBands.map((b) => [z.code, b.code] as const)));
const elementCodes = LUCCA_AGREEMENT.elements.map((e) => e.code);

describe('agreed rent, properties', () => {
  it('min ≤ max, both positive, and the position agrees with the bounds', () => {
    fc.assert(
      fc.property(
        zoneBand,
        fc.integer({ min: 100, max: 5000 }),
        fc.subarray(elementCodes),
        fc.constantFrom('none', 'partial', 'full'),
        fc.constantFrom('agevolato', 'transitorio', 'studenti'),
        fc.integer({ min: 1, max: 500_000 }),
        ([zone, subBand], surface, elements, furnishing, contractType, asked) => {
          const r = agreedRentRange(LUCCA_AGREEMENT, { zone, subBand, surfaceM2Tenths: surface, elements, furnishing, contractType } as FlatInput);
          if (!r.ok) {
            return false;
          }
          const pos = rentPosition(asked, r);
          return r.minCents > 0 && r.minCents <= r.maxCents && (pos === 'inside') === (asked >= r.minCents && asked <= r.maxCents);
        },
      ),
    );
  });

  it('one more objective element never lowers the range', () => {
    fc.assert(
      fc.property(zoneBand, fc.integer({ min: 470, max: 1190 }), fc.subarray(elementCodes), ([zone, subBand], surface, elements) => {
        const missing = elementCodes.find((c) => !elements.includes(c));
        if (!missing) {
          return true;
        }
        const base = { zone, subBand, surfaceM2Tenths: surface, furnishing: 'none', contractType: 'agevolato' } as const;
        const a = agreedRentRange(LUCCA_AGREEMENT, { ...base, elements });
        const b = agreedRentRange(LUCCA_AGREEMENT, { ...base, elements: [...elements, missing] });
        return a.ok && b.ok && b.minCents >= a.minCents && b.maxCents >= a.maxCents;
      }),
    );
  });

  it('a larger flat in the same size class never has a lower range', () => {
    fc.assert(
      fc.property(zoneBand, fc.integer({ min: 470, max: 1180 }), fc.integer({ min: 1, max: 10 }), ([zone, subBand], s, d) => {
        const base = { zone, subBand, elements: ['lift'], furnishing: 'none' as const, contractType: 'agevolato' as const };
        const a = agreedRentRange(LUCCA_AGREEMENT, { ...base, surfaceM2Tenths: s });
        const b = agreedRentRange(LUCCA_AGREEMENT, { ...base, surfaceM2Tenths: Math.min(1190, s + d) });
        return a.ok && b.ok && b.minCents >= a.minCents && b.maxCents >= a.maxCents;
      }),
    );
  });
});

describe('partita IVA', () => {
  it('by hand: 00378210462 (Comune di Lucca) is valid; one digit changed is not', () => {
    // Odd places 0+3+8+1+4 = 16; even places doubled 0, 14→5, 4, 0, 12→3 = 12; 28 → (10 − 8) = 2.
    expect(vatCheckDigit('0037821046')).toBe(2);
    expect(validatePartitaIva('IT 00378210462')).toEqual({ ok: true, value: '00378210462' });
    expect(validatePartitaIva('00378210463')).toEqual({ ok: false, error: 'landlord.vat_check' });
    expect(validatePartitaIva('0037821046')).toEqual({ ok: false, error: 'landlord.vat_format' });
    expect(validatePartitaIva('00000000000')).toEqual({ ok: false, error: 'landlord.vat_format' });
  });

  it('ten digits plus their check digit always validate; changing one digit breaks it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{10}$/), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (ten, pos, delta) => {
        const full = `${ten}${vatCheckDigit(ten)}`;
        if (full === '00000000000') {
          return true;
        }
        const digit = (Number(full[pos]) + delta) % 10;
        const broken = `${full.slice(0, pos)}${digit}${full.slice(pos + 1)}`;
        return validatePartitaIva(full).ok && !validatePartitaIva(broken).ok;
      }),
    );
  });
});
