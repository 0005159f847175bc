// Seeker × listing: what a household can afford and how well a flat fits it. Hard conditions
// (cost above what the household can pay, too few bedrooms, a missing accessibility feature,
// pets not allowed) make the pair incompatible; the rest is a 0–100 score, each part explained.

export interface Affordability {
  /** Share of the yearly income a household may spend on housing, in basis points (3,000 = 30%). */
  shareBp: number;
  /** Whether condominium expenses count with the rent. */
  includeExpenses: boolean;
}

/** The highest monthly housing cost a household can carry: income × share ÷ 12, rounded down to the cent. */
export function maxAffordableRent(annualIncomeCents: number, shareBp: number): number {
  return Math.floor((annualIncomeCents * shareBp) / 10_000 / 12);
}

export interface SeekerFacts {
  annualIncomeCents: number;
  /** An explicit ceiling set at intake (e.g. with a rent supplement) wins over the income share. */
  maxRentCents: number | null;
  minBedrooms: number;
  preferredZones: string[];
  accessibilityNeeds: string[];
  hasPets: boolean;
  wantedFrom: string | null;
}

export interface ListingFacts {
  rentCents: number;
  expensesCents: number;
  bedrooms: number;
  zone: string;
  accessibility: string[];
  petsAllowed: boolean;
  availableFrom: string;
}

export interface Line {
  code: string;
  values: Record<string, number | string>;
}

export interface Compatibility {
  compatible: boolean;
  score: number;
  ceilingCents: number;
  costCents: number;
  lines: Line[];
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Compatibility of one seeker with one listing; `today` is the day the seeker would move from when none was given. */
export function compatibility(s: SeekerFacts, l: ListingFacts, a: Affordability, today: string): Compatibility {
  const lines: Line[] = [];
  const ceiling = s.maxRentCents ?? maxAffordableRent(s.annualIncomeCents, a.shareBp);
  const cost = l.rentCents + (a.includeExpenses ? l.expensesCents : 0);
  let compatible = true;
  lines.push(
    s.maxRentCents === null
      ? { code: 'm_ceiling_income', values: { income: s.annualIncomeCents, bp: a.shareBp, ceiling } }
      : { code: 'm_ceiling_set', values: { ceiling } },
  );
  let score = 0;
  if (cost > ceiling) {
    compatible = false;
    lines.push({ code: 'm_cost_over', values: { cost, ceiling } });
  } else {
    // Up to 40 points: the more room under the ceiling, the better (full marks at 25% headroom).
    const headroomBp = ceiling === 0 ? 0 : Math.floor(((ceiling - cost) * 10_000) / ceiling);
    const pts = Math.min(40, 20 + Math.floor((headroomBp * 20) / 2_500));
    score += pts;
    lines.push({ code: 'm_cost_ok', values: { cost, ceiling, points: pts } });
  }
  if (l.bedrooms < s.minBedrooms) {
    compatible = false;
    lines.push({ code: 'm_bedrooms_few', values: { have: l.bedrooms, need: s.minBedrooms } });
  } else {
    const extra = l.bedrooms - s.minBedrooms;
    const pts = extra === 0 ? 20 : extra === 1 ? 12 : 5;
    score += pts;
    lines.push({ code: 'm_bedrooms_ok', values: { have: l.bedrooms, need: s.minBedrooms, points: pts } });
  }
  const missing = s.accessibilityNeeds.filter((n) => !l.accessibility.includes(n));
  if (missing.length > 0) {
    compatible = false;
    lines.push({ code: 'm_access_missing', values: { missing: missing.join(', ') } });
  } else if (s.accessibilityNeeds.length > 0) {
    lines.push({ code: 'm_access_ok', values: { needs: s.accessibilityNeeds.join(', ') } });
  }
  if (s.hasPets && !l.petsAllowed) {
    compatible = false;
    lines.push({ code: 'm_pets_no', values: {} });
  }
  if (s.preferredZones.length === 0 || s.preferredZones.includes(l.zone)) {
    score += 25;
    lines.push({ code: 'm_zone_ok', values: { zone: l.zone, points: 25 } });
  } else {
    lines.push({ code: 'm_zone_other', values: { zone: l.zone, points: 0 } });
  }
  const wanted = s.wantedFrom ?? today;
  const wait = daysBetween(wanted, l.availableFrom);
  const pts = wait <= 0 ? 15 : wait <= 30 ? 8 : 0;
  score += pts;
  lines.push({ code: 'm_available', values: { from: l.availableFrom, wait: Math.max(0, wait), points: pts } });
  return { compatible, score: compatible ? score : 0, ceilingCents: ceiling, costCents: cost, lines };
}
