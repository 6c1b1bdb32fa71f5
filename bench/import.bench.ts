/**
 * Importing a published report: the median time of one report (budget 20 ms), and time and peak
 * memory for the inputs a clerk might throw at it: 50 MB of text (refused before it is read),
 * a 50 MB .docx whose size is pictures (read: only document.xml is inflated), a zip bomb
 * (refused from its directory), and the largest page accepted (just under the 50 000-cell limit).
 *
 *   npx tsx bench/import.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { importBytes, importHtml, IMPORT_LIMITS, type ImportOutcome } from '../core/import/index.js';
import { noise } from '../test/unit/import/render.js';
import { finish, median, report } from './budget.js';
import { zipOf } from './zip-stream.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = resolve(ROOT, 'test/fixtures/import');

function inputs(): { name: string; bytes: Uint8Array }[] {
  const list = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: `fixture ${f}`, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, f))) }));
  return list;
}

type Case = { name: string; expectOk: boolean; make: () => () => ImportOutcome };

const MB = 1024 * 1024;

/** A zip bomb made by streaming, so that making it does not itself take 200 MB. */
function bomb(size: number): Uint8Array {
  return zipOf('word/document.xml', size, false, new Uint8Array(MB));
}

const row = '<tr><td>一、本年新收政府信息公开申请数量</td><td>4</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>\n';
const rows = Math.floor(IMPORT_LIMITS.maxCells / 8) - 10;

/** The big inputs; each is made and imported in a child process of its own, so its peak memory is its own. */
const CASES: Case[] = [
  {
    name: '50 MB text file',
    expectOk: false,
    make: () => {
      const text = strToU8('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n');
      const big = new Uint8Array(50 * MB);
      for (let o = 0; o < big.length; o += text.length) big.set(text.subarray(0, Math.min(text.length, big.length - o)), o);
      return () => importBytes(big, '报告.txt');
    },
  },
  {
    name: '50 MB .docx (pictures)',
    expectOk: true,
    make: () => {
      const docx = zipSync({
        'word/document.xml': strToU8(
          '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>华阳镇人民政府2022年政府信息公开工作年度报告</w:t></w:r></w:p></w:body></w:document>',
        ),
        'word/media/image1.png': [noise(50 * MB), { level: 0 }],
      });
      return () => importBytes(docx, '报告.docx');
    },
  },
  {
    name: 'zip bomb (200 KB → 200 MB)',
    expectOk: false,
    make: () => {
      const zip = bomb(200 * MB);
      return () => importBytes(zip, '报告.docx');
    },
  },
  {
    name: 'zip bomb lying about its size',
    expectOk: false,
    make: () => {
      const zip = bomb(200 * MB);
      // declares 100 KB in the central directory: the inflater itself has to stop it
      const view = new DataView(zip.buffer);
      for (let o = 0; o + 4 <= zip.length; o++) {
        if (view.getUint32(o, true) === 0x02014b50) view.setUint32(o + 24, 100 * 1024, true);
      }
      return () => importBytes(zip, '报告.docx');
    },
  },
  {
    // the most a page may hold: report rows repeated up to just under the cell limit
    name: `largest page accepted (${rows * 8} cells)`,
    expectOk: true,
    make: () => {
      const page = `<html><body><p>某镇2022年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>${row.repeat(rows)}</table></body></html>`;
      return () => importHtml(page);
    },
  },
];

const caseArg = process.argv.indexOf('--case');
if (caseArg > 0) {
  // child: make the input, then measure only the import
  const c = CASES[Number(process.argv[caseArg + 1])]!;
  const run = c.make();
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const out = run();
  const ms = performance.now() - t0;
  const result = {
    ok: out.ok,
    message: out.ok ? '' : out.message,
    ms,
    peakMb: process.resourceUsage().maxRSS / 1024 - rssBefore,
    heapMb: (process.memoryUsage().heapUsed - heapBefore) / MB,
  };
  console.log(JSON.stringify(result));
  process.exit(0);
}

// warm-up: the Traditional → Simplified dictionaries load on first use (reported separately)
const warm = performance.now();
importBytes(readFileSync(resolve(FIXTURES, 'shape-003.txt')), 'shape-003.txt');
console.log(`first import, including loading the OpenCC dictionaries: ${(performance.now() - warm).toFixed(1)} ms`);

const all: number[] = [];
for (const { name, bytes } of inputs()) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const out = importBytes(bytes, `${name}.txt`);
    times.push(performance.now() - t0);
    if (!out.ok) throw new Error(`${name}: ${out.message}`);
  }
  all.push(...times);
  report(`import one report, median (${name}, ${(bytes.length / 1024).toFixed(0)} KB)`, median(times), 20);
}
report('import one report, median over all', median(all), 20);

CASES.forEach((c, i) => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', String(i)], { encoding: 'utf8' });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  const r = JSON.parse(line) as { ok: boolean; message: string; ms: number; peakMb: number; heapMb: number };
  if (r.ok !== c.expectOk) throw new Error(`${c.name}: expected ok=${c.expectOk}, got ${line}`);
  console.log(`  ${c.name}: ${r.ok ? 'imported' : `refused「${r.message.slice(0, 30)}…」`}; heap +${r.heapMb.toFixed(1)} MB`);
  report(`${c.name}: time`, r.ms, 5000);
  report(`${c.name}: peak RSS above the input`, Math.max(0, r.peakMb), 256, 'MB');
});

finish();
