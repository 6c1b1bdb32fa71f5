/**
 * Export of a full report (every cell filled, long prose in 导语、一、五、六 with headings at all
 * four levels, notes under the tables, the 审批单).
 * Budgets: DOCX 150 ms median; PDF through the system Chromium 800 ms warm; cold — a new
 * process, as `nianbao export` is (node start, reading the file, the browser start, the first
 * PDF, writing it) — 2 s. The in-process figure with only the browser restarted is kept, named so.
 * Run after `npm run build` (the cold figures run dist/cli.cjs): npx tsx bench/export.bench.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializeReportFile } from '../core/report/index.js';
import { buildDocument, renderPrintHtml } from '../core/document/index.js';
import { fullReport } from './report-fixture.js';
import { renderDocx } from '../electron/export/docx.js';
import { PDF_FONT_BASE_URL, closePdfRenderer, findChromium, prewarmPdfRenderer, renderPdf } from '../electron/export/pdf.js';
import { finish, median, report, timeIt } from './budget.js';

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
  report('PDF, browser restarted inside this warm process (median of 3)', median(cold), 2000);
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
  coldProcess(data);
  finish();
}

/** What a clerk waits for at the command line: a new process per export, nothing warm. */
function coldProcess(data: ReturnType<typeof fullReport>): void {
  const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
  if (!fs.existsSync(cli)) {
    console.log('cold (a new process): skipped, dist/cli.cjs is missing — run `npm run build` first');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-export-'));
  const file = path.join(dir, 'report.nianbao.json');
  fs.writeFileSync(file, serializeReportFile(data));
  const run = (format: string): number => {
    const start = performance.now();
    const done = spawnSync(process.execPath, [cli, 'export', file, '--draft', '--format', format, '--out', path.join(dir, `out.${format}`)], { encoding: 'utf8' });
    if (done.status !== 0) throw new Error(`nianbao export failed:\n${done.stderr}`);
    return performance.now() - start;
  };
  const docx = [0, 1, 2].map(() => run('docx'));
  report('DOCX cold: `nianbao export` in a new process, start to file written (median of 3)', median(docx), 1500);
  const pdf = [0, 1, 2].map(() => run('pdf'));
  report('PDF cold: `nianbao export` in a new process, browser start and first PDF included (median of 3)', median(pdf), 2000);
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();
