// Sentences for the explanation lines of the rent rules and the arrears score, in Italian and
// English. Kept with the rules (not in the kernel catalogue) because they carry values.
import { formatEuro, formatPercent } from './money.js';

type Lang = 'it' | 'en';
type V = Record<string, number | string>;
type Render = (v: V, eur: (c: unknown) => string, pct: (bp: unknown) => string) => string;

const m2 = (tenths: unknown, lang: Lang) => `${new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB').format(Number(tenths) / 10)} m²`;

const TEXT: Record<string, { it: Render; en: Render }> = {
  erp_income: {
    it: (v, e) => `Reddito imponibile annuo del nucleo: ${e(v.income)}.`,
    en: (v, e) => `Household's yearly taxable income: ${e(v.income)}.`,
  },
  erp_deduction: {
    it: (v, e) => `Riduzione per carichi di famiglia: ${v.dependants} × ${e(v.each)} = ${e(v.total)}.`,
    en: (v, e) => `Family-load deduction: ${v.dependants} × ${e(v.each)} = ${e(v.total)}.`,
  },
  erp_conventional_income: {
    it: (v, e) => `Reddito convenzionale: ${e(v.conventional)}.`,
    en: (v, e) => `Conventional income: ${e(v.conventional)}.`,
  },
  erp_social: {
    it: (v, e, p) =>
      `Canone sociale (L.R. 2/2019 art. 24): reddito non oltre ${v.multiple} pensioni minime INPS (${e(v.limit)}) e solo da fonti protette, quota ${p(v.bp)}.`,
    en: (v, e, p) =>
      `Social rent (L.R. 2/2019 art. 24): income not above ${v.multiple} INPS minimum pensions (${e(v.limit)}) and only from protected sources, share ${p(v.bp)}.`,
  },
  erp_band: {
    it: (v, e, p) => `Fascia ${v.band} (reddito da ${e(v.from)}${Number(v.to) < 0 ? ' in su' : ` a ${e(v.to)}`}): quota ${p(v.bp)}.`,
    en: (v, e, p) => `Band ${v.band} (income from ${e(v.from)}${Number(v.to) < 0 ? ' upwards' : ` to ${e(v.to)}`}): share ${p(v.bp)}.`,
  },
  erp_band_not_protected: {
    it: (v, e, p) =>
      `Reddito sotto ${e(v.limit)} ma non solo da fonti protette: niente canone sociale. Fascia ${v.band} (da ${e(v.from)}${Number(v.to) < 0 ? ' in su' : ` a ${e(v.to)}`}): quota ${p(v.bp)}.`,
    en: (v, e, p) =>
      `Income below ${e(v.limit)} but not only from protected sources: no social rent. Band ${v.band} (from ${e(v.from)}${Number(v.to) < 0 ? ' upwards' : ` to ${e(v.to)}`}): share ${p(v.bp)}.`,
  },
  erp_share: {
    it: (v, e, p) => `${p(v.bp)} di ${e(v.conventional)} = ${e(v.raw)} all'anno (arrotondato al centesimo).`,
    en: (v, e, p) => `${p(v.bp)} of ${e(v.conventional)} = ${e(v.raw)} a year (rounded to the cent).`,
  },
  erp_valore_locativo: {
    it: (v, e, p) =>
      `Tetto: valore locativo convenzionale ${e(v.rate)}/m² × ${m2(v.surfaceTenths, 'it')} × coefficiente ${p(v.coefficientBp)} = ${e(v.monthly)} al mese.`,
    en: (v, e, p) =>
      `Ceiling: conventional rental value ${e(v.rate)}/m² × ${m2(v.surfaceTenths, 'en')} × coefficient ${p(v.coefficientBp)} = ${e(v.monthly)} a month.`,
  },
  cap_applied: {
    it: (v, e) => `Supera il tetto: si applica ${e(v.cap)} al mese (${e(v.capYear)} all'anno).`,
    en: (v, e) => `Above the ceiling: ${e(v.cap)} a month applies (${e(v.capYear)} a year).`,
  },
  floor_applied: {
    it: (v, e) => `Sotto il minimo: si applica il canone minimo di ${e(v.floor)} al mese (${e(v.floorYear)} all'anno).`,
    en: (v, e) => `Below the minimum: the minimum rent of ${e(v.floor)} a month applies (${e(v.floorYear)} a year).`,
  },
  share_base_income: {
    it: (v, e) => `Reddito annuo del nucleo: ${e(v.base)}.`,
    en: (v, e) => `Household's yearly income: ${e(v.base)}.`,
  },
  share_base_isee: {
    it: (v, e) => `ISEE del nucleo: ${e(v.base)}.`,
    en: (v, e) => `Household's ISEE: ${e(v.base)}.`,
  },
  share_base_income_no_isee: {
    it: (v, e) => `ISEE non disponibile: si usa il reddito annuo, ${e(v.base)}.`,
    en: (v, e) => `No ISEE on file: the yearly income is used, ${e(v.base)}.`,
  },
  share_raw: {
    it: (v, e, p) => `Quota sostenibile ${p(v.bp)} di ${e(v.base)} = ${e(v.raw)} all'anno (arrotondato al centesimo).`,
    en: (v, e, p) => `Sustainable share ${p(v.bp)} of ${e(v.base)} = ${e(v.raw)} a year (rounded to the cent).`,
  },
  hf_fixed: {
    it: (v, e) => `Contributo fisso Housing First: ${e(v.fixed)} al mese.`,
    en: (v, e) => `Housing First fixed contribution: ${e(v.fixed)} a month.`,
  },
  instalments_even: {
    it: (v, e) => `Canone annuo ${e(v.annual)} in 12 rate da ${e(v.high)}.`,
    en: (v, e) => `Yearly rent ${e(v.annual)} in 12 instalments of ${e(v.high)}.`,
  },
  instalments_uneven: {
    it: (v, e) => `Canone annuo ${e(v.annual)} in 12 rate: le prime ${v.extra} da ${e(v.high)}, le altre da ${e(v.low)}, così la somma è esatta al centesimo.`,
    en: (v, e) => `Yearly rent ${e(v.annual)} in 12 instalments: the first ${v.extra} of ${e(v.high)}, the others of ${e(v.low)}, so they add up to the cent.`,
  },
  arrears_months: {
    it: (v, e) => `Morosità di ${e(v.balance)}, pari a ${v.months} mensilità: +${v.points} punti.`,
    en: (v, e) => `Arrears of ${e(v.balance)}, i.e. ${v.months} months of rent: +${v.points} points.`,
  },
  arrears_trend: {
    it: (v, e) => `Debito cresciuto di ${e(v.growth)} negli ultimi ${v.window} mesi: +${v.points} punti.`,
    en: (v, e) => `Debt grew by ${e(v.growth)} over the last ${v.window} months: +${v.points} points.`,
  },
  arrears_no_payment: {
    it: (v) => `Nessun pagamento da ${v.days} giorni: +${v.points} punti.`,
    en: (v) => `No payment for ${v.days} days: +${v.points} points.`,
  },
  arrears_never_paid: {
    it: (v) => `Nessun pagamento registrato: +${v.points} punti.`,
    en: (v) => `No payment recorded: +${v.points} points.`,
  },
  arrears_income_drop: {
    it: (v, _e, p) => `Reddito calato del ${p(v.dropBp)} rispetto alla dichiarazione precedente: +${v.points} punti.`,
    en: (v, _e, p) => `Income fell by ${p(v.dropBp)} since the previous declaration: +${v.points} points.`,
  },
  arrears_plan_missed: {
    it: (v) => `Rate del piano di rientro non pagate: ${v.missed}: +${v.points} punti.`,
    en: (v) => `Missed instalments of the repayment plan: ${v.missed}: +${v.points} points.`,
  },
  arrears_none: {
    it: () => 'Nessun arretrato.',
    en: () => 'No arrears.',
  },
};

/** The sentence of an explanation line in the language asked for. */
export function explainLine(line: { code: string; values: V }, lang: Lang): string {
  const entry = TEXT[line.code];
  if (!entry) {
    return line.code;
  }
  return entry[lang](
    line.values,
    (c) => formatEuro(Number(c), lang),
    (bp) => formatPercent(Number(bp), lang),
  );
}

export const EXPLANATION_CODES = Object.keys(TEXT);
