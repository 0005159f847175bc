// Open data: aggregated counts per program, neighbourhood and calendar year, with small counts
// suppressed (rules/stats.ts) and no personal data — only program codes, neighbourhood names,
// years and counts ever leave. Licence CC-BY 4.0; one stable URL per dataset.
import type { Executor } from '../../kernel/db/tenant.js';
import * as repo from './repo.js';
import { nextDay, type PublishedCount, SUPPRESSED_SMALL, SUPPRESSED_TOTAL, suppressGroup } from './rules/stats.js';

export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.it',
};

export const DATASETS = ['applications', 'housing-stock', 'tenancies'] as const;
export type DatasetId = (typeof DATASETS)[number];

export const DATASET_INFO: Record<DatasetId, { title: { it: string; en: string }; description: { it: string; en: string }; measures: string[] }> = {
  applications: {
    title: { it: 'Domande ai bandi per programma', en: 'Applications to calls by program' },
    description: {
      it: 'Domande protocollate nell’anno e, tra queste, quelle ammesse, per programma. Il quartiere non è indicato (riguarderebbe la residenza dei richiedenti).',
      en: 'Applications given a protocol number in the year and, of these, those admitted, by program. No neighbourhood (it would concern the applicants’ residence).',
    },
    measures: ['received', 'admitted'],
  },
  'housing-stock': {
    title: { it: 'Patrimonio abitativo per programma e quartiere', en: 'Housing stock by program and neighbourhood' },
    description: {
      it: 'Alloggi assegnati a ciascun programma (esclusi quelli fuori servizio), alloggi occupati e posti letto al 31 dicembre dell’anno (o a oggi per l’anno in corso).',
      en: 'Units assigned to each program (excluding those out of service), occupied units and beds on 31 December of the year (or today for the current year).',
    },
    measures: ['units', 'occupied', 'beds'],
  },
  tenancies: {
    title: { it: 'Contratti di locazione per programma e quartiere', en: 'Tenancies by program and neighbourhood' },
    description: {
      it: 'Contratti in corso in almeno un giorno dell’anno, contratti iniziati nell’anno, contratti con saldo a debito al 31 dicembre (o a oggi).',
      en: 'Tenancies in force on at least one day of the year, tenancies started in the year, tenancies owing a balance on 31 December (or today).',
    },
    measures: ['tenancies', 'started', 'in_arrears'],
  },
};

export const SUPPRESSION_NOTE = {
  it: `Ogni conteggio inferiore a 5 (da 0 a 4) è pubblicato come «${SUPPRESSED_SMALL}». Il totale di un programma è pubblicato solo se nessuna delle sue celle è oscurata; altrimenti è oscurato anch’esso («${SUPPRESSED_TOTAL}», o «${SUPPRESSED_SMALL}» se inferiore a 5), così un valore oscurato non si ricava per differenza. I periodi sono solo anni solari interi.`,
  en: `Every count below 5 (0 to 4) is published as "${SUPPRESSED_SMALL}". A program's total is published only when none of its cells is suppressed; otherwise it is suppressed too ("${SUPPRESSED_TOTAL}", or "${SUPPRESSED_SMALL}" when under 5), so a suppressed value cannot be recovered by subtraction. Periods are whole calendar years only.`,
};

export const TOTAL_LABEL = 'TOTALE';

export type OpenRow = { program: string; neighbourhood: string; year: number } & Record<string, PublishedCount | string | number>;

export interface OpenDataset {
  dataset: DatasetId;
  ente: string;
  enteName: string;
  title: { it: string; en: string };
  description: { it: string; en: string };
  year: number;
  licence: typeof LICENCE;
  attribution: string;
  suppression: { it: string; en: string };
  columns: string[];
  rows: OpenRow[];
}

/**
 * Builds the published rows of a table: cells grouped by `groupOf` (one total row per group, under
 * `totalKey`), each measure suppressed with its group total (rules/stats.ts).
 */
export function publishTable<R extends object>(
  rows: readonly R[],
  measures: readonly (keyof R & string)[],
  groupOf: (r: R) => string,
  totalRow: (group: string) => Record<string, string | number>,
  keyOf: (r: R) => Record<string, string | number>,
): Record<string, string | number>[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const g = groupOf(r);
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const out: Record<string, string | number>[] = [];
  for (const [g, members] of groups) {
    const published = members.map((m) => ({ ...keyOf(m) }) as Record<string, string | number>);
    const total: Record<string, string | number> = { ...totalRow(g) };
    for (const k of measures) {
      const s = suppressGroup(members.map((m) => Number(m[k] as unknown)));
      s.cells.forEach((c, i) => {
        (published[i] as Record<string, string | number>)[k] = c;
      });
      total[k] = s.total;
    }
    out.push(...published, total);
  }
  return out;
}

export async function buildDataset(
  db: Executor,
  ente: { id: string; slug: string; name: string },
  dataset: DatasetId,
  year: number,
  today: string,
): Promise<OpenDataset> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const ref = to < today ? to : today;
  const toExcl = nextDay(to);
  let rows: Record<string, string | number>[];
  if (dataset === 'applications') {
    const data = await repo.openApplications(db, ente.id, from, toExcl);
    rows = publishTable(
      data,
      ['received', 'admitted'],
      () => 'all',
      () => ({ program: TOTAL_LABEL, neighbourhood: '-', year }),
      (r) => ({ program: r.program, neighbourhood: '-', year }),
    );
  } else if (dataset === 'housing-stock') {
    const data = await repo.openStock(db, ente.id, ref);
    rows = publishTable(
      data,
      ['units', 'occupied', 'beds'],
      (r) => r.program,
      (g) => ({ program: g, neighbourhood: TOTAL_LABEL, year }),
      (r) => ({ program: r.program, neighbourhood: r.neighbourhood, year }),
    );
  } else {
    const data = await repo.openTenancies(db, ente.id, from, toExcl, ref);
    rows = publishTable(
      data,
      ['tenancies', 'started', 'in_arrears'],
      (r) => r.program,
      (g) => ({ program: g, neighbourhood: TOTAL_LABEL, year }),
      (r) => ({ program: r.program, neighbourhood: r.neighbourhood, year }),
    );
  }
  const info = DATASET_INFO[dataset];
  return {
    dataset,
    ente: ente.slug,
    enteName: ente.name,
    title: info.title,
    description: info.description,
    year,
    licence: LICENCE,
    attribution: `${ente.name} – Abitare`,
    suppression: SUPPRESSION_NOTE,
    columns: ['program', 'neighbourhood', 'year', ...info.measures],
    rows: rows as OpenRow[],
  };
}
