// The payments file a bank or the pagoPA reporting sends: one payment per row. Pure parsing and
// the row keys that make an import idempotent (the same file twice posts nothing twice).
import { createHash } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';

export const PAYMENT_COLUMNS = ['date', 'amount', 'notice_number', 'fiscal_code', 'description'] as const;

export interface PaymentRow {
  line: number;
  date: string;
  amountCents: number;
  noticeNumber: string | null;
  fiscalCode: string | null;
  description: string | null;
  /** Stable key of the row: its content and its occurrence among identical rows of the file. */
  key: string;
}

export interface RowError {
  line: number;
  field: string;
  code: 'tenancy.csv.date' | 'tenancy.csv.amount' | 'tenancy.csv.reference' | 'tenancy.csv.header' | 'tenancy.csv.malformed';
}

/** "70,00", "1.234,56", "1234.56", "70" (euros) → cents; null when it is not a positive amount. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/\s|€/g, '');
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t) || /^\d+,\d{1,2}$/.test(t)) {
    normalised = t.replace(/\./g, '').replace(',', '.');
  } else if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(t)) {
    normalised = t.replace(/,/g, '');
  } else if (/^\d+(\.\d{1,2})?$/.test(t)) {
    normalised = t;
  } else {
    return null;
  }
  const [euros, cents = ''] = normalised.split('.') as [string, string?];
  const value = Number(euros) * 100 + Number(cents.padEnd(2, '0'));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** "2026-03-05" or "05/03/2026" → "2026-03-05"; null otherwise. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const it = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : it ? [it[3], (it[2] as string).padStart(2, '0'), (it[1] as string).padStart(2, '0')] : [];
  if (!y || !m || !d) {
    return null;
  }
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : day;
}

export function parsePaymentsCsv(text: string): { rows: PaymentRow[]; errors: RowError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (e) {
    const line = e instanceof CsvError && typeof (e as { lines?: number }).lines === 'number' ? (e as unknown as { lines: number }).lines : 1;
    return { rows: [], errors: [{ line, field: 'file', code: 'tenancy.csv.malformed' }] };
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const index = (c: string) => columns.indexOf(c);
  if (index('date') < 0 || index('amount') < 0 || (index('notice_number') < 0 && index('fiscal_code') < 0)) {
    return { rows: [], errors: [{ line: 1, field: 'header', code: 'tenancy.csv.header' }] };
  }
  const cell = (r: string[], c: string) => {
    const i = index(c);
    const v = i < 0 ? '' : (r[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const rows: PaymentRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  body.forEach((r, i) => {
    const line = i + 2;
    const date = parseDate(cell(r, 'date') ?? '');
    const amountCents = parseAmount(cell(r, 'amount') ?? '');
    const noticeNumber = cell(r, 'notice_number')?.replace(/\s/g, '') ?? null;
    const fiscalCode = cell(r, 'fiscal_code')?.toUpperCase() ?? null;
    const description = cell(r, 'description');
    if (!date) {
      errors.push({ line, field: 'date', code: 'tenancy.csv.date' });
    }
    if (amountCents === null) {
      errors.push({ line, field: 'amount', code: 'tenancy.csv.amount' });
    }
    if (
      (noticeNumber !== null && !/^\d{18}$/.test(noticeNumber)) ||
      (fiscalCode !== null && !/^[A-Z0-9]{11,16}$/.test(fiscalCode)) ||
      (!noticeNumber && !fiscalCode)
    ) {
      errors.push({ line, field: noticeNumber === null && fiscalCode !== null ? 'fiscal_code' : 'notice_number', code: 'tenancy.csv.reference' });
    }
    if (!date || amountCents === null) {
      return;
    }
    const content = [date, amountCents, noticeNumber ?? '', fiscalCode ?? '', description ?? ''].join('|');
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    const key = createHash('sha256').update(`${content}|#${occurrence}`).digest('hex').slice(0, 40);
    rows.push({ line, date, amountCents, noticeNumber, fiscalCode, description, key });
  });
  return { rows, errors };
}
