import { describe, expect, it } from 'vitest';
import { parseAmount, parseDate, parsePaymentsCsv } from './payments-file.js';

describe('payments file', () => {
  it('reads Italian and plain amounts and dates', () => {
    expect(parseAmount('70,00')).toBe(7_000);
    expect(parseAmount('1.234,56')).toBe(123_456);
    expect(parseAmount('1234.5')).toBe(123_450);
    expect(parseAmount('1,234.56')).toBe(123_456);
    expect(parseAmount('70')).toBe(7_000);
    expect(parseAmount('0')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    expect(parseDate('05/03/2026')).toBe('2026-03-05');
    expect(parseDate('2026-02-30')).toBeNull();
  });

  it('gives each row a stable key; identical rows get distinct keys; the same file gives the same keys', () => {
    const csv =
      'date,amount,notice_number,fiscal_code,description\n2026-03-05,"70,00",,RSSMRA80A01E715X,Canone marzo\n2026-03-05,"70,00",,RSSMRA80A01E715X,Canone marzo\n';
    const a = parsePaymentsCsv(csv);
    expect(a.errors).toEqual([]);
    expect(a.rows).toHaveLength(2);
    expect(a.rows[0]?.key).not.toBe(a.rows[1]?.key);
    expect(parsePaymentsCsv(`\uFEFF${csv}`).rows.map((r) => r.key)).toEqual(a.rows.map((r) => r.key));
  });

  it('reports bad cells by line and refuses a file without the needed columns', () => {
    const bad = parsePaymentsCsv('date,amount,notice_number\n2026-13-01,abc,123\n');
    expect(bad.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'date'],
      [2, 'amount'],
      [2, 'notice_number'],
    ]);
    expect(parsePaymentsCsv('when,how much\n').errors[0]?.code).toBe('tenancy.csv.header');
  });
});
