// The facts a call's rules may test: one catalogue, so the rules editor, the application form
// and the evaluator agree on names, kinds and who provides each value.

export type FactKind = 'number' | 'boolean' | 'date' | 'enum';
/** Who provides the value: the applicant declares it, the office assesses it, or it is computed. */
export type FactSource = 'declared' | 'assessed' | 'derived';
export type FactValue = number | boolean | string;
export type Facts = Record<string, FactValue | undefined>;

export interface FactDef {
  kind: FactKind;
  source: FactSource;
  label: { it: string; en: string };
  values?: readonly string[];
  unit?: 'years' | 'eur' | 'percent' | 'people' | 'points';
  min?: number;
  max?: number;
  /** Special-category data (GDPR art. 9): never on a public page, never in an export. */
  special?: boolean;
}

const L = (it: string, en: string) => ({ it, en });

export const FACTS = {
  'applicant.age': {
    kind: 'number',
    source: 'derived',
    unit: 'years',
    label: L("Età del richiedente all'apertura del bando", 'Applicant age when the call opens'),
  },
  'applicant.birthDate': { kind: 'date', source: 'derived', label: L('Data di nascita del richiedente', 'Applicant birth date') },
  'applicant.citizenshipOk': {
    kind: 'boolean',
    source: 'declared',
    label: L('Cittadinanza italiana/UE o titolo di soggiorno idoneo', 'Italian/EU citizenship or an eligible residence permit'),
  },
  'applicant.residesOrWorks': {
    kind: 'boolean',
    source: 'declared',
    label: L('Residenza o lavoro principale nel Comune del bando', "Residence or main work in the call's municipality"),
  },
  'applicant.residenceYears': {
    kind: 'number',
    source: 'declared',
    unit: 'years',
    min: 0,
    max: 100,
    label: L('Anni di residenza o lavoro nel territorio', 'Years of residence or work in the area'),
  },
  'applicant.disability': {
    kind: 'enum',
    source: 'declared',
    values: ['none', 'mild', 'severe'],
    special: true,
    label: L('Disabilità del richiedente (grave = L. 104/92 art. 3 c. 3)', 'Applicant disability (severe = L. 104/92 art. 3 c. 3)'),
  },
  'applicant.familySupport': {
    kind: 'enum',
    source: 'declared',
    values: ['present', 'ending', 'none'],
    label: L('Sostegno familiare (presente, in via di cessazione, assente)', 'Family support (present, ending, none)'),
  },
  'applicant.vulnerability': {
    kind: 'boolean',
    source: 'declared',
    label: L('Condizione di vulnerabilità (presa in carico dei servizi)', 'Vulnerable condition (followed by social services)'),
  },
  'applicant.participatoryPath': {
    kind: 'boolean',
    source: 'declared',
    label: L('Partecipazione al percorso partecipativo', 'Takes part in the participatory path'),
  },
  'applicant.motivation': {
    kind: 'number',
    source: 'assessed',
    unit: 'points',
    min: 0,
    max: 10,
    label: L('Motivazione (valutata dal colloquio, 0–10)', 'Motivation (assessed at the interview, 0–10)'),
  },
  'household.size': { kind: 'number', source: 'derived', unit: 'people', label: L('Componenti del nucleo', 'Household members') },
  'household.minors': { kind: 'number', source: 'derived', unit: 'people', label: L('Minori nel nucleo', 'Minors in the household') },
  'household.elderly': { kind: 'number', source: 'derived', unit: 'people', label: L('Over 65 nel nucleo', 'Members aged 65 or more') },
  'household.dependentChildren': {
    kind: 'number',
    source: 'declared',
    unit: 'people',
    min: 0,
    max: 20,
    label: L('Figli fiscalmente a carico', 'Dependent children'),
  },
  'household.singleParent': { kind: 'boolean', source: 'declared', label: L('Genitore solo con figli a carico', 'Single parent with dependent children') },
  'household.disabledMember': {
    kind: 'boolean',
    source: 'declared',
    special: true,
    label: L('Componente invalido al 100% o con handicap grave', 'Member 100% disabled or with a severe handicap'),
  },
  'household.isee': { kind: 'number', source: 'declared', unit: 'eur', min: 0, max: 1_000_000, label: L('Valore ISEE del nucleo (€)', 'Household ISEE (€)') },
  'household.ownsAdequateProperty': {
    kind: 'boolean',
    source: 'declared',
    label: L('Proprietà di un alloggio adeguato entro 50 km', 'Owns an adequate dwelling within 50 km'),
  },
  'household.propertyValue': {
    kind: 'number',
    source: 'declared',
    unit: 'eur',
    min: 0,
    max: 100_000_000,
    label: L('Valore complessivo degli immobili (€)', 'Total value of real estate (€)'),
  },
  'household.movableAssets': {
    kind: 'number',
    source: 'declared',
    unit: 'eur',
    min: 0,
    max: 100_000_000,
    label: L('Patrimonio mobiliare (€)', 'Movable assets (€)'),
  },
  'household.criminalConviction': {
    kind: 'boolean',
    source: 'declared',
    special: true,
    label: L('Condanna definitiva per reati non colposi (pena ≥ 5 anni)', 'Final conviction for a non-negligent crime (≥ 5 years)'),
  },
  'housing.eviction': { kind: 'boolean', source: 'declared', label: L('Sfratto non per morosità colpevole', 'Eviction not for culpable arrears') },
  'housing.improper': { kind: 'boolean', source: 'declared', label: L('Alloggio improprio', 'Improper dwelling') },
  'housing.overcrowded': { kind: 'boolean', source: 'declared', label: L('Sovraffollamento', 'Overcrowding') },
  'housing.barriers': {
    kind: 'boolean',
    source: 'declared',
    label: L('Barriere architettoniche con disabile nel nucleo', 'Architectural barriers with a disabled member'),
  },
  'housing.rentBurdenPct': {
    kind: 'number',
    source: 'declared',
    unit: 'percent',
    min: 0,
    max: 1000,
    label: L('Incidenza del canone sul reddito (%)', 'Rent burden on income (%)'),
  },
} as const satisfies Record<string, FactDef>;

export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as FactName[];

export function factDef(name: string): FactDef | undefined {
  return (FACTS as Record<string, FactDef>)[name];
}

export interface HouseholdMemberInput {
  givenName: string;
  familyName: string;
  birthDate: string;
  relationship: string;
}

/** Whole years between two ISO days (birthday rule: not yet on the day before). */
export function ageOn(birthDate: string, day: string): number {
  // ISO days compare as strings: the birthday has come when "MM-DD" of the day is not before it.
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * The facts of one application: what the applicant declared, corrected by what the office
 * verified, plus the values computed from the applicant and household on the reference day.
 */
export function deriveFacts(o: {
  applicantBirthDate: string | null;
  members: readonly HouseholdMemberInput[];
  referenceDay: string;
  declared: Facts;
  verified?: Facts;
}): Facts {
  const facts: Facts = { ...o.declared, ...(o.verified ?? {}) };
  let minors = 0;
  let elderly = 0;
  const count = (birth: string) => {
    const age = ageOn(birth, o.referenceDay);
    minors += age < 18 ? 1 : 0;
    elderly += age >= 65 ? 1 : 0;
    return age;
  };
  if (o.applicantBirthDate) {
    facts['applicant.birthDate'] = o.applicantBirthDate;
    facts['applicant.age'] = count(o.applicantBirthDate);
  }
  for (const m of o.members) {
    count(m.birthDate);
  }
  facts['household.size'] = o.members.length + 1;
  facts['household.minors'] = minors;
  facts['household.elderly'] = elderly;
  return facts;
}
