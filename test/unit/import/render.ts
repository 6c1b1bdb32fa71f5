import { zipSync, strToU8 } from 'fflate';
import { cellDef, getFormat, sectionHeading, SECTIONS, type FormatId, type TableId } from '../../../core/format/index.js';
import { fenToWan } from '../../../core/report/index.js';

/**
 * Test helpers that print a report's tables the ways published reports are found: one cell per
 * line with pipes, pipes per row, tabs, one cell per line without delimiters, HTML with
 * rowspan/colspan, and DOCX with w:gridSpan/w:vMerge. The grids come from core/format, so the
 * merges are the official ones.
 */

export interface PrintedCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

/** A table's grid with the values filled in (a blank cell prints as empty). */
export function printedGrid(format: FormatId, table: TableId, cells: Readonly<Record<string, number>>): PrintedCell[][] {
  return getFormat(format).tables[table].rows.map((row) =>
    row.map((c) => {
      let text = c.text ?? '';
      if (c.role === 'value' && c.cell) {
        const v = cells[c.cell];
        text = v === undefined ? '' : cellDef(format, c.cell)!.kind === 'money' ? fenToWan(v) : String(v);
      }
      return { text, colSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1 };
    }),
  );
}

export type Style = 'pipes-per-cell' | 'pipes-per-row' | 'tabs' | 'plain-lines';

export function gridToText(grid: PrintedCell[][], style: Style): string {
  switch (style) {
    case 'pipes-per-cell':
      return grid.map((row) => ['|', ...row.map((c) => `${c.text} |`)].join('\n')).join('\n');
    case 'pipes-per-row':
      return grid.map((row) => `${row.map((c) => c.text).join(' | ')} |`).join('\n');
    case 'tabs':
      return grid.map((row) => row.map((c) => c.text).join('\t')).join('\n');
    case 'plain-lines':
      return grid.flatMap((row) => row.map((c) => c.text).filter(Boolean)).join('\n');
  }
}

export function gridToHtml(grid: PrintedCell[][]): string {
  const rows = grid.map(
    (row) =>
      `<tr>${row
        .map((c) => {
          const attrs = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan='${c.rowSpan}'` : ''}`;
          return `<td${attrs}><p>${escapeHtml(c.text).replace(/（/g, '&#xff08;')}</p></td>`;
        })
        .join('')}</tr>`,
  );
  return `<table border="1"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeXml(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/**
 * WordprocessingML for a grid: a cell spanning columns gets w:gridSpan; a cell spanning rows
 * starts a w:vMerge run (restart) and each covered row gets an empty continuation cell.
 */
export function gridToDocxTable(grid: PrintedCell[][]): string {
  const width = Math.max(...grid.map((row) => row.reduce((n, c) => n + c.colSpan, 0)));
  /** columns still covered by a row span from above: column → [remaining rows, colSpan] */
  const covered = new Map<number, [number, number]>();
  const rows: string[] = [];
  for (const row of grid) {
    const tcs: string[] = [];
    let col = 0;
    const queue = [...row];
    while (col < width * 2 && (queue.length || [...covered.keys()].some((k) => k >= col))) {
      const cover = covered.get(col);
      if (cover) {
        const [left, span] = cover;
        tcs.push(tc('', span, 'continue'));
        if (left <= 1) covered.delete(col);
        else covered.set(col, [left - 1, span]);
        col += span;
        continue;
      }
      const cell = queue.shift();
      if (!cell) {
        col += 1;
        continue;
      }
      if (cell.rowSpan > 1) covered.set(col, [cell.rowSpan - 1, cell.colSpan]);
      tcs.push(tc(cell.text, cell.colSpan, cell.rowSpan > 1 ? 'restart' : undefined));
      col += cell.colSpan;
    }
    rows.push(`<w:tr>${tcs.join('')}</w:tr>`);
  }
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

function tc(text: string, colSpan: number, vMerge?: 'restart' | 'continue'): string {
  const pr = `${colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : ''}${vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge ? '<w:vMerge/>' : ''}`;
  // labels broken into two runs, as Word does after editing
  const runs = text.length > 3 ? [text.slice(0, 2), text.slice(2)] : [text];
  const p = `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs.map((r) => `<w:r><w:rPr><w:sz w:val="21"/></w:rPr><w:t xml:space="preserve">${escapeXml(r)}</w:t></w:r>`).join('')}</w:p>`;
  return `<w:tc><w:tcPr><w:tcW w:w="600" w:type="dxa"/>${pr}</w:tcPr>${p}</w:tc>`;
}

export function docxParagraph(text: string): string {
  return `<w:p><w:r><w:t>${escapeXml(text)}</w:t></w:r></w:p>`;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A minimal .docx: the parts Word needs to open it, and the given document.xml. */
export function makeDocx(xml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(xml),
  });
}

/** The prose of a small made-up report around its three tables. */
export const TEST_PROSE = {
  title: (year: number) => `青石县白河乡人民政府${year}年政府信息公开工作年度报告`,
  intro: '本报告依照《中华人民共和国政府信息公开条例》编制，统计期限为本年1月1日至12月31日。',
  s1: ['本年度白河乡围绕群众关心的事项推进公开，信息发布及时。', '（一）主动公开', '乡政府网站专栏全年更新公开内容。'],
  s5: ['公开栏更新不够及时。下一步将明确专人维护。'],
  s6: ['本年度未收取信息处理费。'],
};

/** The report's text parts in order, with a table's grid where the table goes. */
export function reportParts(format: FormatId, year: number, cells: Readonly<Record<string, number>>): ({ text: string } | { grid: PrintedCell[][] })[] {
  const parts: ({ text: string } | { grid: PrintedCell[][] })[] = [{ text: TEST_PROSE.title(year) }, { text: TEST_PROSE.intro }];
  for (const s of SECTIONS) {
    parts.push({ text: sectionHeading(s) });
    if (s.table) parts.push({ grid: printedGrid(format, s.table, cells) });
    else for (const line of TEST_PROSE[s.key as 's1' | 's5' | 's6']) parts.push({ text: line });
  }
  return parts;
}

/** Deterministic noise (xorshift): binary garbage and incompressible 「pictures」, reproducible. */
export function noise(length: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
