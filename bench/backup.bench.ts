/**
 * The store's copies and checks on a 100 MB store (a county's ten years of every unit's reports,
 * with their versions): what a clerk waits for.
 *   - open at start, quick_check included: budget 1 s (issue 14), for the file in the page cache;
 *     cold (after a reboot) quick_check reads every page from the disk, so it also prints that
 *     figure beside the time this disk takes to read the file at all
 *   - the full integrity_check, in the background: budget 10 s (nobody waits for it)
 *   - a backup with the online backup API, in steps (「立即备份」, before 定稿, the daily one): budget 5 s
 *   - the longest the app stops answering during that backup (one step): budget 150 ms
 *   - `nianbao backup` beside a running app (read-only connection, one step): budget 5 s
 * Run: npx tsx bench/backup.bench.ts
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FORMAT_2021 } from '../core/format/index.js';
import { makeBackup } from '../electron/store/backup.js';
import { fullCheckInBackground } from '../electron/store/integrity.js';
import { openStore, openStoreReadOnly } from '../electron/store/index.js';
import { finish, median, report } from './budget.js';

const TARGET_MB = 100;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-backup-'));

function seed(): void {
  const store = openStore(dir);
  const inputCells = FORMAT_2021.cells.filter((c) => !c.sumOf);
  const prose = '本年度，我镇认真贯彻落实《中华人民共和国政府信息公开条例》，围绕政务公开重点工作，全年主动公开政府信息2608条。'.repeat(120);
  const db = store.opened.db;
  const insertVersion = db.prepare("INSERT INTO versions (report_id, label, kind, fingerprint, snapshot, created_at) VALUES (?, '初稿', 'manual', 'fnv1a:0', ?, ?)");
  let a = 0;
  const bytes = () => Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
  while (bytes() < TARGET_MB * 1024 * 1024) {
    db.transaction(() => {
      for (let k = 0; k < 20; k++, a++) {
        const agency = store.agencies.create(
          { name: `测试县第${a + 1}单位`, level: 'township', region: '测试省测试县', website: '', contact: { address: '', postcode: '', phone: '', email: '' } },
          new Date().toISOString(),
        );
        for (let y = 0; y < 10; y++) {
          const cells = Object.fromEntries(inputCells.map((c, i) => [c.id, (i * 7 + a + y) % 50]));
          const id = store.reports.create(
            { agencyId: agency.id, year: 2015 + y, format: 2015 + y >= 2021 ? '2021' : 'free', origin: 'app', cells, sections: { s1: prose, s5: prose, s6: prose } },
            new Date().toISOString(),
          );
          insertVersion.run(id, JSON.stringify({ cells, sections: { s1: prose } }), new Date().toISOString());
        }
      }
    })();
  }
  store.close();
}

async function main(): Promise<void> {
  const seedStart = performance.now();
  seed();
  const mb = fs.statSync(path.join(dir, 'nianbao.db')).size / 1024 / 1024;
  console.log(`seeded ${mb.toFixed(0)} MB in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const opens: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const store = openStore(dir);
    opens.push(performance.now() - start);
    store.close();
  }
  report(`open a ${mb.toFixed(0)} MB store with quick_check, file in memory (median of 5)`, median(opens), 1000);
  // the file as a clerk's computer has it after a restart: read from the disk. GNU dd drops this one
  // file from the page cache (nothing else); where it cannot, the figure is not printed.
  const dropped = spawnSync('dd', [`if=${path.join(dir, 'nianbao.db')}`, 'iflag=nocache', 'count=0'], { stdio: 'ignore' }).status === 0;
  if (dropped) {
    const start = performance.now();
    openStore(dir).close();
    const cold = performance.now() - start;
    // quick_check reads every page: cold, it takes as long as reading the file from this disk
    spawnSync('dd', [`if=${path.join(dir, 'nianbao.db')}`, 'iflag=nocache', 'count=0'], { stdio: 'ignore' });
    const readStart = performance.now();
    fs.readFileSync(path.join(dir, 'nianbao.db'));
    const readMs = performance.now() - readStart;
    console.log(`  first open after the file left the page cache: ${cold.toFixed(0)} ms; reading the file alone from this disk: ${readMs.toFixed(0)} ms (${(mb / (readMs / 1000)).toFixed(0)} MB/s)`);
  }

  const store = openStore(dir);
  const fullStart = performance.now();
  const full = await fullCheckInBackground(store.file);
  report('full integrity_check in the worker', performance.now() - fullStart, 10_000);
  if (!full.ok) throw new Error('the seeded store should be sound');

  // the event loop's longest pause while the stepped backup runs: how long the window can wait for an answer
  let longest = 0;
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const backupStart = performance.now();
  const made = await makeBackup(store.opened.db, dir, 'manual');
  const backupMs = performance.now() - backupStart;
  clearInterval(tick);
  report(`backup of ${mb.toFixed(0)} MB with the online backup API, in steps`, backupMs, 5000);
  report('  longest pause of the app during it', longest, 150);
  console.log(`  backup file ${(made.size / 1024 / 1024).toFixed(0)} MB`);
  store.close();

  const reader = openStoreReadOnly(dir);
  const cliStart = performance.now();
  await makeBackup(reader.opened.db, dir, 'manual', { oneStep: true });
  report('nianbao backup beside the app (read-only, one step)', performance.now() - cliStart, 5000);
  reader.close();

  fs.rmSync(dir, { recursive: true, force: true });
  finish();
}

void main();
