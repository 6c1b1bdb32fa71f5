/**
 * The importer on thousands of reports nobody wrote by hand (test/fixtures/import/generator.ts):
 * each generated report is written in every text shape and read back; per shape, the share of
 * figures read right and the share read wrong WITHOUT being marked uncertain, against the goal
 * (≥ 99.5 % right, ≤ 0.1 % silently wrong). Then a batch of 100 published reports timed
 * against its budget (≤ 5 s).
 *
 *   npx tsx bench/import-shapes.bench.ts            # 2 000 reports per text shape and for the app's DOCX
 *   IMPORT_REPORTS=200 IMPORT_PDF_REPORTS=20 npx tsx bench/import-shapes.bench.ts
 *
 * The two PDF shapes (the app's own PDF, and the Word page printed to PDF) go through one reused
 * headless Chromium and pdf.js, about a quarter of a second each: IMPORT_PDF_REPORTS of them
 * (default 200) are made and read.
 */
import { importBytes, type ImportOutcome } from '../core/import/index.js';
import { closePdfRenderer } from '../electron/export/index.js';
import { importFileBytes } from '../electron/services/import.js';
import { BINARY_SHAPES, renderBinary } from '../test/fixtures/import/binary-shapes.js';
import { makeReport, rng, score, type Generated } from '../test/fixtures/import/generator.js';
import { renderText, TEXT_SHAPES } from '../test/fixtures/import/shapes.js';
import { finish, report } from './budget.js';

const REPORTS = Number(process.env.IMPORT_REPORTS ?? 2000);
const PDF_REPORTS = Number(process.env.IMPORT_PDF_REPORTS ?? 200);
const GOAL_RIGHT = 99.5;
const GOAL_SILENT = 0.1;

const encoder = new TextEncoder();
let misses = 0;
let total = 0;

async function measure(shape: string, count: number, read: (g: Generated, r: () => number) => Promise<ImportOutcome> | ImportOutcome): Promise<void> {
  let cells = 0;
  let right = 0;
  let silent = 0;
  let refused = 0;
  for (let i = 0; i < count; i++) {
    const r = rng(7919 * (i + 1));
    const g = makeReport(r);
    const out = await read(g, r);
    if (!out.ok) refused++;
    const s = score(g.report, out);
    cells += s.cells;
    right += s.right;
    silent += s.silentlyWrong;
  }
  total += count;
  const rightPct = (100 * right) / cells;
  const silentPct = (100 * silent) / cells;
  const ok = rightPct >= GOAL_RIGHT && silentPct <= GOAL_SILENT;
  if (!ok) misses++;
  console.log(
    `import shape ${shape.padEnd(13)} ${count} reports: right ${rightPct.toFixed(2)} % (goal ≥ ${GOAL_RIGHT} %), silently wrong ${silentPct.toFixed(3)} % (goal ≤ ${GOAL_SILENT} %)${refused ? `, ${refused} refused` : ''} ${ok ? 'ok' : 'BELOW GOAL'}`,
  );
}

async function main(): Promise<void> {
  for (const shape of TEXT_SHAPES) {
    await measure(shape, REPORTS, (g, r) => {
      const { name, text } = renderText(shape, g, r);
      return importBytes(encoder.encode(text), name);
    });
  }
  for (const shape of BINARY_SHAPES) {
    await measure(shape, shape === 'app-docx' ? REPORTS : PDF_REPORTS, async (g) => {
      const { name, bytes } = await renderBinary(shape, g);
      return importFileBytes(bytes, name);
    });
  }
  await closePdfRenderer();
  const shapes = TEXT_SHAPES.length + BINARY_SHAPES.length;
  console.log(`import shapes: ${shapes - misses} of ${shapes} shapes meet the goal (${total} reports read)`);
}

/** A batch of 100 published reports, as `nianbao import FOLDER` reads them (mixed shapes). */
function batch(): void {
  const inputs = Array.from({ length: 100 }, (_, i) => {
    const r = rng(104_729 * (i + 1));
    const g = makeReport(r);
    return renderText(TEXT_SHAPES[i % TEXT_SHAPES.length]!, g, r);
  });
  const started = performance.now();
  for (const { name, text } of inputs) importBytes(encoder.encode(text), name);
  report('import batch of 100 published reports', performance.now() - started, 5000);
}

void main().then(() => {
  batch();
  finish();
});
