/**
 * Export of a full report (every cell filled, long prose in 导语、一、五、六 with headings at all
 * four levels, notes under the tables, the 审批单).
 * Budgets: DOCX 150 ms median; PDF through the system Chromium 2 s cold (browser start
 * included) and 800 ms warm.
 * Run: npx tsx bench/export.bench.ts
 */
import { getFormat } from '../core/format/index.js';
import { buildDocument, renderPrintHtml } from '../core/document/index.js';
import { emptyAgency, withTotals, type ReportData } from '../core/report/index.js';
import { renderDocx } from '../electron/export/docx.js';
import { PDF_FONT_BASE_URL, closePdfRenderer, findChromium, prewarmPdfRenderer, renderPdf } from '../electron/export/pdf.js';
import { finish, median, report, timeIt } from './budget.js';

function section(year: number, parts: number): string {
  const lines: string[] = [];
  for (let i = 1; i <= parts; i++) {
    lines.push(`（${'一二三四五六七八九'[i - 1]}）第${i}项工作`);
    lines.push(
      `${year}年，本县围绕政务公开重点工作，全年主动公开政府信息2608条，受理依申请公开{{cell:t3.r1.total}}件，` +
        '办结{{cell:t3.r3_7.total}}件，结转下一年度办理{{cell:t3.r4.total}}件；政务新媒体发布信息1681条，编发政府公报4期。',
    );
    lines.push('1.制度建设');
    lines.push('修订主动公开目录，明确各部门公开职责和审核流程，按季度通报公开情况，对发现的问题限期整改并跟踪复查。');
    lines.push('（1）培训');
    lines.push('举办政务公开业务培训三期，覆盖全县各乡镇、街道和县直部门的信息公开工作人员。');
  }
  return lines.join('\n');
}

function fullReport(): ReportData {
  const year = 2024;
  const cells: Record<string, number> = {};
  getFormat('2021').cells.forEach((c, i) => {
    if (!c.sumOf) cells[c.id] = c.kind === 'money' ? 177_320 + i : (i * 37) % 500;
  });
  return {
    format: '2021',
    year,
    agency: { ...emptyAgency('某某县人民政府'), level: 'county', website: 'www.example.gov.cn' },
    cells: withTotals('2021', cells),
    sections: {
      s1: section(year, 5),
      s5: section(year, 2),
      s6: `本年度未收取信息处理费。${section(year, 1)}`,
      note_t2: '注：本表数据为全县汇总。',
      note_t3: '注：本表数据为全县汇总。',
      note_t4: '注：本年度无因政府信息公开引起的行政诉讼败诉案件。',
    },
    notes: {},
    signoff: { preparer: '张某', reviewer: '李某', approver: '王某', date: '2025-02-05' },
    origin: 'app',
  };
}

async function main(): Promise<void> {
  const data = fullReport();
  const doc = buildDocument(data, { draft: false, fingerprint: 'c0ffee0123456789', versionLabel: '第1版', approvalSheet: true });

  const build = await timeIt(() => buildDocument(data, { draft: false, approvalSheet: true }), 200);
  console.log(`buildDocument median: ${median(build).toFixed(3)} ms`);
  const html = await timeIt(() => renderPrintHtml(doc, { fontBaseUrl: PDF_FONT_BASE_URL }), 200);
  console.log(`renderPrintHtml median: ${median(html).toFixed(3)} ms`);

  await timeIt(() => renderDocx(doc), 5); // warm-up: module initialisation, JIT
  const docx = await timeIt(() => renderDocx(doc), 30);
  report('DOCX of a full report (median)', median(docx), 150);

  if (!findChromium()) {
    console.log('PDF: skipped, no Chrome, Edge or Chromium installed');
    finish();
  }
  const page = renderPrintHtml(doc, { fontBaseUrl: PDF_FONT_BASE_URL });
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    await closePdfRenderer();
    cold.push(...(await timeIt(() => renderPdf(page), 1)));
  }
  report('PDF cold, browser start included (median of 3)', median(cold), 2000);
  const warm = await timeIt(() => renderPdf(page), 10);
  report('PDF warm (median of 10)', median(warm), 800);
  // a different report through the same warm browser (new text, so font slices may be new)
  const other = renderPrintHtml(buildDocument({ ...data, agency: { ...data.agency, name: '另一个县人民政府' } }, { draft: true }), {
    fontBaseUrl: PDF_FONT_BASE_URL,
  });
  const switched = await timeIt(() => renderPdf(other), 1);
  console.log(`PDF warm, another report: ${switched[0]!.toFixed(0)} ms`);
  await closePdfRenderer();
  // what a clerk sees when the window prewarmed the renderer on opening the export screen
  await prewarmPdfRenderer();
  const afterPrewarm = await timeIt(() => renderPdf(page), 1);
  console.log(`PDF first after prewarm: ${afterPrewarm[0]!.toFixed(0)} ms`);
  await closePdfRenderer();
  finish();
}

void main();
