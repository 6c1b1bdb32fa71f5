/**
 * The import as users run it: the shipped bundle (`npm run build` → dist/cli.cjs), one process per
 * input, measured from outside. For each of the worst inputs the limits admit (and the ones just
 * past them, which must be refused without being read), the high-water mark of resident memory of
 * the whole `node dist/cli.cjs import FILE` process, read by /usr/bin/time (GNU time, 「%M」: the
 * kernel's maxrss of the child), against the budget of 300 MB. Then a batch of 100 published
 * reports in one `nianbao import FOLDER`, start-up included, against its budget of 5 s.
 *
 *   npm run build && npx tsx bench/import-memory.bench.ts
 *   IMPORT_MEMORY_ONLY=pdf npx tsx bench/import-memory.bench.ts     # the cases whose file name has 「pdf」
 *
 * The machine is shared: the load average is printed with the figures (time depends on it; memory
 * does not).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { IMPORT_LIMITS } from '../core/import/index.js';
import { textPdf } from '../test/fixtures/import/text-pdf.js';
import { KINDS, random } from '../test/fuzz/import-corpus.js';
import { makeReport, rng } from '../test/fixtures/import/generator.js';
import { renderText, TEXT_SHAPES } from '../test/fixtures/import/shapes.js';
import { noise } from '../test/unit/import/render.js';
import { finish, report } from './budget.js';
import { zipOf } from './zip-stream.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.cjs');
const TIME = '/usr/bin/time';
const MB = 1024 * 1024;
const BUDGET_MB = 300;

if (!existsSync(CLI)) {
  console.error('没有找到 dist/cli.cjs：请先运行 npm run build（npm run bench 会先构建）');
  process.exit(1);
}
if (!existsSync(TIME)) {
  console.error('没有找到 /usr/bin/time（Debian 软件包 time）：内存峰值要由它从进程外读取');
  process.exit(1);
}

/** IMPORT_MEMORY_ONLY=pdf: only the cases whose file name has 「pdf」 (and no batch) */
const ONLY = process.env.IMPORT_MEMORY_ONLY;
const load = () => `load average ${loadavg()[0]!.toFixed(2)}`;

// ---------------------------------------------------------------------------------------------
// The inputs

const ROW = '<tr><td>一、本年新收政府信息公开申请数量</td><td>4</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>\n';
const HEAD = '<html><body><p>某镇2024年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>';

/** Long prose lines and table rows, just under the text and cell limits. */
function largestText(): string {
  const rows = Math.floor(IMPORT_LIMITS.maxCells / 8) - 600;
  const prose = '本年度本机关认真贯彻落实政府信息公开条例，持续推进决策、执行、管理、服务、结果公开。'.repeat(24);
  const lines = ['某县某镇人民政府2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况'];
  for (let i = 0; i < rows; i++) lines.push('一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |');
  let text = lines.join('\n');
  while (Buffer.byteLength(text) + prose.length * 3 < IMPORT_LIMITS.maxTextBytes - 1024 && text.length + prose.length < IMPORT_LIMITS.maxTextChars - 1024) text += `\n${prose}`;
  return text;
}

interface Case {
  name: string;
  file: string;
  make: () => Uint8Array | string;
}

const fuzz = (kind: string, seed: number) => () => KINDS[kind]!(random(seed)).bytes;

const CASES: Case[] = [
  { name: 'one generated report (the process itself)', file: 'one.txt', make: () => renderText('markdown', makeReport(rng(7919)), rng(7919)).text },
  { name: `text just under the limits (${IMPORT_LIMITS.maxTextBytes / MB} MB, 50 000 cells)`, file: 'largest.txt', make: largestText },
  { name: 'largest web page accepted (just under 50 000 cells)', file: 'largest.html', make: () => `${HEAD}${ROW.repeat(Math.floor(IMPORT_LIMITS.maxCells / 8) - 10)}</table></body></html>` },
  { name: 'web page of 300 000 rows (refused)', file: 'rows-300k.html', make: () => `${HEAD}${'<tr><td>1</td></tr>'.repeat(300_000)}</table></body></html>` },
  { name: 'web page nested 400 000 deep', file: 'deep.html', make: () => `<html><body>${'<div>'.repeat(400_000)}某镇2024年政府信息公开工作年度报告${'</div>'.repeat(400_000)}</body></html>` },
  {
    name: '.docx of 95 MB, its pictures stored',
    file: 'pictures.docx',
    make: () =>
      zipSync({
        'word/document.xml': strToU8('<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>某镇人民政府2024年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>'),
        'word/media/image1.png': [noise(95 * MB), { level: 0 }],
      }),
  },
  { name: '.docx whose text is stored, 90 MB uncompressed', file: 'stored-text.docx', make: () => zipOf('word/document.xml', 90 * MB, true, strToU8('<w:p><w:r><w:t>一、本年新收政府信息公开申请数量</w:t></w:r></w:p>'.repeat(4096))) },
  { name: 'zip bomb, 200 MB inflated from 200 KB', file: 'bomb.docx', make: () => zipOf('word/document.xml', 200 * MB, false, new Uint8Array(MB)) },
  { name: 'PDF of 300 pages of text (49 MB, the page limit)', file: 'largest.pdf', make: () => textPdf(300, 4200) },
  { name: 'PDF of one page of 200 000 runs of text', file: 'one-page.pdf', make: () => textPdf(1, 200_000) },
  { name: 'PDF stream bomb (100 MB inflated)', file: 'stream-bomb.pdf', make: () => fuzz('pdf-stream-bomb', 5)() },
  { name: 'broken PDF (random bytes, the fuzz case pdf-garbage#37)', file: 'garbage-37.pdf', make: fuzz('pdf-garbage', 37) },
  { name: 'broken PDF (pdf-garbage#11)', file: 'garbage-11.pdf', make: fuzz('pdf-garbage', 11) },
  { name: 'PDF nested 100 000 deep', file: 'deep.pdf', make: fuzz('pdf-deep-objects', 3) },
];

/** Peak resident memory (MB) and time of `node dist/cli.cjs import ARGS…`, measured from outside. */
function run(args: string[]): { peakMb: number; ms: number; cpuMs: number; status: number | null; out: string } {
  const started = performance.now();
  const child = spawnSync(TIME, ['-f', 'maxrss-kb=%M cpu-s=%U+%S', process.execPath, CLI, 'import', ...args], { encoding: 'utf8', maxBuffer: 64 * MB });
  const ms = performance.now() - started;
  const m = /maxrss-kb=(\d+) cpu-s=([\d.]+)\+([\d.]+)/.exec(child.stderr);
  const out = `${child.stdout}${child.stderr}`.replace(/maxrss-kb=.*\s*$/, '').trim();
  return { peakMb: Number(m?.[1] ?? NaN) / 1024, ms, cpuMs: 1000 * (Number(m?.[2] ?? NaN) + Number(m?.[3] ?? NaN)), status: child.status, out };
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-memory-'));
try {
  for (const c of CASES) {
    if (ONLY && !c.file.includes(ONLY)) continue;
    const path = join(dir, c.file);
    const made = c.make();
    writeFileSync(path, made);
    const size = typeof made === 'string' ? Buffer.byteLength(made) : made.length;
    const r = run([path]);
    const said = r.out.split('\n').find((l) => /[\u4e00-\u9fff]/.test(l)) ?? '';
    console.log(`  ${c.name}: ${(size / MB).toFixed(1)} MB in, exit ${r.status}, ${(r.ms / 1000).toFixed(1)} s (${load()}): ${said.slice(0, 60)}`);
    report(`import peak memory, ${c.name}`, r.peakMb, BUDGET_MB, 'MB');
    rmSync(path);
  }

  if (ONLY) finish();
  // a batch: 100 generated reports in the text shapes, one folder, one command
  const folder = join(dir, 'batch');
  mkdirSync(folder);
  for (let i = 0; i < 100; i++) {
    const r = rng(104_729 * (i + 1));
    const g = makeReport(r, 'realistic');
    const { name, text } = renderText(TEXT_SHAPES[i % TEXT_SHAPES.length]!, g, r);
    writeFileSync(join(folder, `${String(i).padStart(3, '0')}-${name}`), text);
  }
  for (let k = 1; k <= 3; k++) {
    const r = run([folder]);
    const lines = r.out.split('\n').filter(Boolean).length;
    console.log(`  batch run ${k}: ${lines} lines printed, exit ${r.status}, processor time ${r.cpuMs.toFixed(0)} ms, ${load()}`);
    report(`nianbao import FOLDER of 100 published reports (shipped bundle, start-up included), run ${k}`, r.ms, 5000);
    report(`nianbao import FOLDER of 100 published reports: peak memory, run ${k}`, r.peakMb, BUDGET_MB, 'MB');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
finish();
