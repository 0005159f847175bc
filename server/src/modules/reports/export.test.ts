import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv, toXlsx } from './export.js';
import { publishTable } from './opendata.js';

/** Reads a stored ZIP back through its central directory, checking each entry's CRC. */
function readZip(buf: Buffer): Map<string, string> {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const crc = buf.readUInt32LE(p + 16);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const lnameLen = buf.readUInt16LE(local + 26);
    const data = buf.subarray(local + 30 + lnameLen, local + 30 + lnameLen + size);
    expect(crc32(data) >>> 0, name).toBe(crc);
    out.set(name, data.toString('utf8'));
    p += 46 + nameLen;
  }
  return out;
}

describe('exports', () => {
  it('CSV: BOM, CRLF, RFC 4180 quoting', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x, "y"', 1],
        [null, 2.5],
      ],
    ).toString('utf8');
    expect(csv).toBe('\uFEFFa,b\r\n"x, ""y""",1\r\n,2.5\r\n');
  });

  it('XLSX: a valid OOXML package with one sheet, numbers as numbers, text escaped', () => {
    const files = readZip(
      toXlsx(
        'Morosità per complesso',
        ['Complesso', 'Importo (€)'],
        [
          ['Sant’Anna & <Pisana>', 341],
          [null, 0.5],
        ],
      ),
    );
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="Morosità per complesso"');
    const sheet = files.get('xl/worksheets/sheet1.xml') as string;
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Sant’Anna &amp; &lt;Pisana&gt;</t></is></c>');
    expect(sheet).toContain('<c r="B2"><v>341</v></c>');
    expect(sheet).toContain('<c r="A3"/>');
    expect(sheet).toContain('<c r="B3"><v>0.5</v></c>');
  });
});

describe('open-data tables', () => {
  it('property: every published table keeps numbers ≥ 5 and never shows a total beside a suppressed cell', () => {
    const row = fc.record({
      program: fc.constantFrom('erp', 'youth_collab', 'cohousing'),
      neighbourhood: fc.constantFrom('A', 'B', 'C', 'D'),
      units: fc.nat({ max: 30 }),
      beds: fc.nat({ max: 60 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => `${r.program}|${r.neighbourhood}`, maxLength: 12 }), (rows) => {
        const out = publishTable(
          rows,
          ['units', 'beds'],
          (r) => r.program,
          (g) => ({ program: g, neighbourhood: 'TOTALE' }),
          (r) => ({ program: r.program, neighbourhood: r.neighbourhood }),
        );
        for (const measure of ['units', 'beds']) {
          if (out.some((r) => typeof r[measure] === 'number' && (r[measure] as number) < 5)) {
            return false;
          }
          for (const program of new Set(rows.map((r) => r.program))) {
            const cells = out.filter((r) => r.program === program && r.neighbourhood !== 'TOTALE');
            const total = out.find((r) => r.program === program && r.neighbourhood === 'TOTALE');
            if (cells.some((c) => typeof c[measure] === 'string') && typeof total?.[measure] === 'number') {
              return false;
            }
          }
        }
        return out.length === rows.length + new Set(rows.map((r) => r.program)).size;
      }),
      { numRuns: 1000 },
    );
  });
});
