// Sentences for the explanation lines of the agreed-rent range and of the compatibility score,
// in Italian and English. Kept beside the rules because they carry values.

type Lang = 'it' | 'en';
type V = Record<string, number | string>;

const euro = (lang: Lang) => (cents: unknown) =>
  new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(Number(cents) / 100);
const pct = (lang: Lang) => (bp: unknown) =>
  `${new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: 2 }).format(Number(bp) / 100)}%`;
const m2 = (lang: Lang) => (tenths: unknown) => `${new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB').format(Number(tenths) / 10)} m²`;

type Render = (v: V, f: { e: (c: unknown) => string; p: (bp: unknown) => string; m: (t: unknown) => string }) => string;

const TEXT: Record<string, { it: Render; en: Render }> = {
  cc_band: {
    it: (v, f) => `Zona ${v.zone}, ${v.subBand}: fascia di oscillazione da ${f.e(v.min)} a ${f.e(v.max)} al m² al mese.`,
    en: (v, f) => `Zone ${v.zone}, ${v.subBand}: band from ${f.e(v.min)} to ${f.e(v.max)} per m² per month.`,
  },
  cc_elements: {
    it: (v) => `Elementi oggettivi presenti: ${v.count} (${v.list}).`,
    en: (v) => `Objective elements present: ${v.count} (${v.list}).`,
  },
  cc_tier: {
    it: (v, f) => `Subfascia ${v.tier} (dal ${f.p(v.from)} al ${f.p(v.to)} della fascia): da ${f.e(v.min)} a ${f.e(v.max)} al m².`,
    en: (v, f) => `Sub-band ${v.tier} (${f.p(v.from)} to ${f.p(v.to)} of the band): ${f.e(v.min)} to ${f.e(v.max)} per m².`,
  },
  cc_small: {
    it: (v, f) => `Alloggio fino a ${v.upTo} m²: maggiorazione del ${f.p(v.bp)}.`,
    en: (v, f) => `Flat up to ${v.upTo} m²: ${f.p(v.bp)} increase.`,
  },
  cc_large: {
    it: (v, f) => `Alloggio da ${v.from} m² in su: riduzione del ${f.p(v.bp)}.`,
    en: (v, f) => `Flat of ${v.from} m² or more: ${f.p(v.bp)} reduction.`,
  },
  cc_furnishing: {
    it: (v, f) => `Arredamento (${v.furnishing === 'full' ? 'completo' : 'parziale'}): maggiorazione del ${f.p(v.bp)}.`,
    en: (v, f) => `Furnishing (${v.furnishing}): ${f.p(v.bp)} increase.`,
  },
  cc_contract: {
    it: (v, f) => `Contratto ${v.contractType}: maggiorazione del ${f.p(v.bp)}.`,
    en: (v, f) => `${v.contractType} contract: ${f.p(v.bp)} increase.`,
  },
  cc_result: {
    it: (v, f) => `Superficie ${f.m(v.surface)}, correzione totale ${f.p(v.bp)}: canone ammesso da ${f.e(v.min)} a ${f.e(v.max)} al mese.`,
    en: (v, f) => `Surface ${f.m(v.surface)}, total adjustment ${f.p(v.bp)}: allowed rent ${f.e(v.min)} to ${f.e(v.max)} per month.`,
  },
  m_ceiling_income: {
    it: (v, f) => `Spesa sostenibile: ${f.p(v.bp)} del reddito annuo ${f.e(v.income)} ÷ 12 = ${f.e(v.ceiling)} al mese.`,
    en: (v, f) => `Affordable cost: ${f.p(v.bp)} of the yearly income ${f.e(v.income)} ÷ 12 = ${f.e(v.ceiling)} per month.`,
  },
  m_ceiling_set: {
    it: (v, f) => `Spesa massima fissata al colloquio: ${f.e(v.ceiling)} al mese.`,
    en: (v, f) => `Maximum cost set at intake: ${f.e(v.ceiling)} per month.`,
  },
  m_cost_over: {
    it: (v, f) => `Costo mensile ${f.e(v.cost)} oltre la spesa sostenibile (${f.e(v.ceiling)}): non compatibile.`,
    en: (v, f) => `Monthly cost ${f.e(v.cost)} above the affordable cost (${f.e(v.ceiling)}): not compatible.`,
  },
  m_cost_ok: {
    it: (v, f) => `Costo mensile ${f.e(v.cost)} entro ${f.e(v.ceiling)}: ${v.points} punti.`,
    en: (v, f) => `Monthly cost ${f.e(v.cost)} within ${f.e(v.ceiling)}: ${v.points} points.`,
  },
  m_bedrooms_few: {
    it: (v) => `Camere ${v.have}, ne servono almeno ${v.need}: non compatibile.`,
    en: (v) => `${v.have} bedrooms, at least ${v.need} needed: not compatible.`,
  },
  m_bedrooms_ok: {
    it: (v) => `Camere ${v.have} (ne servono ${v.need}): ${v.points} punti.`,
    en: (v) => `${v.have} bedrooms (${v.need} needed): ${v.points} points.`,
  },
  m_access_missing: {
    it: (v) => `Manca l'accessibilità richiesta (${v.missing}): non compatibile.`,
    en: (v) => `Required accessibility missing (${v.missing}): not compatible.`,
  },
  m_access_ok: { it: (v) => `Accessibilità richiesta presente (${v.needs}).`, en: (v) => `Required accessibility present (${v.needs}).` },
  m_pets_no: { it: () => 'Animali non ammessi: non compatibile.', en: () => 'Pets not allowed: not compatible.' },
  m_zone_ok: { it: (v) => `Zona ${v.zone} tra quelle preferite: ${v.points} punti.`, en: (v) => `Zone ${v.zone} among the preferred: ${v.points} points.` },
  m_zone_other: { it: (v) => `Zona ${v.zone} non tra quelle preferite: 0 punti.`, en: (v) => `Zone ${v.zone} not among the preferred: 0 points.` },
  m_available: {
    it: (v) => `Disponibile dal ${v.from}${Number(v.wait) > 0 ? ` (attesa ${v.wait} giorni)` : ''}: ${v.points} punti.`,
    en: (v) => `Available from ${v.from}${Number(v.wait) > 0 ? ` (${v.wait} days' wait)` : ''}: ${v.points} points.`,
  },
};

/** One explanation line as a sentence in the request language. */
export function explainLine(line: { code: string; values: V }, lang: Lang): string {
  const render = TEXT[line.code]?.[lang];
  if (!render) {
    return line.code;
  }
  return render(line.values, { e: euro(lang), p: pct(lang), m: m2(lang) });
}
