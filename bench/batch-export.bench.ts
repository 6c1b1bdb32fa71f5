/**
 * A county's batch export as the clerk runs it: `nianbao export` given 50 report files with
 * --out-dir, in one new process (node start, reading, checking, one browser start, 50 PDFs, the
 * files written). Budget: 50 reports to PDF in 15 s. For comparison, one report per process, as
 * before the batch path (each pays a browser start): measured on 3 and scaled, for information.
 * Where the PDF renderer found the headless shell (Linux), the batch is run a second time with the
 * full browser too, which is what a Windows clerk with Chrome or Edge has.
 * Run after `npm run build`: npx tsx bench/batch-export.bench.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializeReportFile } from '../core/report/index.js';
import { findChromium, fullBrowsers, HEADLESS_SHELL } from '../electron/export/pdf.js';
import { childrenCpuMs, finish, loadAverage, median, report } from './budget.js';
import { fullReport } from './report-fixture.js';

const REPORTS = 50;
const BUDGET_MS = 15_000;
const CLI = path.join(__dirname, '..', 'dist', 'cli.cjs');

function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; status: number | null; stdout: string; stderr: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 300_000, env });
  return { ms: performance.now() - start, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function main(): void {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
  if (!findChromium()) {
    console.log('batch PDF export: skipped, no Chrome, Edge or Chromium installed');
    finish();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-batch-'));
  const files: string[] = [];
  for (let i = 0; i < REPORTS; i++) {
    const file = path.join(dir, `unit-${String(i + 1).padStart(2, '0')}.nianbao.json`);
    fs.writeFileSync(file, serializeReportFile(fullReport(`测试县第${i + 1}镇人民政府`, 2024, i)));
    files.push(file);
  }

  const browser = findChromium()!;
  const batchWith = (executable: string, outDir: string): ReturnType<typeof runCli> => {
    const run = runCli(['export', ...files, '--draft', '--format', 'pdf', '--out-dir', outDir], { ...process.env, NIANBAO_CHROMIUM: executable });
    if (run.status !== 0) throw new Error(`batch export failed (${run.status}):\n${run.stderr}`);
    const made = fs.readdirSync(outDir).filter((f) => f.endsWith('.pdf'));
    if (made.length !== REPORTS) throw new Error(`expected ${REPORTS} PDFs, found ${made.length}`);
    return run;
  };
  const loadBefore = loadAverage();
  const cpuBefore = childrenCpuMs();
  const batch = batchWith(browser, path.join(dir, 'out'));
  const cpuAfter = childrenCpuMs();
  console.log(`batch export: ${REPORTS} full reports (long prose, every cell) → PDF, one \`nianbao export\` process, one browser (${browser})`);
  report(`${REPORTS} reports to PDF, one new process (wall clock)`, batch.ms, BUDGET_MS);
  console.log(`  per report: ${(batch.ms / REPORTS).toFixed(0)} ms; load average before → after: ${loadBefore} → ${loadAverage()}`);
  if (cpuBefore !== null && cpuAfter !== null) {
    // the work itself, whatever else shares the machine: the command and its browser, all processes
    const cpu = cpuAfter - cpuBefore;
    // a lower bound: a process whose parent ends before reaping it (a renderer when the browser closes) is not counted
    console.log(
      `  CPU time of the command and the browser processes reaped under it (a lower bound): ${(cpu / 1000).toFixed(1)} s ` +
        `(${(cpu / REPORTS).toFixed(0)} ms per report, on ${os.cpus().length} cores)`,
    );
  }

  // What a clerk with only Chrome or Edge gets (Windows: there is no headless shell to install):
  // the full browser in its headless mode, which starts a browser window's machinery for every page.
  const full = findChromium(fullBrowsers());
  if (full && browser === HEADLESS_SHELL) {
    const run = batchWith(full, path.join(dir, 'out-full'));
    console.log(
      `  the same with the full browser (${full}), as on a machine with only Chrome or Edge: ${run.ms.toFixed(0)} ms ` +
        `(${(run.ms / REPORTS).toFixed(0)} ms per report; for information, the budget is for the browser the app picks here)`,
    );
  }

  // before: one process per report, each starting its own browser
  const single: number[] = [];
  for (let i = 0; i < 3; i++) {
    const one = runCli(['export', files[i]!, '--draft', '--format', 'pdf', '--out', path.join(dir, `single-${i}.pdf`)]);
    if (one.status !== 0) throw new Error(`single export failed:\n${one.stderr}`);
    single.push(one.ms);
  }
  console.log(
    `  for comparison, one process per report: median ${median(single).toFixed(0)} ms each, ` +
      `${((median(single) * REPORTS) / 1000).toFixed(1)} s for ${REPORTS} (${(median(single) / (batch.ms / REPORTS)).toFixed(1)}× the batch's per report)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  finish();
}

main();
