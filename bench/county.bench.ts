/**
 * The county workspace at the scale of a city with 500 units (issue 15):
 *   - roll-up of 500 collected reports in the service (read from the store, summed, split, checked, rates): budget 200 ms
 *   - cross-unit copy detection over 500 reports × 3 prose sections: budget 2 s
 *   - `nianbao rollup` of 500 report files, as a process: budget 5 s; the same to PDF (a browser started, the
 *     roll-up printed through the batch export): budget 7 s
 *   - 「各单位报告 PDF（压缩包）」 for 50 units in the service: the roll-up and 50 reports printed in one batch
 *     export and zipped, browser start included: budget 15 s (the batch export's budget)
 *   - the status board with 500 units in the built app: sorting it (click → rows reordered and laid out): budget 16 ms (one frame);
 *     opening it (navigation → 500 rows drawn): budget 1 s
 * Run after `npm run build`: npx tsx bench/county.bench.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serializeReportFile } from '../core/report/index.js';
import { findCopies, officialBoilerplate } from '../core/rollup/index.js';
import { countyChecks } from '../electron/services/county/board.js';
import { rollupOf } from '../electron/services/county/rollup.js';
import { unitPdfsZip } from '../electron/services/county/unit-pdfs.js';
import { closePdfRenderer } from '../electron/export/pdf.js';
import { openStore } from '../electron/store/index.js';
import { startApp } from '../test/e2e/app.js';
import { CHROMIUM_ARGS, chromiumPath } from '../test/e2e/browser.js';
import { manyUnits, unitReport } from '../test/fixtures/county/units.js';
import { finish, median, report, timeIt } from './budget.js';

const UNITS = 500;
const YEAR = 2024;

async function main(): Promise<void> {
  // the figures below are wall-clock times: on a shared machine they grow with its load
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
  const specs = manyUnits(UNITS);
  const reports = specs.map((s) => unitReport(s, YEAR));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-county-'));
  const store = openStore(dataDir);
  const now = new Date().toISOString();
  store.county.setSetting('county.settings', JSON.stringify({ name: '某某市', townshipDeadline: '1-31', inbox: '' }));
  store.transaction(() => {
    const gov = store.county.addUnit({ name: specs[0]!.name, level: specs[0]!.level, code: '', mustReport: true, contact: '' }, now);
    specs.forEach((s, i) => {
      const unit = i === 0 ? gov : store.county.addUnit({ name: s.name, level: s.level, parentId: gov.id, code: '', mustReport: true, contact: '' }, now);
      store.county.putCollected({ unitId: unit.id, year: YEAR, source: 'package', fileName: '', state: 'draft', report: reports[i]!, errors: 0, warnings: 0, seal: '', receivedAt: now });
    });
  });

  rollupOf(store, YEAR);
  const rollup = await timeIt(() => rollupOf(store, YEAR), 7);
  report(`roll-up of ${UNITS} reports in the service (median of 7)`, median(rollup), 200);

  const texts = reports.flatMap((r, i) => (['s1', 's5', 's6'] as const).map((section) => ({ unitId: i + 1, section, text: r.sections[section] ?? '' })));
  // two units copied: the detection must still find them at this scale
  texts[3 * 17]!.text = texts[3 * 400]!.text;
  const boiler = officialBoilerplate('2021', reports);
  let found = 0;
  const copies = await timeIt(() => (found = findCopies(texts, { boilerplate: boiler }).length), 3);
  report(`copy detection over ${UNITS} reports × 3 sections (median of 3; ${found} pair found)`, median(copies), 2000);
  const checks = await timeIt(() => countyChecks(store, YEAR), 3);
  report(`all checks across ${UNITS} units in the service (parent sums, outliers, copies; median of 3)`, median(checks), 3000);

  // 50 units' PDFs and the roll-up, as the county screen exports them (a new browser: it is the first PDF of the process)
  const fifty = store.county.units().slice(0, 50).map((u) => u.id);
  const zipStart = performance.now();
  const zip = await unitPdfsZip(store, YEAR, fifty);
  report(`units' PDFs in one .zip: the roll-up and 50 reports, one batch, browser start included (${(zip.bytes.length / 1e6).toFixed(1)} MB)`, performance.now() - zipStart, 15_000);
  await closePdfRenderer();
  store.close();

  // the command line over 500 report files
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-rollup-'));
  reports.forEach((r, i) => fs.writeFileSync(path.join(folder, `${i}.nianbao.json`), serializeReportFile(r)));
  const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, 'rollup', folder, '--year', String(YEAR), '--name', '某某市', '--out', path.join(folder, 'rollup.json')], { encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (run.status !== 0) throw new Error(`nianbao rollup failed: ${run.stderr}`);
  report(`nianbao rollup of ${UNITS} report files, as a process`, elapsed, 5000);
  const pdfStart = performance.now();
  const pdf = spawnSync(process.execPath, [cli, 'rollup', folder, '--year', String(YEAR), '--name', '某某市', '--out', path.join(folder, 'rollup.pdf')], { encoding: 'utf8' });
  const pdfElapsed = performance.now() - pdfStart;
  if (pdf.status !== 0) throw new Error(`nianbao rollup --out .pdf failed: ${pdf.stderr}`);
  report(`nianbao rollup of ${UNITS} report files to PDF, as a process (a browser started)`, pdfElapsed, 7000);
  fs.rmSync(folder, { recursive: true, force: true });

  // the status board in the built app
  const app = await startApp(dataDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(app.launchUrl);
    // page code as text: the Node-side typecheck has no DOM types
    await page.evaluate(`localStorage.setItem('nianbao.county.year', '${YEAR}')`);
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await page.goto(`${app.url}#/county/board`);
      await page.reload();
      // the board draws the rows in view (it is windowed from 100 rows on) and counts them all
      await page.locator('.board-summary', { hasText: `单位 ${UNITS} 个` }).waitFor();
      await page.locator('tr[data-unit]').nth(10).waitFor();
      opens.push(Date.now() - t0);
    }
    report(`status board with ${UNITS} units: opened and drawn (median of 3)`, median(opens), 1000);
    const sorts: number[] = [];
    for (let i = 0; i < 12; i++) {
      const column = ['单位', '期限', '状态', '类型'][i % 4]!;
      sorts.push(
        await page.evaluate<number>(`(async () => {
          const button = [...document.querySelectorAll('button.sort')].find((b) => b.textContent.startsWith('${column}'));
          const t0 = performance.now();
          button.click();
          // React commits a click's update before the next task; then style and layout
          await new Promise((r) => setTimeout(r, 0));
          void document.body.offsetHeight;
          return performance.now() - t0;
        })()`),
      );
    }
    report(`status board with ${UNITS} units: a sort, click → reordered and laid out (median of 12)`, median(sorts.slice(2)), 16);
  } finally {
    await browser.close();
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(finish, (err) => {
  console.error(err);
  process.exit(1);
});
