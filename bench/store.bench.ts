/**
 * Opening the store and listing reports with 200 agencies × 10 years of full reports.
 * Budgets: listing 50 ms; opening 1 s (since issue 14 the open reads every page for
 * `PRAGMA quick_check`; bench/backup.bench.ts measures it on 100 MB). Cold is a new process that
 * never had the file open (as at the app's start; the operating system's file cache may still hold
 * it); warm is the same process opening it again.   Run: npx tsx bench/store.bench.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FORMAT_2021 } from '../core/format/index.js';
import { openStore } from '../electron/store/index.js';
import { finish, median, percentile, report } from './budget.js';

// `--child DIR`: the cold figures, measured inside a new process
const childDir = process.argv.includes('--child') ? process.argv[process.argv.indexOf('--child') + 1] : undefined;
if (childDir) {
  const opened = performance.now();
  const store = openStore(childDir);
  const listed = performance.now();
  const agencies = store.agencies.list();
  store.reports.listForAgency(agencies[0]!.id);
  const done = performance.now();
  store.close();
  console.log(JSON.stringify({ open: listed - opened, list: done - listed }));
  process.exit(0);
}

const AGENCIES = 200;
const YEARS = 10;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-store-'));

const seedStart = performance.now();
{
  const store = openStore(dir);
  const inputCells = FORMAT_2021.cells.filter((c) => !c.sumOf);
  const prose = '本年度，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，'.repeat(60);
  store.transaction(() => {
    for (let a = 0; a < AGENCIES; a++) {
      const agency = store.agencies.create(
        { name: `测试县第${a + 1}镇人民政府`, level: 'township', region: '测试省测试县', website: '', contact: { address: '', postcode: '', phone: '', email: '' } },
        new Date().toISOString(),
      );
      for (let y = 0; y < YEARS; y++) {
        const cells = Object.fromEntries(inputCells.map((c, i) => [c.id, (i * 7 + a + y) % 50]));
        store.reports.create(
          { agencyId: agency.id, year: 2015 + y, format: 2015 + y >= 2021 ? '2021' : 'free', origin: 'app', cells, sections: { s1: prose, s5: prose, s6: prose } },
          new Date().toISOString(),
        );
      }
    }
  });
  store.close();
}
const fileMb = fs.statSync(path.join(dir, 'nianbao.db')).size / 1e6;
console.log(`seeded ${AGENCIES} agencies × ${YEARS} years in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${fileMb.toFixed(1)} MB)`);

// cold: each run a new process
const coldOpens: number[] = [];
const coldLists: number[] = [];
for (let run = 0; run < 5; run++) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', dir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`child failed:\n${child.stderr}`);
  const { open, list } = JSON.parse(child.stdout.trim().split('\n').pop()!) as { open: number; list: number };
  coldOpens.push(open);
  coldLists.push(list);
}
report('cold: a new process opens the store, quick_check included (median of 5)', median(coldOpens), 1000);
report('cold: a new process lists agencies + one agency\'s reports (median of 5)', median(coldLists), 50);

const opens: number[] = [];
const times: number[] = [];
for (let run = 0; run < 15; run++) {
  const opened = performance.now();
  const store = openStore(dir);
  const start = performance.now();
  opens.push(start - opened);
  const agencies = store.agencies.list();
  const reports = store.reports.listForAgency(agencies[run % agencies.length]!.id);
  times.push(performance.now() - start);
  if (reports.length !== YEARS) throw new Error('wrong report count');
  store.close();
}
report('warm: this process opens the store again, quick_check included (median of 15)', median(opens), 1000);
report('warm: list agencies + one agency\'s reports (median of 15)', median(times), 50);
console.log(`  warm p95 ${percentile(times, 95).toFixed(1)} ms; the first listing after this process seeded the file ${times[0]!.toFixed(1)} ms`);
fs.rmSync(dir, { recursive: true, force: true });
finish();
