// Canone concordato (L. 431/1998 art. 2 c. 3; D.M. 16 gennaio 2017): the allowed monthly rent of
// a flat from the local territorial agreement. The agreement splits the Comune into zones, gives
// each zone (and sub-band, e.g. by building age) a range in €/m²/month, and lists objective
// elements (lift, heating, garden …) whose count places the flat inside the range. Surface,
// furnishing and contract type then adjust the result. Pure: integer cents, no I/O.

export const CONTRACT_TYPES = ['agevolato', 'transitorio', 'studenti'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const FURNISHINGS = ['none', 'partial', 'full'] as const;
export type Furnishing = (typeof FURNISHINGS)[number];

export interface SubBand {
  code: string;
  label: string;
  /** €/m² per month, in cents. */
  minM2Cents: number;
  maxM2Cents: number;
}
export interface Zone {
  code: string;
  name: string;
  /** Neighbourhoods (lower-case) that fall in the zone: the UI proposes the zone from the address. */
  neighbourhoods: string[];
  subBands: SubBand[];
}
export interface Tier {
  /** The tier applies from this many objective elements upwards (tiers ascending, first = 0). */
  minElements: number;
  /** The part of the band the tier covers, in basis points of (max − min): 0…10,000. */
  fromBp: number;
  toBp: number;
}
export interface AgreementParams {
  name: string;
  /** False while the €/m² values were not copied from the signed agreement (DOMAIN.md §4). */
  verified: boolean;
  zones: Zone[];
  elements: { code: string; label: string }[];
  tiers: Tier[];
  /** Small flats earn a surcharge, large ones a reduction (both on the whole range). */
  smallUpToM2: number;
  smallIncreaseBp: number;
  largeFromM2: number;
  largeDecreaseBp: number;
  furnishingIncreaseBp: Record<Furnishing, number>;
  contractTypeIncreaseBp: Record<ContractType, number>;
}

export interface FlatInput {
  zone: string;
  subBand: string;
  /** Superficie convenzionale in tenths of m² (62.5 m² = 625). */
  surfaceM2Tenths: number;
  elements: string[];
  furnishing: Furnishing;
  contractType: ContractType;
}

export interface Line {
  code: string;
  values: Record<string, number | string>;
}

export type RangeResult =
  | {
      ok: true;
      minCents: number;
      maxCents: number;
      tierMinM2Cents: number;
      tierMaxM2Cents: number;
      elementCount: number;
      adjustmentBp: number;
      lines: Line[];
    }
  | { ok: false; error: 'zone_unknown' | 'sub_band_unknown' | 'surface_invalid' };

export type RentPosition = 'below' | 'inside' | 'above';

/** The agreed-rent range of a flat, with one explanation line per step. */
export function agreedRentRange(p: AgreementParams, flat: FlatInput): RangeResult {
  const zone = p.zones.find((z) => z.code === flat.zone);
  if (!zone) {
    return { ok: false, error: 'zone_unknown' };
  }
  const band = zone.subBands.find((b) => b.code === flat.subBand);
  if (!band) {
    return { ok: false, error: 'sub_band_unknown' };
  }
  if (!Number.isInteger(flat.surfaceM2Tenths) || flat.surfaceM2Tenths <= 0) {
    return { ok: false, error: 'surface_invalid' };
  }
  const lines: Line[] = [];
  lines.push({ code: 'cc_band', values: { zone: zone.name, subBand: band.label, min: band.minM2Cents, max: band.maxM2Cents } });

  const known = new Set(p.elements.map((e) => e.code));
  const present = [...new Set(flat.elements)].filter((e) => known.has(e));
  const count = present.length;
  const tiers = [...p.tiers].sort((a, b) => a.minElements - b.minElements);
  const tierIndex = tiers.reduce((found, t, i) => (count >= t.minElements ? i : found), 0);
  const tier = tiers[tierIndex] ?? { minElements: 0, fromBp: 0, toBp: 10_000 };
  const span = band.maxM2Cents - band.minM2Cents;
  const tierMin = band.minM2Cents + Math.round((span * tier.fromBp) / 10_000);
  const tierMax = band.minM2Cents + Math.round((span * tier.toBp) / 10_000);
  lines.push({ code: 'cc_elements', values: { count, list: present.join(', ') || '—' } });
  lines.push({ code: 'cc_tier', values: { tier: tierIndex + 1, from: tier.fromBp, to: tier.toBp, min: tierMin, max: tierMax } });

  const m2 = flat.surfaceM2Tenths / 10;
  let adjustment = 0;
  if (m2 <= p.smallUpToM2 && p.smallIncreaseBp !== 0) {
    adjustment += p.smallIncreaseBp;
    lines.push({ code: 'cc_small', values: { upTo: p.smallUpToM2, bp: p.smallIncreaseBp } });
  } else if (m2 >= p.largeFromM2 && p.largeDecreaseBp !== 0) {
    adjustment -= p.largeDecreaseBp;
    lines.push({ code: 'cc_large', values: { from: p.largeFromM2, bp: p.largeDecreaseBp } });
  }
  const furnishBp = p.furnishingIncreaseBp[flat.furnishing] ?? 0;
  if (furnishBp !== 0) {
    adjustment += furnishBp;
    lines.push({ code: 'cc_furnishing', values: { furnishing: flat.furnishing, bp: furnishBp } });
  }
  const contractBp = p.contractTypeIncreaseBp[flat.contractType] ?? 0;
  if (contractBp !== 0) {
    adjustment += contractBp;
    lines.push({ code: 'cc_contract', values: { contractType: flat.contractType, bp: contractBp } });
  }
  // cents/m² × tenths × (10,000 + bp) / 100,000, rounded half up to the cent once, at the end.
  const factor = 10_000 + adjustment;
  const minCents = Math.max(0, Math.round((tierMin * flat.surfaceM2Tenths * factor) / 100_000));
  const maxCents = Math.max(minCents, Math.round((tierMax * flat.surfaceM2Tenths * factor) / 100_000));
  lines.push({ code: 'cc_result', values: { surface: flat.surfaceM2Tenths, bp: adjustment, min: minCents, max: maxCents } });
  return { ok: true, minCents, maxCents, tierMinM2Cents: tierMin, tierMaxM2Cents: tierMax, elementCount: count, adjustmentBp: adjustment, lines };
}

/** Where the asked rent falls against the range (bounds included). */
export function rentPosition(askedCents: number, range: { minCents: number; maxCents: number }): RentPosition {
  if (askedCents < range.minCents) {
    return 'below';
  }
  return askedCents > range.maxCents ? 'above' : 'inside';
}

/** The zone of a neighbourhood, when the agreement lists it. */
export function zoneOfNeighbourhood(p: AgreementParams, neighbourhood: string | null | undefined): string | null {
  if (!neighbourhood) {
    return null;
  }
  const n = neighbourhood.trim().toLowerCase();
  return p.zones.find((z) => z.neighbourhoods.includes(n))?.code ?? null;
}

/**
 * Lucca preset. The zones follow the city's shape (centro storico, semicentro, periferia,
 * frazioni); the €/m² values are NOT those of the Accordo Territoriale of 14 March 2019, which
 * were not available (DOMAIN.md §4): `verified: false`, and every number is editable per ente.
 */
export const LUCCA_AGREEMENT: AgreementParams = {
  name: 'Accordo territoriale Comune di Lucca (in vigore dal 1° aprile 2019) – valori dimostrativi da verificare',
  verified: false,
  zones: [
    {
      code: 'A',
      name: 'Centro storico',
      neighbourhoods: ['centro storico'],
      subBands: [
        { code: '1', label: 'Edifici ante 1970', minM2Cents: 700, maxM2Cents: 1100 },
        { code: '2', label: 'Edifici dal 1970 o ristrutturati', minM2Cents: 800, maxM2Cents: 1250 },
      ],
    },
    {
      code: 'B',
      name: 'Semicentro',
      neighbourhoods: ['sant’anna', "sant'anna", 'san concordio', 'san vito', 'arancio', 'san marco', 'borgo giannotti'],
      subBands: [
        { code: '1', label: 'Edifici ante 1970', minM2Cents: 550, maxM2Cents: 900 },
        { code: '2', label: 'Edifici dal 1970 o ristrutturati', minM2Cents: 620, maxM2Cents: 1000 },
      ],
    },
    {
      code: 'C',
      name: 'Periferia',
      neighbourhoods: ['pontetetto', 'montuolo', 'sant’alessio', "sant'alessio", 'san filippo', 'picciorana', 'santa maria a colle'],
      subBands: [
        { code: '1', label: 'Edifici ante 1970', minM2Cents: 450, maxM2Cents: 750 },
        { code: '2', label: 'Edifici dal 1970 o ristrutturati', minM2Cents: 500, maxM2Cents: 820 },
      ],
    },
    {
      code: 'D',
      name: 'Frazioni collinari e Oltreserchio',
      neighbourhoods: ['saltocchio', 'ponte a moriano', 'nozzano', 'san macario', 'mutigliano', 'arsina'],
      subBands: [
        { code: '1', label: 'Edifici ante 1970', minM2Cents: 400, maxM2Cents: 650 },
        { code: '2', label: 'Edifici dal 1970 o ristrutturati', minM2Cents: 450, maxM2Cents: 720 },
      ],
    },
  ],
  elements: [
    { code: 'lift', label: 'Ascensore' },
    { code: 'autonomous_heating', label: 'Riscaldamento autonomo' },
    { code: 'double_glazing', label: 'Doppi vetri' },
    { code: 'parking', label: 'Posto auto o garage' },
    { code: 'garden', label: 'Giardino o cortile' },
    { code: 'balcony', label: 'Balcone o terrazza' },
    { code: 'cellar', label: 'Cantina o soffitta' },
    { code: 'second_bathroom', label: 'Secondo bagno' },
    { code: 'air_conditioning', label: 'Aria condizionata' },
    { code: 'renovated', label: 'Ristrutturato negli ultimi 10 anni' },
    { code: 'energy_class_high', label: 'Classe energetica A–C' },
  ],
  tiers: [
    { minElements: 0, fromBp: 0, toBp: 4_000 },
    { minElements: 4, fromBp: 3_000, toBp: 7_500 },
    { minElements: 7, fromBp: 6_500, toBp: 10_000 },
  ],
  smallUpToM2: 46,
  smallIncreaseBp: 1_000,
  largeFromM2: 120,
  largeDecreaseBp: 500,
  furnishingIncreaseBp: { none: 0, partial: 500, full: 1_500 },
  contractTypeIncreaseBp: { agevolato: 0, transitorio: 1_000, studenti: 500 },
};
