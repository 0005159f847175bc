// A minimal PDF writer (Helvetica, WinAnsi text, A4 pages) for receipts and published rankings:
// enough for lines of text, with no dependency. Characters outside WinAnsi print as '?'.

const WIN_ANSI_EXTRA: Record<string, number> = { '€': 0x80, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95 };

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

export interface PdfLine {
  text: string;
  size?: number;
  bold?: boolean;
}

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 56;

/** Lays out lines top to bottom, starting a new page when one is full. */
export function renderPdf(title: string, lines: PdfLine[]): Buffer {
  const pages: Buffer[] = [];
  let parts: Buffer[] = [];
  let y = PAGE_H - MARGIN;
  const flush = () => {
    pages.push(Buffer.concat(parts));
    parts = [];
    y = PAGE_H - MARGIN;
  };
  for (const line of lines) {
    const size = line.size ?? 11;
    const lead = size * 1.45;
    if (y - lead < MARGIN) {
      flush();
    }
    y -= lead;
    parts.push(
      Buffer.from(`BT /${line.bold ? 'F2' : 'F1'} ${size} Tf ${MARGIN} ${y.toFixed(1)} Td (`, 'latin1'),
      encode(line.text),
      Buffer.from(') Tj ET\n', 'latin1'),
    );
  }
  flush();

  const objects: Buffer[] = [];
  const add = (body: Buffer | string) => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const f1 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const f2 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const info = add(Buffer.concat([Buffer.from('<< /Title (', 'latin1'), encode(title), Buffer.from(') /Producer (Abitare) >>', 'latin1')]));
  const kids: number[] = [];
  for (const content of pages) {
    const stream = add(Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]));
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, 'latin1');
  objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
