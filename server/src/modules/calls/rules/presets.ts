// Presets an operator starts a call from. Values marked `unverified` are configurable defaults
// not confirmed in the law text (see ../shared/DOMAIN.md §1.2–1.3): the UI says so.
import type { Program } from '../../../kernel/auth/permissions.js';
import { type Rules, RulesSchema } from './format.js';

const L = (it: string, en: string) => ({ it, en });

export const PRESET_CODES = ['erp_toscana', 'youth_collab', 'dopo_di_noi'] as const;
export type PresetCode = (typeof PRESET_CODES)[number];

/** Tuscan ERP call: access requirements of L.R. 2/2019 All. A and a scoring table shaped on All. B (a, b, c). */
const erpToscana = {
  documents: [
    { code: 'isee', label: L('Attestazione ISEE in corso di validità', 'Valid ISEE certificate'), required: true },
    { code: 'identity', label: L("Documento d'identità", 'Identity document'), required: true },
    { code: 'eviction', label: L('Provvedimento di sfratto', 'Eviction order') },
    { code: 'disability', label: L('Certificazione di invalidità/handicap', 'Disability certificate') },
    { code: 'rent_contract', label: L('Contratto di locazione registrato', 'Registered rent contract') },
    { code: 'housing_report', label: L("Certificazione dell'alloggio (ASL/Comune)", 'Housing condition report (ASL/municipality)') },
  ],
  requirements: [
    {
      code: 'citizenship',
      label: L('Cittadinanza o titolo di soggiorno (All. A)', 'Citizenship or residence permit (All. A)'),
      when: { fact: 'applicant.citizenshipOk', op: 'eq', value: true },
    },
    {
      code: 'residence',
      label: L('Residenza o lavoro nel Comune', 'Residence or work in the municipality'),
      when: { fact: 'applicant.residesOrWorks', op: 'eq', value: true },
    },
    {
      code: 'no_conviction',
      label: L('Nessuna condanna ostativa', 'No barring conviction'),
      when: { fact: 'household.criminalConviction', op: 'eq', value: false },
    },
    {
      code: 'isee_max',
      label: L('ISEE non superiore a 16.500 €', 'ISEE not above €16,500'),
      when: { fact: 'household.isee', op: 'lte', value: 16500 },
      document: 'isee',
    },
    {
      code: 'no_adequate_home',
      label: L('Nessun alloggio adeguato entro 50 km', 'No adequate dwelling within 50 km'),
      when: { fact: 'household.ownsAdequateProperty', op: 'eq', value: false },
    },
    {
      code: 'property_max',
      label: L('Patrimonio immobiliare ≤ 25.000 €', 'Real estate ≤ €25,000'),
      when: { fact: 'household.propertyValue', op: 'lte', value: 25000 },
    },
    {
      code: 'movable_max',
      label: L('Patrimonio mobiliare ≤ 25.000 €', 'Movable assets ≤ €25,000'),
      when: { fact: 'household.movableAssets', op: 'lte', value: 25000 },
    },
  ],
  groups: [
    { code: 'a', label: L('a) Condizioni sociali, economiche e familiari', 'a) Social, economic and family conditions') },
    { code: 'b', label: L('b) Condizioni abitative', 'b) Housing conditions'), cap: 6 },
    { code: 'c', label: L('c) Storicità di presenza', 'c) Length of presence'), cap: 4 },
  ],
  criteria: [
    {
      code: 'low_isee',
      label: L('ISEE non superiore a 6.000 €', 'ISEE not above €6,000'),
      group: 'a',
      points: 2,
      when: { fact: 'household.isee', op: 'lte', value: 6000 },
      document: 'isee',
      unverified: true,
    },
    {
      code: 'elderly',
      label: L('Componente con almeno 65 anni', 'Member aged 65 or more'),
      group: 'a',
      points: 1,
      when: { fact: 'household.elderly', op: 'gte', value: 1 },
      unverified: true,
    },
    {
      code: 'disabled_member',
      label: L('Componente invalido al 100% o con handicap grave', 'Member 100% disabled or with severe handicap'),
      group: 'a',
      points: 2,
      when: { fact: 'household.disabledMember', op: 'eq', value: true },
      document: 'disability',
      unverified: true,
    },
    {
      code: 'dependent_children',
      label: L('Figli a carico', 'Dependent children'),
      group: 'a',
      perUnit: { fact: 'household.dependentChildren', points: 1, max: 2 },
      unverified: true,
    },
    {
      code: 'single_parent',
      label: L('Genitore solo con figli a carico', 'Single parent with dependent children'),
      group: 'a',
      points: 1,
      when: { fact: 'household.singleParent', op: 'eq', value: true },
      unverified: true,
    },
    {
      code: 'rent_burden',
      label: L('Incidenza del canone sul reddito (dal 30% al 50%)', 'Rent burden on income (30% to 50%)'),
      group: 'a',
      bands: {
        fact: 'housing.rentBurdenPct',
        steps: [
          { gte: 30, points: 2 },
          { gte: 40, points: 3 },
          { gte: 50, points: 4 },
        ],
      },
      document: 'rent_contract',
      unverified: true,
      note: 'Up to 4 points from 30% to 50% (Firenze 2021); intermediate bands unverified.',
    },
    {
      code: 'eviction',
      label: L('Sfratto non per morosità colpevole', 'Eviction not for culpable arrears'),
      group: 'b',
      points: 3,
      when: { fact: 'housing.eviction', op: 'eq', value: true },
      document: 'eviction',
      unverified: true,
    },
    {
      code: 'improper_dwelling',
      label: L('Alloggio improprio', 'Improper dwelling'),
      group: 'b',
      points: 3,
      when: { fact: 'housing.improper', op: 'eq', value: true },
      exclusive: 'dwelling',
      document: 'housing_report',
      unverified: true,
    },
    {
      code: 'overcrowding',
      label: L('Sovraffollamento', 'Overcrowding'),
      group: 'b',
      points: 2,
      when: { fact: 'housing.overcrowded', op: 'eq', value: true },
      exclusive: 'dwelling',
      document: 'housing_report',
      unverified: true,
    },
    {
      code: 'barriers',
      label: L('Barriere architettoniche', 'Architectural barriers'),
      group: 'b',
      points: 1,
      when: { fact: 'housing.barriers', op: 'eq', value: true },
      document: 'housing_report',
      unverified: true,
    },
    {
      code: 'storicita',
      label: L('Storicità di presenza (da 3 a oltre 20 anni)', 'Length of presence (3 to over 20 years)'),
      group: 'c',
      bands: {
        fact: 'applicant.residenceYears',
        steps: [
          { gte: 3, points: 1 },
          { gte: 10, points: 2 },
          { gte: 15, points: 3 },
          { gte: 21, points: 4 },
        ],
      },
      unverified: true,
      note: '3 years → 1 point and >20 years → 4 are verified; 10 and 15 are unverified. Under constitutional review: switch off per call if needed.',
    },
  ],
  // L.R. 2/2019 art. 10 c. 6: lower ISEE first, then the older applicant, then a draw by lot.
  tieBreak: [{ fact: 'household.isee', order: 'asc' }, { fact: 'applicant.birthDate', order: 'asc' }, { lot: true }],
};

const youthCollab = {
  documents: [
    { code: 'identity', label: L("Documento d'identità", 'Identity document'), required: true },
    { code: 'isee', label: L('Attestazione ISEE', 'ISEE certificate'), required: true },
    { code: 'motivation_letter', label: L('Lettera motivazionale', 'Motivation letter'), required: true },
    { code: 'services_report', label: L('Relazione dei servizi sociali', 'Social services report') },
  ],
  requirements: [
    { code: 'age', label: L('Età tra 18 e 35 anni', 'Aged 18 to 35'), when: { fact: 'applicant.age', op: 'between', min: 18, max: 35 } },
    {
      code: 'isee_max',
      label: L('ISEE non superiore a 25.000 €', 'ISEE not above €25,000'),
      when: { fact: 'household.isee', op: 'lte', value: 25000 },
      document: 'isee',
      unverified: true,
    },
    {
      code: 'no_adequate_home',
      label: L('Nessun alloggio adeguato di proprietà', 'No adequate dwelling owned'),
      when: { fact: 'household.ownsAdequateProperty', op: 'eq', value: false },
    },
  ],
  groups: [
    { code: 'social', label: L('Condizione personale', 'Personal condition'), cap: 15 },
    { code: 'project', label: L('Adesione al progetto', 'Commitment to the project'), cap: 15 },
  ],
  criteria: [
    {
      code: 'vulnerability',
      label: L('Vulnerabilità seguita dai servizi', 'Vulnerability followed by social services'),
      group: 'social',
      points: 8,
      when: { fact: 'applicant.vulnerability', op: 'eq', value: true },
      document: 'services_report',
    },
    {
      code: 'low_isee',
      label: L('ISEE basso', 'Low ISEE'),
      group: 'social',
      points: 4,
      when: { fact: 'household.isee', op: 'lte', value: 10000 },
      document: 'isee',
    },
    { code: 'young_age', label: L('Età sotto i 26 anni', 'Under 26'), group: 'social', points: 3, when: { fact: 'applicant.age', op: 'lt', value: 26 } },
    {
      code: 'participation',
      label: L('Partecipazione al percorso partecipativo', 'Takes part in the participatory path'),
      group: 'project',
      points: 5,
      when: { fact: 'applicant.participatoryPath', op: 'eq', value: true },
    },
    {
      code: 'motivation',
      label: L('Motivazione (colloquio)', 'Motivation (interview)'),
      group: 'project',
      perUnit: { fact: 'applicant.motivation', points: 1, max: 10 },
      document: 'motivation_letter',
    },
  ],
  tieBreak: [{ fact: 'applicant.motivation', order: 'desc' }, { fact: 'household.isee', order: 'asc' }, { lot: true }],
};

const dopoDiNoi = {
  documents: [
    { code: 'identity', label: L("Documento d'identità", 'Identity document'), required: true },
    { code: 'handicap_104', label: L('Verbale L. 104/92 art. 3 c. 3', 'L. 104/92 art. 3 c. 3 certificate'), required: true },
    { code: 'isee', label: L('ISEE sociosanitario', 'Social-health ISEE'), required: true },
  ],
  requirements: [
    {
      code: 'severe_disability',
      label: L('Disabilità grave (L. 104/92 art. 3 c. 3)', 'Severe disability (L. 104/92 art. 3 c. 3)'),
      when: { fact: 'applicant.disability', op: 'eq', value: 'severe' },
      document: 'handicap_104',
    },
    {
      code: 'age',
      label: L('Età tra 18 e 64 anni (non legata all’invecchiamento)', 'Aged 18 to 64 (not age-related)'),
      when: { fact: 'applicant.age', op: 'between', min: 18, max: 64 },
      unverified: true,
    },
  ],
  groups: [
    { code: 'family', label: L('Sostegno familiare', 'Family support') },
    { code: 'economic', label: L('Condizione economica', 'Economic condition') },
  ],
  criteria: [
    {
      code: 'no_family',
      label: L('Privo di entrambi i genitori', 'Without both parents'),
      group: 'family',
      points: 10,
      when: { fact: 'applicant.familySupport', op: 'eq', value: 'none' },
      exclusive: 'family_support',
    },
    {
      code: 'support_ending',
      label: L('Sostegno familiare in via di cessazione', 'Family support ending'),
      group: 'family',
      points: 6,
      when: { fact: 'applicant.familySupport', op: 'eq', value: 'ending' },
      exclusive: 'family_support',
    },
    {
      code: 'low_isee',
      label: L('ISEE fino a 10.000 €', 'ISEE up to €10,000'),
      group: 'economic',
      points: 3,
      when: { fact: 'household.isee', op: 'lte', value: 10000 },
      document: 'isee',
      unverified: true,
    },
  ],
  tieBreak: [{ fact: 'household.isee', order: 'asc' }, { lot: true }],
};

const PRESETS: Record<PresetCode, { program: Program; label: { it: string; en: string }; rules: unknown }> = {
  erp_toscana: { program: 'erp', label: L('Bando ERP Toscana (L.R. 2/2019)', 'Tuscan ERP call (L.R. 2/2019)'), rules: erpToscana },
  youth_collab: { program: 'youth_collab', label: L('Abitare collaborativo giovani', "Young people's collaborative housing"), rules: youthCollab },
  dopo_di_noi: { program: 'dopo_di_noi', label: L('Dopo di Noi (L. 112/2016)', 'Dopo di Noi (L. 112/2016)'), rules: dopoDiNoi },
};

/** A preset's rules, parsed (a fresh copy each time). */
export function presetRules(code: PresetCode): Rules {
  return RulesSchema.parse(structuredClone(PRESETS[code].rules));
}

export function presetList() {
  return PRESET_CODES.map((code) => ({ code, program: PRESETS[code].program, label: PRESETS[code].label, rules: presetRules(code) }));
}
