// Rent rules: pure functions from a rule's parameters and a household's income to a yearly rent,
// its 12 monthly instalments and a line-by-line explanation. Money in integer cents; every
// percentage is in basis points (bp, 700 = 7%) and rounds to the cent, halves up (money.ts).
import { divRound, monthlyInstalments, percentOf } from './money.js';

/**
 * Tuscan ERP rent (L.R. Toscana 2/2019 artt. 22–26 as amended by L.R. 51/2020; see DOMAIN.md §1.4).
 * Verified: canone sociale 7% of income for incomes ≤ 2 INPS minimum pensions from protected
 * sources only, minimum rent 40 €/month, valore locativo 4.00 €/m²/month as ceiling. Unverified
 * (hence parameters): the 2019 band percentages (defaults from the old L.R. 96/1996 regime),
 * the family-load deduction and the Allegato C coefficients.
 */
export interface ErpTuscanyParams {
  kind: 'erp_tuscany';
  /** Canone minimo per month. */
  minimumRentCents: number;
  /** INPS trattamento minimo for a year (yearly parameter). */
  inpsMinimumPensionYearCents: number;
  /** Canone sociale applies at or below this many minimum pensions. */
  socialIncomeMultiple: number;
  /** Canone sociale share of the conventional income. */
  socialBp: number;
  /** Bands of conventional income (ascending; the last has no upper limit) and their share. */
  bands: { upToCents: number | null; bp: number }[];
  /** Deduction from the income per dependent family member ("carico di famiglia"). */
  dependantDeductionCents: number;
  /** Valore locativo convenzionale: cents per m² per month … */
  valoreLocativoM2Cents: number;
  /** … times the Allegato C corrective coefficients, as one coefficient in bp (10000 = 1.00). */
  valoreLocativoCoefficientBp: number;
}

/** Collaborative housing: a share of the household's income (or ISEE), within a floor and a cap. */
export interface SustainableShareParams {
  kind: 'sustainable_share';
  base: 'income' | 'isee';
  shareBp: number;
  floorCents: number;
  capCents: number;
}

/** Housing First: a fixed contribution, or a share of income within a floor and a cap. */
export interface HousingFirstParams {
  kind: 'housing_first';
  mode: 'fixed' | 'income_share';
  fixedCents: number;
  shareBp: number;
  floorCents: number;
  capCents: number;
}

export type RentRuleParams = ErpTuscanyParams | SustainableShareParams | HousingFirstParams;

export interface RentInput {
  /** Sum of the household's yearly taxable incomes. */
  annualIncomeCents: number;
  /** True when all income comes from employment, pension or the listed benefits (art. 24). */
  protectedIncomeOnly: boolean;
  iseeCents: number | null;
  dependants: number;
  /** Conventional surface of the unit in tenths of m² (62.5 m² = 625). */
  surfaceM2Tenths: number;
}

/** One line of an explanation: a code the presenter turns into a sentence, its values, an amount. */
export interface ExplanationLine {
  code: string;
  values: Record<string, number | string>;
  amountCents?: number;
}

export interface RentResult {
  annualCents: number;
  /** The usual monthly instalment (the largest of the 12). */
  monthlyCents: number;
  instalments: number[];
  /** Which branch applied, e.g. 'canone_sociale', 'band_2', 'floor', 'cap', 'fixed'. */
  category: string;
  lines: ExplanationLine[];
}

function finish(annualCents: number, category: string, lines: ExplanationLine[]): RentResult {
  const instalments = monthlyInstalments(annualCents);
  const monthlyCents = instalments[0] as number;
  const extra = annualCents - Math.floor(annualCents / 12) * 12;
  lines.push({
    code: extra === 0 ? 'instalments_even' : 'instalments_uneven',
    values: { annual: annualCents, high: monthlyCents, low: instalments[11] as number, extra },
    amountCents: monthlyCents,
  });
  return { annualCents, monthlyCents, instalments, category, lines };
}

/** Clamps a yearly amount between 12 × floor and 12 × cap (the floor wins if they cross). */
function clampYear(raw: number, floorMonthly: number, capMonthly: number | null, lines: ExplanationLine[]): { annual: number; bound: 'floor' | 'cap' | null } {
  let annual = raw;
  let bound: 'floor' | 'cap' | null = null;
  if (capMonthly !== null && annual > capMonthly * 12) {
    annual = capMonthly * 12;
    bound = 'cap';
    lines.push({ code: 'cap_applied', values: { cap: capMonthly, capYear: capMonthly * 12 }, amountCents: annual });
  }
  if (annual < floorMonthly * 12) {
    annual = floorMonthly * 12;
    bound = 'floor';
    lines.push({ code: 'floor_applied', values: { floor: floorMonthly, floorYear: floorMonthly * 12 }, amountCents: annual });
  }
  return { annual, bound };
}

export function computeErpTuscany(p: ErpTuscanyParams, input: RentInput): RentResult {
  const lines: ExplanationLine[] = [];
  const income = input.annualIncomeCents;
  lines.push({ code: 'erp_income', values: { income }, amountCents: income });
  const deduction = Math.min(income, input.dependants * p.dependantDeductionCents);
  const conventional = income - deduction;
  if (input.dependants > 0) {
    lines.push({ code: 'erp_deduction', values: { dependants: input.dependants, each: p.dependantDeductionCents, total: deduction }, amountCents: -deduction });
  }
  lines.push({ code: 'erp_conventional_income', values: { conventional }, amountCents: conventional });
  const socialLimit = p.inpsMinimumPensionYearCents * p.socialIncomeMultiple;
  const social = conventional <= socialLimit && input.protectedIncomeOnly;
  let bp: number;
  let category: string;
  if (social) {
    bp = p.socialBp;
    category = 'canone_sociale';
    lines.push({ code: 'erp_social', values: { limit: socialLimit, multiple: p.socialIncomeMultiple, pension: p.inpsMinimumPensionYearCents, bp } });
  } else {
    const index = p.bands.findIndex((b) => b.upToCents === null || conventional <= b.upToCents);
    const band = p.bands[index === -1 ? p.bands.length - 1 : index] as { upToCents: number | null; bp: number };
    const from = index <= 0 ? 0 : ((p.bands[index - 1] as { upToCents: number }).upToCents ?? 0);
    bp = band.bp;
    category = `band_${(index === -1 ? p.bands.length - 1 : index) + 1}`;
    lines.push({
      code: conventional <= socialLimit ? 'erp_band_not_protected' : 'erp_band',
      values: { band: (index === -1 ? p.bands.length - 1 : index) + 1, from, to: band.upToCents ?? -1, bp, limit: socialLimit },
    });
  }
  const raw = percentOf(conventional, bp);
  lines.push({ code: 'erp_share', values: { conventional, bp, raw }, amountCents: raw });
  const valoreLocativo = divRound(p.valoreLocativoM2Cents * input.surfaceM2Tenths * p.valoreLocativoCoefficientBp, 10 * 10_000);
  lines.push({
    code: 'erp_valore_locativo',
    values: { rate: p.valoreLocativoM2Cents, surfaceTenths: input.surfaceM2Tenths, coefficientBp: p.valoreLocativoCoefficientBp, monthly: valoreLocativo },
    amountCents: valoreLocativo * 12,
  });
  const { annual, bound } = clampYear(raw, p.minimumRentCents, valoreLocativo, lines);
  return finish(annual, bound === 'floor' ? 'canone_minimo' : bound === 'cap' ? 'valore_locativo' : category, lines);
}

export function computeSustainableShare(p: SustainableShareParams, input: RentInput): RentResult {
  const lines: ExplanationLine[] = [];
  const baseCents = p.base === 'isee' ? (input.iseeCents ?? input.annualIncomeCents) : input.annualIncomeCents;
  const base = p.base === 'isee' && input.iseeCents === null ? 'income_no_isee' : p.base;
  lines.push({ code: `share_base_${base}`, values: { base: baseCents }, amountCents: baseCents });
  const raw = percentOf(baseCents, p.shareBp);
  lines.push({ code: 'share_raw', values: { base: baseCents, bp: p.shareBp, raw }, amountCents: raw });
  const { annual, bound } = clampYear(raw, p.floorCents, p.capCents, lines);
  return finish(annual, bound ?? 'share', lines);
}

export function computeHousingFirst(p: HousingFirstParams, input: RentInput): RentResult {
  if (p.mode === 'fixed') {
    const lines: ExplanationLine[] = [{ code: 'hf_fixed', values: { fixed: p.fixedCents }, amountCents: p.fixedCents * 12 }];
    return finish(p.fixedCents * 12, 'fixed', lines);
  }
  const lines: ExplanationLine[] = [{ code: 'share_base_income', values: { base: input.annualIncomeCents }, amountCents: input.annualIncomeCents }];
  const raw = percentOf(input.annualIncomeCents, p.shareBp);
  lines.push({ code: 'share_raw', values: { base: input.annualIncomeCents, bp: p.shareBp, raw }, amountCents: raw });
  const { annual, bound } = clampYear(raw, p.floorCents, p.capCents, lines);
  return finish(annual, bound ?? 'share', lines);
}

/** The rent of a household under a rule. */
export function computeRent(params: RentRuleParams, input: RentInput): RentResult {
  switch (params.kind) {
    case 'erp_tuscany':
      return computeErpTuscany(params, input);
    case 'sustainable_share':
      return computeSustainableShare(params, input);
    case 'housing_first':
      return computeHousingFirst(params, input);
  }
}

/** The version of a rule in force on `day`: the latest that starts on or before it. */
export function ruleInForce<R extends { effectiveFrom: string; createdAt?: string }>(versions: readonly R[], day: string): R | undefined {
  let best: R | undefined;
  for (const v of versions) {
    if (
      v.effectiveFrom <= day &&
      (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && (v.createdAt ?? '') > (best.createdAt ?? '')))
    ) {
      best = v;
    }
  }
  return best;
}

/** Parameters used when an ente has recorded no rule for a program yet (values per DOMAIN.md). */
export const DEFAULT_ERP_TUSCANY: ErpTuscanyParams = {
  kind: 'erp_tuscany',
  minimumRentCents: 4_000,
  inpsMinimumPensionYearCents: 778_193,
  socialIncomeMultiple: 2,
  socialBp: 700,
  bands: [
    { upToCents: 1_600_000, bp: 1_200 },
    { upToCents: 2_800_000, bp: 1_400 },
    { upToCents: null, bp: 1_600 },
  ],
  dependantDeductionCents: 0,
  valoreLocativoM2Cents: 400,
  valoreLocativoCoefficientBp: 10_000,
};

export const DEFAULT_SUSTAINABLE_SHARE: SustainableShareParams = {
  kind: 'sustainable_share',
  base: 'income',
  shareBp: 1_500,
  floorCents: 5_000,
  capCents: 35_000,
};

export const DEFAULT_HOUSING_FIRST: HousingFirstParams = {
  kind: 'housing_first',
  mode: 'income_share',
  fixedCents: 5_000,
  shareBp: 1_000,
  floorCents: 0,
  capCents: 20_000,
};
