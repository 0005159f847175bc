// The funder report as PDF (A4): a cover, the indicators table with definitions and a bar chart
// drawn as vector graphics, with page numbers. A small PDF writer of its own (the calls module's
// writer lays out lines of text only): Helvetica in WinAnsi, text placed at coordinates, lines and
// filled rectangles. Uncompressed content streams, so the figures are searchable text.
import { formatValue, PROGRAM_LABELS, type Report } from './service.js';

const WIN_ANSI_EXTRA: Record<string, number> = { '€': 0x80, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '÷': 0xf7, '→': 0x3e };

function encode(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    const extra = WIN_ANSI_EXTRA[ch];
    const b = extra ?? (code >= 0x20 && code <= 0xff && (code < 0x7f || code >= 0xa0) ? code : 0x3f);
    if (b === 0x28 || b === 0x29 || b === 0x5c) {
      bytes.push(0x5c);
    }
    bytes.push(b);
  }
  return Buffer.from(bytes);
}

const W = 595;
const H = 842;
const M = 50;

/** Rough Helvetica width (average glyph ≈ 0.5 em) for wrapping. */
const widthOf = (text: string, size: number) => text.length * size * 0.5;

function wrap(text: string, size: number, maxWidth: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (widthOf(next, size) > maxWidth && cur) {
      lines.push(cur);
      cur = w;
    } else {
      cur = next;
    }
  }
  if (cur) {
    lines.push(cur);
  }
  return lines;
}

class Page {
  parts: Buffer[] = [];
  text(x: number, y: number, s: string, size = 10, bold = false, rgb: [number, number, number] = [0, 0, 0]) {
    this.parts.push(
      Buffer.from(`${rgb.join(' ')} rg BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(1)} ${y.toFixed(1)} Td (`, 'latin1'),
      encode(s),
      Buffer.from(') Tj ET\n', 'latin1'),
    );
  }
  rect(x: number, y: number, w: number, h: number, rgb: [number, number, number]) {
    this.parts.push(Buffer.from(`${rgb.join(' ')} rg ${x.toFixed(1)} ${y.toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)} re f\n`, 'latin1'));
  }
  line(x1: number, y1: number, x2: number, y2: number, width = 0.5, gray = 0.6) {
    this.parts.push(Buffer.from(`${gray} G ${width} w ${x1.toFixed(1)} ${y1.toFixed(1)} m ${x2.toFixed(1)} ${y2.toFixed(1)} l S\n`, 'latin1'));
  }
}

function assemble(title: string, pages: Page[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const f1 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const f2 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  add(Buffer.concat([Buffer.from('<< /Title (', 'latin1'), encode(title), Buffer.from(') /Producer (Abitare) >>', 'latin1')]));
  const info = objects.length;
  const kids: number[] = [];
  for (const p of pages) {
    const content = Buffer.concat(p.parts);
    const stream = add(Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]));
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${W} ${H}] /Resources << /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R /Lang (it-IT) >>`, 'latin1');
  objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = (chunks[0] as Buffer).length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(obj);
    length += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

const BLUE: [number, number, number] = [0, 0.4, 0.8];
const DARK: [number, number, number] = [0.1, 0.1, 0.1];
const GREY: [number, number, number] = [0.35, 0.35, 0.35];

const itDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The funder report of one program scope and period. */
export function funderReportPdf(report: Report, enteName: string, generatedOn: string): Buffer {
  const programs = report.programs.map((p) => PROGRAM_LABELS[p].it).join(', ');
  const pages: Page[] = [];

  // Cover.
  const cover = new Page();
  cover.rect(0, H - 140, W, 140, BLUE);
  cover.text(M, H - 70, enteName, 22, true, [1, 1, 1]);
  cover.text(M, H - 100, 'Rete dell’abitare sociale e collaborativo', 12, false, [1, 1, 1]);
  cover.text(M, H - 240, 'Rapporto al finanziatore', 26, true, DARK);
  cover.text(M, H - 275, 'Indicatori di realizzazione e di risultato', 14, false, GREY);
  let y = H - 340;
  for (const [k, v] of [
    ['Programma', programs],
    ['Periodo di riferimento', `dal ${itDate(report.period.from)} al ${itDate(report.period.to)}`],
    ['Dati rilevati al', itDate(report.period.ref)],
    ['Data di redazione', itDate(generatedOn)],
    ['Fonte', 'Abitare – dati amministrativi dei servizi comunali'],
  ] as const) {
    cover.text(M, y, k, 10, true, GREY);
    for (const l of wrap(v, 12, W - 2 * M - 170)) {
      cover.text(M + 170, y, l, 12, false, DARK);
      y -= 16;
    }
    y -= 8;
  }
  cover.line(M, 120, W - M, 120);
  cover.text(M, 100, 'Documento generato automaticamente dai dati in esercizio. Le definizioni degli indicatori sono riportate', 8, false, GREY);
  cover.text(M, 88, 'accanto a ciascun valore. Dati aggregati, privi di dati personali.', 8, false, GREY);
  pages.push(cover);

  // Indicators table.
  let page = new Page();
  pages.push(page);
  y = H - M;
  const header = (p: Page) => {
    p.text(M, y, '1. Indicatori', 16, true, DARK);
    y -= 26;
    p.rect(M, y - 4, W - 2 * M, 18, [0.9, 0.93, 0.97]);
    p.text(M + 4, y, 'Indicatore', 9, true);
    p.text(M + 300, y, 'Valore', 9, true);
    p.text(M + 390, y, 'Numeratore / denominatore', 9, true);
    y -= 20;
  };
  header(page);
  for (const ind of report.indicators) {
    const def = wrap(ind.definition.it, 7, W - 2 * M - 8);
    const need = 14 + def.length * 9 + 8;
    if (y - need < M + 30) {
      page = new Page();
      pages.push(page);
      y = H - M;
      header(page);
    }
    page.text(M + 4, y, ind.label.it, 9.5, true, DARK);
    page.text(M + 300, y, formatValue(ind.value, ind.unit, 'it'), 9.5, false, DARK);
    if (ind.denominator !== null) {
      page.text(M + 390, y, `${ind.numerator ?? 0} / ${ind.denominator}`, 9, false, GREY);
    }
    y -= 11;
    for (const l of def) {
      page.text(M + 4, y, l, 7, false, GREY);
      y -= 9;
    }
    page.line(M, y + 3, W - M, y + 3, 0.3, 0.8);
    y -= 8;
  }

  // Chart: the rate indicators as horizontal bars on a 0–100 % scale.
  const chart = new Page();
  pages.push(chart);
  y = H - M;
  chart.text(M, y, '2. Tassi (grafico)', 16, true, DARK);
  y -= 18;
  chart.text(M, y, 'Valori in percentuale; la barra vuota indica un dato non disponibile nel periodo.', 8, false, GREY);
  y -= 30;
  const rates = report.indicators.filter((i) => i.unit === 'rate');
  const x0 = M + 210;
  const barW = W - M - x0 - 40;
  const top = y;
  for (const r of rates) {
    chart.text(M, y - 10, r.label.it.slice(0, 42), 8.5, false, DARK);
    chart.rect(x0, y - 14, barW, 14, [0.93, 0.93, 0.93]);
    if (r.value !== null) {
      chart.rect(x0, y - 14, (barW * Math.min(r.value, 10_000)) / 10_000, 14, BLUE);
    }
    chart.text(x0 + barW + 4, y - 10, formatValue(r.value, 'rate', 'it'), 8.5, true, DARK);
    y -= 26;
  }
  for (const pct of [0, 25, 50, 75, 100]) {
    const x = x0 + (barW * pct) / 100;
    chart.line(x, y + 8, x, top + 4, 0.3, 0.7);
    chart.text(x - 6, y - 4, `${pct}%`, 7, false, GREY);
  }
  y -= 40;
  const apps = report.tables.find((t) => t.id === 'applications_by_program');
  if (apps && apps.rows.length > 0) {
    chart.text(M, y, '3. Domande per programma', 16, true, DARK);
    y -= 22;
    chart.text(M + 4, y, 'Programma', 9, true);
    chart.text(M + 260, y, 'Ricevute', 9, true);
    chart.text(M + 340, y, 'Ammesse', 9, true);
    chart.text(M + 420, y, 'Alloggiati', 9, true);
    y -= 14;
    for (const r of apps.rows) {
      chart.text(M + 4, y, PROGRAM_LABELS[r.program as keyof typeof PROGRAM_LABELS]?.it ?? String(r.program), 9);
      chart.text(M + 260, y, String(r.received), 9);
      chart.text(M + 340, y, String(r.admitted), 9);
      chart.text(M + 420, y, String(r.housed), 9);
      y -= 13;
    }
  }

  pages.forEach((p, i) => {
    p.text(M, 30, `${enteName} – Rapporto al finanziatore – ${programs.slice(0, 60)}`, 7, false, GREY);
    p.text(W - M - 60, 30, `Pagina ${i + 1} di ${pages.length}`, 7, false, GREY);
  });
  return assemble(`Rapporto al finanziatore – ${programs}`, pages);
}
