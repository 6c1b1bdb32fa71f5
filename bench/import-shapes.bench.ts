/**
 * The importer on thousands of reports nobody wrote by hand (test/fixtures/import/generator.ts):
 * each generated report is written in every text shape and read back; per shape, the share of
 * figures read right and the share read wrong WITHOUT being marked uncertain, against the goal
 * (≥ 99.5 % right, ≤ 0.1 % silently wrong). Then a batch of 100 published reports timed
 * against its budget (≤ 5 s) in this process, three times, with processor time and load average;
 * bench/import-memory.bench.ts times the same batch through the shipped command line.
 *
 *   npx tsx bench/import-shapes.bench.ts            # 2 000 reports per text shape and for the app's DOCX
 *   IMPORT_REPORTS=200 IMPORT_PDF_REPORTS=20 npx tsx bench/import-shapes.bench.ts
 *   IMPORT_SHAPES=pdf-text,app-pdf npx tsx bench/import-shapes.bench.ts   # some shapes only
 *   IMPORT_SHOW=1 …                                  # each report with figures uncertain though knowable
 *
 * The two PDF shapes (the app's own PDF, and the Word page printed to PDF) go through one reused
 * headless Chromium and pdf.js, about a quarter of a second each: IMPORT_PDF_REPORTS of them
 * (default 200) are made and read.
 *
 * Two profiles of blank 表二 cells, each shape read under both (generator.ts, BlankProfile):
 * - `stress`: 8 % of 表二's count cells blank in every report. In text without separators (runon,
 *   spaces, cell-per-line, pdf-text) a blank in a row without an equation cannot be placed by any
 *   reader, so these shapes stay near 99.4 % (98 % run together) however good the reader is.
 * - `realistic`: one report in 20 leaves the 表二 cells it has nothing for blank (all its zeros);
 *   the others write every cell. The goal (≥ 99.5 % right, ≤ 0.1 % silently wrong) is judged on
 *   this profile. Evidence for the calibration, as of 2026-12:
 *   - the four seed reports with tables (one 2019, three 2021 format) write all 48 of their 表二
 *     count cells, 41 of them as 0: no blank, no 「/」;
 *   - the format's own rule D-4 (spec) says a final document has no blank cell (「空格填0」), and
 *     the review tools of other vendors (background notes) flag blank or 「/」 cells as a defect
 *     worth a check of its own (表三 over 10, 表四 over 5): blanks happen, but as the exception;
 *   - one published report (a 区统计局, 2023) left 表三 blank but for its totals and wrote 「/」
 *     in 规章; some local statistics rules tell units to leave cells with no data blank (儋州): so
 *     blanks come by report, following a local practice, not scattered cell by cell.
 *   Four seeds cannot pin the rate down; 1 in 20 is a judgement from the above, on the side of
 *   more blanks. `stress` remains to show what blanks cost where they do occur.
 */
import { loadavg } from 'node:os';
import { importBytes } from '../core/import/index.js';
import { closePdfRenderer } from '../electron/export/index.js';
import { importFileBytes } from '../electron/services/import.js';
import { BINARY_SHAPES, renderBinary } from '../test/fixtures/import/binary-shapes.js';
import { BLANK_PROFILES, makeReport, rng, type BlankProfile, type Generated } from '../test/fixtures/import/generator.js';
import { renderText, TEXT_SHAPES } from '../test/fixtures/import/shapes.js';
import { classify } from '../test/fixtures/import/classify.js';
import { finish, report } from './budget.js';

const REPORTS = Number(process.env.IMPORT_REPORTS ?? 2000);
const PDF_REPORTS = Number(process.env.IMPORT_PDF_REPORTS ?? 200);
const ONLY = process.env.IMPORT_SHAPES ? new Set(process.env.IMPORT_SHAPES.split(',')) : null;
const GOAL_RIGHT = 99.5;
const GOAL_SILENT = 0.1;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let misses = 0;
let total = 0;
/** every shape's figures together, per profile: the goal over all the generated reports */
const together = new Map<BlankProfile, { cells: number; right: number; silent: number; inherent: number; reports: number }>();

/**
 * Reads `count` generated reports in one shape and prints, per shape, the figures read right,
 * uncertain although the source determines them (a reader weakness), uncertain because the
 * source cannot tell (classify.ts), and wrong without a mark. `write` gives the file; `text`
 * (the text shapes) lets the classifier write other readings of a row out in the same shape.
 */
async function measure(
  shape: string,
  profile: BlankProfile,
  count: number,
  write: (g: Generated, r: () => number) => Promise<{ name: string; bytes: Uint8Array }>,
  text?: (g: Generated, r: () => number) => string,
): Promise<void> {
  const sum = { cells: 0, right: 0, silent: 0, knowable: 0, inherent: 0 };
  const weak = new Map<string, number>();
  let refused = 0;
  for (let i = 0; i < count; i++) {
    const seed = 7919 * (i + 1);
    const r = rng(seed);
    const g = makeReport(r, profile);
    const { name, bytes } = await write(g, r);
    const out = text ? importBytes(bytes, name) : await importFileBytes(bytes, name);
    if (!out.ok) refused++;
    // the same shape's random choices for any other reading: a generator advanced as for this report
    const again = (report: Generated['report']) => {
      const r2 = rng(seed);
      makeReport(r2, profile);
      return text ? text({ ...g, report }, r2) : '';
    };
    const c = classify(g.report, out, text ? decoder.decode(bytes) : '\u0000', again);
    for (const k of ['cells', 'right', 'silent', 'knowable', 'inherent'] as const) sum[k] += c[k];
    for (const id of c.knowableIds) weak.set(id, (weak.get(id) ?? 0) + 1);
    if (process.env.IMPORT_SHOW && c.knowableIds.length) console.log(`  ${shape} #${i} seed ${seed}: ${c.knowableIds.join(' ')}`);
  }
  total += count;
  const all = together.get(profile) ?? { cells: 0, right: 0, silent: 0, inherent: 0, reports: 0 };
  for (const k of ['cells', 'right', 'silent', 'inherent'] as const) all[k] += sum[k];
  all.reports += count;
  together.set(profile, all);
  const pct = (n: number) => ((100 * n) / sum.cells).toFixed(2);
  const rightPct = (100 * sum.right) / sum.cells;
  const silentPct = (100 * sum.silent) / sum.cells;
  const ok = rightPct >= GOAL_RIGHT && silentPct <= GOAL_SILENT;
  // the goal is judged on the realistic profile (see the header); the stress profile is printed beside it
  if (!ok && profile === 'realistic') misses++;
  console.log(
    `import shape ${shape.padEnd(13)} ${profile.padEnd(9)} ${count} reports: right ${rightPct.toFixed(2)} % (goal ≥ ${GOAL_RIGHT} %), uncertain-knowable ${pct(sum.knowable)} %, uncertain-inherent ${pct(sum.inherent)} %, silently wrong ${silentPct.toFixed(3)} % (goal ≤ ${GOAL_SILENT} %)${refused ? `, ${refused} refused` : ''} ${ok ? 'ok' : 'BELOW GOAL'}`,
  );
  // the goal on what the text can tell: a blank the source hides is no reader's to find
  if (sum.inherent) console.log(`  right of the figures the text determines: ${((100 * sum.right) / (sum.cells - sum.inherent)).toFixed(2)} %`);
  const worst = [...weak].sort((a, b) => b[1] - a[1]).slice(0, 6);
  if (worst.length) console.log(`  most often uncertain though knowable: ${worst.map(([id, n]) => `${id} ×${n}`).join(', ')}`);
}

async function main(): Promise<void> {
  for (const shape of TEXT_SHAPES) {
    if (ONLY && !ONLY.has(shape)) continue;
    for (const profile of BLANK_PROFILES) {
      await measure(
        shape,
        profile,
        REPORTS,
        async (g, r) => {
          const { name, text } = renderText(shape, g, r);
          return { name, bytes: encoder.encode(text) };
        },
        (g, r) => renderText(shape, g, r).text,
      );
    }
  }
  for (const shape of BINARY_SHAPES) {
    if ((!PDF_REPORTS && shape !== 'app-docx') || (ONLY && !ONLY.has(shape))) continue;
    for (const profile of BLANK_PROFILES) {
      await measure(shape, profile, shape === 'app-docx' ? REPORTS : PDF_REPORTS, (g) => renderBinary(shape, g));
    }
  }
  await closePdfRenderer();
  const shapes = [...TEXT_SHAPES, ...BINARY_SHAPES].filter((s) => !ONLY || ONLY.has(s)).length;
  console.log(`import shapes: ${shapes - misses} of ${shapes} shapes meet the goal on the realistic profile (${total} reports read, both profiles)`);
  // The issue's goal is over all the generated reports; per shape it cannot be met by run-together
  // text, whose 表二 rows with several cells lose their boundaries ("532": 5|3|2 or 53|2|…) and no
  // equation links them, so they are marked uncertain by design (counted as inherent above).
  for (const [profile, all] of together) {
    const right = (100 * all.right) / all.cells;
    const silent = (100 * all.silent) / all.cells;
    console.log(
      `import, all shapes together, ${profile} profile (${all.reports} reports, ${all.cells} figures): right ${right.toFixed(2)} %, ` +
        `uncertain because the text cannot tell ${((100 * all.inherent) / all.cells).toFixed(2)} %, silently wrong ${silent.toFixed(3)} %`,
    );
    if (profile === 'realistic') {
      // the goal as budgets: at most 0.5 % of the figures not read right (wrong, blank or uncertain), at most 0.1 % wrong unmarked
      report('  all shapes, realistic profile: figures not read right (wrong or uncertain)', 100 - right, 100 - GOAL_RIGHT, '%');
      report('  all shapes, realistic profile: figures read wrong without a mark', silent, GOAL_SILENT, '%');
    }
  }
}

/** A batch of 100 published reports, as `nianbao import FOLDER` reads them (mixed shapes). */
function batch(): void {
  const inputs = Array.from({ length: 100 }, (_, i) => {
    const r = rng(104_729 * (i + 1));
    const g = makeReport(r, 'realistic');
    return renderText(TEXT_SHAPES[i % TEXT_SHAPES.length]!, g, r);
  });
  // the machine is shared: the clock says what a user waits, the processor time what the import costs
  for (let run = 1; run <= 3; run++) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const { name, text } of inputs) importBytes(encoder.encode(text), name);
    const used = process.cpuUsage(cpu);
    console.log(`  batch run ${run}: processor time ${((used.user + used.system) / 1000).toFixed(0)} ms, load average ${loadavg()[0]!.toFixed(2)}`);
    report(`import batch of 100 published reports (in process), run ${run}`, performance.now() - started, 5000);
  }
}

void main().then(() => {
  batch();
  finish();
});
