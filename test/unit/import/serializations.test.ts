import { describe, expect, it } from 'vitest';
import { getFormat, type FormatId } from '../../../core/format/index.js';
import { importBytes, importHtml, importText } from '../../../core/import/index.js';
import { strToU8 } from 'fflate';
import { docxParagraph, documentXml, gridToDocxTable, gridToHtml, gridToText, makeDocx, reportParts, type Style } from './render.js';

/**
 * One report, printed every way published reports are found, must import to the same cells.
 * Every cell holds a different figure, so a figure read into the wrong cell shows.
 */

function distinctCells(format: FormatId): Record<string, number> {
  const cells: Record<string, number> = {};
  getFormat(format).cells.forEach((c, i) => {
    cells[c.id] = c.kind === 'money' ? 17732 + i : 3 * i + 1;
  });
  if (format === '2019') cells['t2.lic.delta'] = -3;
  return cells;
}

const YEAR: Record<FormatId, number> = { '2021': 2023, '2019': 2020 };

function asText(format: FormatId, style: Style): string {
  const cells = distinctCells(format);
  return reportParts(format, YEAR[format], cells)
    .map((p) => ('text' in p ? p.text : gridToText(p.grid, style)))
    .join('\n');
}

function asHtml(format: FormatId): string {
  const parts = reportParts(format, YEAR[format], distinctCells(format));
  const body = parts.map((p) => ('text' in p ? `<p style="text-indent:2em">${p.text}</p>` : gridToHtml(p.grid))).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title><style>td{border:1px solid}</style><script>var a = "<table>";</script></head><body><div class="article">${body}</div></body></html>`;
}

function asDocx(format: FormatId): Uint8Array {
  const parts = reportParts(format, YEAR[format], distinctCells(format));
  return makeDocx(documentXml(parts.map((p) => ('text' in p ? docxParagraph(p.text) : gridToDocxTable(p.grid))).join('')));
}

describe.each(['2021', '2019'] as const)('the %s format in every serialization', (format) => {
  const expected = distinctCells(format);

  const sources: [string, () => ReturnType<typeof importText>][] = [
    ['one cell per line with pipes', () => importText(asText(format, 'pipes-per-cell'))],
    ['pipes per row', () => importText(asText(format, 'pipes-per-row'))],
    ['tabs', () => importText(asText(format, 'tabs'))],
    ['one cell per line, no delimiters', () => importText(asText(format, 'plain-lines'))],
    ['HTML with rowspan/colspan', () => importHtml(asHtml(format))],
    ['HTML file bytes', () => importBytes(strToU8(asHtml(format)), '报告.html')],
    ['DOCX with gridSpan/vMerge', () => importBytes(asDocx(format), '报告.docx')],
  ];

  it.each(sources)('%s', (_name, run) => {
    const out = run();
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.report.cells).toEqual(expected);
    expect(out.uncertain).toEqual([]);
    expect(out.detected).toEqual({ format, year: YEAR[format], agencyName: '青石县白河乡人民政府', level: 'township' });
    expect(out.report.origin).toBe('imported');
    expect(out.report.sections.s6).toBe('本年度未收取信息处理费。');
    expect(out.report.sections.s1?.split('\n')).toHaveLength(3);
  });
});
