import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../core/document/index.js';
import { getFormat, type FormatId } from '../../../core/format/index.js';
import { importBytes, importText } from '../../../core/import/index.js';
import { emptyAgency, type ReportData } from '../../../core/report/index.js';
import { renderDocx } from '../../../electron/export/index.js';
import { SHAPE_003 } from './sources.js';

/**
 * The round trip: the DOCX the app's own exporter writes imports back to the same cells, year,
 * format and agency. Every cell holds a different figure, so a figure read into the wrong cell shows.
 */

function distinctReport(format: FormatId, year: number): ReportData {
  const cells: Record<string, number> = {};
  getFormat(format).cells.forEach((c, i) => {
    cells[c.id] = c.kind === 'money' ? 17_732 + 1000 * i : 2 * i + 1;
  });
  if (format === '2019') cells['t2.lic.delta'] = -3;
  return {
    format,
    year,
    agency: { ...emptyAgency('某某县清河镇人民政府'), level: 'township' },
    cells,
    sections: { s1: `${year}年，我镇认真落实政府信息公开各项要求。`, s5: '公开内容还不够丰富。', s6: '本年度未收取信息处理费。' },
    notes: {},
    signoff: { preparer: '', reviewer: '', approver: '', date: `${year + 1}-01-20` },
    origin: 'app',
  };
}

async function roundTrip(report: ReportData) {
  const docx = await renderDocx(buildDocument(report, { draft: false }));
  const out = importBytes(docx, `${report.year}年报告.docx`);
  if (!out.ok) throw new Error(out.message);
  return out;
}

describe('the DOCX made by the app imports back to identical cells', () => {
  it.each([
    ['2021', 2023],
    ['2019', 2020],
  ] as const)('%s format, every cell a different figure', async (format, year) => {
    const report = distinctReport(format, year);
    const out = await roundTrip(report);
    expect(out.report.cells).toEqual(report.cells);
    expect(out.detected).toEqual({ format, year, agencyName: '某某县清河镇人民政府', level: 'township' });
    expect(out.uncertain).toEqual([]);
    expect(out.report.sections.s1).toBe(report.sections.s1);
    expect(out.report.sections.s6).toBe(report.sections.s6);
    expect(out.report.signoff?.date).toBe(report.signoff?.date);
  });

  it('an imported report (published totals) survives export and import unchanged', async () => {
    const first = importText(SHAPE_003);
    if (!first.ok) throw new Error(first.message);
    const out = await roundTrip(first.report);
    expect(out.report.cells).toEqual(first.report.cells);
    expect(out.report.sections).toEqual(first.report.sections);
    expect(out.detected).toEqual(first.detected);
  });
});
