// `npm run soak [-- --cycles 500] [--minutes 30] [--clients 3] [--data-dir folder]`
//
// The claim "nothing acknowledged is ever lost" tried the hard way: browser mode (dist/web.cjs,
// so `npm run build` first) on a data folder of its own, several clients sending bursts of real
// saves (a figure and a text together, each client its own), and the process killed with SIGKILL
// at a random moment — during a burst, or while it is still starting. Then it is started again
// and every save it had acknowledged must be there, each save whole (its figure and its text from
// the same save), and SQLite's integrity_check of the files as the kill left them must pass.
// Prints cycles, acknowledged edits, losses; exits 1 on any loss or damage. Bounded by cycles
// and by minutes, whichever comes first. A short run is part of `npm test` (test/unit/soak).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DB_FILE_NAME as DB_FILE } from '../electron/store/paths.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'dist', 'web.cjs');

export interface SoakOptions {
  cycles: number;
  minutes: number;
  clients: number;
  dataDir?: string;
  /** a number for the random choices, so that a run can be repeated */
  seed?: number;
  log?: (line: string) => void;
}

export interface SoakFigures {
  cycles: number;
  /** cycles in which the kill came while the app was still starting */
  killedStarting: number;
  /** saves the app acknowledged */
  acknowledged: number;
  /** acknowledged saves not found after the restart */
  losses: number;
  /** saves found only in part (a figure without the text of the same save) */
  torn: number;
  integrityFailures: number;
  /** starts after a kill that did not come up with the data usable */
  failedRestarts: number;
  problems: string[];
  seconds: number;
}

/** each client owns one figure and one text: a save sets both to its own counter */
const CELLS = ['t3.r1.np', 't3.r1.biz', 't3.r1.res', 't3.r1.ngo', 't3.r1.law', 't3.r1.oth'];
const TEXTS = ['s1', 's5', 's6', 'intro', 'note_t2', 'note_t3'] as const;
const textOf = (client: number, n: number) => `第 ${client + 1} 位用户的第 ${n} 次保存。`;

/** a small seeded generator (mulberry32): the same seed, the same kills */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  /** the address with its launch code, once printed */
  address: Promise<string | undefined>;
  /** what it printed, for a start that failed */
  output(): string;
}

function start(dataDir: string): Running {
  const child = spawn(process.execPath, [WEB, '--no-open', '--data-dir', dataDir], {
    env: { ...process.env, NIANBAO_NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const address = new Promise<string | undefined>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)#code=([\w.-]+)/.exec(output);
      if (m) resolve(`${m[1]}#${m[2]}`);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then(() => resolve(undefined));
  });
  return { child, exited, address, output: () => output };
}

async function kill(app: Running): Promise<void> {
  app.child.kill('SIGKILL');
  await app.exited;
}

/** The session: the printed code traded for the token, as the page does. */
// the soak reads a few known fields of the answers; the contract's types are not worth the ceremony here
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { ok: boolean; value?: any; error?: { code: string; message: string } };

async function connect(address: string): Promise<(method: string, args: unknown) => Promise<Answer>> {
  const [url, code] = address.split('#') as [string, string];
  const res = await fetch(new URL('session', url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
  const { token } = (await res.json()) as { token: string };
  return async (method, args) => {
    const r = await fetch(new URL(`api/${method}`, url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token }, body: JSON.stringify(args) });
    return (await r.json()) as Answer;
  };
}

/** integrity_check of the files exactly as the kill left them (a copy: opening the original would recover it first) */
function integrityOf(dataDir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-soak-check-'));
  try {
    for (const suffix of ['', '-wal']) {
      const file = path.join(dataDir, DB_FILE + suffix);
      if (fs.existsSync(file)) fs.copyFileSync(file, path.join(copy, DB_FILE + suffix));
    }
    if (!fs.existsSync(path.join(copy, DB_FILE))) return 'ok';
    const db = new Database(path.join(copy, DB_FILE));
    try {
      return (db.pragma('integrity_check', { simple: true }) as string) ?? 'ok';
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  if (!fs.existsSync(WEB)) throw new Error('dist/web.cjs 不存在：请先运行 npm run build');
  const log = options.log ?? (() => undefined);
  const rand = random(options.seed ?? Date.now());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-soak-'));
  const clients = Math.min(options.clients, CELLS.length);
  const started = Date.now();
  const deadline = started + options.minutes * 60_000;
  const figures: SoakFigures = { cycles: 0, killedStarting: 0, acknowledged: 0, losses: 0, torn: 0, integrityFailures: 0, failedRestarts: 0, problems: [], seconds: 0 };
  // per client: the last save acknowledged, and the last one sent (it may or may not have been kept)
  const acked = new Array<number>(clients).fill(0);
  const sent = new Array<number>(clients).fill(0);
  let reportId: number | undefined;

  const verify = async (call: Awaited<ReturnType<typeof connect>>, cycle: number) => {
    if (reportId === undefined) return;
    const opened = await call('report.open', { reportId });
    if (!opened.ok) {
      figures.failedRestarts++;
      figures.problems.push(`第 ${cycle} 轮：重启后打不开报告：${opened.error?.message}`);
      return;
    }
    for (let c = 0; c < clients; c++) {
      const n = (opened.value.data.cells[CELLS[c]!] as number | undefined) ?? 0;
      const text = opened.value.data.sections[TEXTS[c]!] as string | undefined;
      if (n < acked[c]! || n > sent[c]!) {
        figures.losses += Math.max(0, acked[c]! - n);
        figures.problems.push(`第 ${cycle} 轮：用户 ${c + 1} 确认到第 ${acked[c]} 次，重启后是第 ${n} 次`);
      }
      if (n > 0 && text !== textOf(c, n)) {
        figures.torn++;
        figures.problems.push(`第 ${cycle} 轮：用户 ${c + 1} 的第 ${n} 次保存不完整（文字是「${text ?? ''}」）`);
      }
      // what the store has is now what every later save builds on
      acked[c] = sent[c] = n;
    }
  };

  for (let cycle = 1; cycle <= options.cycles && Date.now() < deadline; cycle++) {
    figures.cycles = cycle;
    const app = start(dataDir);
    // one cycle in five is killed while starting: opening the store, migrating, the lock, the backup
    if (rand() < 0.2) {
      await sleep(rand() * 600);
      const up = await Promise.race([app.address, sleep(0).then(() => 'not yet')]);
      await kill(app);
      if (up === 'not yet' || up === undefined) figures.killedStarting++;
    } else {
      const address = await Promise.race([app.address, sleep(30_000).then(() => undefined)]);
      if (!address) {
        figures.failedRestarts++;
        const why = app.child.exitCode !== null || app.child.signalCode !== null ? `启动时退出了：${app.output().trim().split('\n').slice(-3).join(' / ')}` : '30 秒内没有启动';
        figures.problems.push(`第 ${cycle} 轮：${why}`);
        await kill(app);
        continue;
      }
      const call = await connect(address);
      await verify(call, cycle);
      if (reportId === undefined) {
        const agencies = await call('agency.list', {});
        const agency = agencies.value?.[0] ?? (await call('agency.create', { agency: { name: '浸泡测试镇人民政府', level: 'township', region: '', contact: { address: '', postcode: '', phone: '', email: '' }, website: '' } })).value;
        if (agency) {
          const reports = await call('report.list', { agencyId: agency.id });
          reportId = reports.value?.[0]?.id ?? (await call('report.create', { agencyId: agency.id, year: 2024 })).value?.id;
        }
      }
      if (reportId !== undefined) {
        // the burst: every client saves as fast as it is answered, until the kill
        let killed = false;
        const burst = Array.from({ length: clients }, async (_, c) => {
          while (!killed) {
            const n = ++sent[c]!;
            const answer = await call('report.save', {
              reportId,
              edits: [
                { kind: 'cell', cellId: CELLS[c], value: n },
                { kind: 'section', key: TEXTS[c], text: textOf(c, n) },
              ],
            }).catch(() => undefined);
            if (answer?.ok) {
              acked[c] = n;
              figures.acknowledged++;
            } else if (answer && !killed) {
              figures.problems.push(`第 ${cycle} 轮：用户 ${c + 1} 的保存被拒绝：${answer.error?.message}`);
              break;
            }
          }
        });
        await sleep(50 + rand() * 900);
        killed = true;
        await kill(app);
        await Promise.all(burst);
      } else {
        await kill(app);
      }
    }
    const integrity = integrityOf(dataDir);
    if (integrity !== 'ok') {
      figures.integrityFailures++;
      figures.problems.push(`第 ${cycle} 轮：integrity_check：${integrity}`);
    }
    if (cycle % 10 === 0) log(`  ${cycle} 轮，已确认 ${figures.acknowledged} 次保存，丢失 ${figures.losses} 次`);
  }

  // the last start: everything acknowledged is there, then a clean stop
  const last = start(dataDir);
  const address = await Promise.race([last.address, sleep(30_000).then(() => undefined)]);
  if (address) await verify(await connect(address), figures.cycles + 1);
  else figures.failedRestarts++;
  last.child.kill('SIGTERM');
  await Promise.race([last.exited, sleep(10_000)]);
  if (last.child.exitCode === null) await kill(last);
  if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  figures.seconds = (Date.now() - started) / 1000;
  return figures;
}

export function describeFigures(f: SoakFigures): string {
  return (
    `浸泡测试：${f.cycles} 轮 SIGKILL（其中 ${f.killedStarting} 轮在启动中），已确认的保存 ${f.acknowledged} 次，丢失 ${f.losses} 次，` +
    `不完整 ${f.torn} 次，integrity_check 失败 ${f.integrityFailures} 次，重启失败 ${f.failedRestarts} 次，用时 ${f.seconds.toFixed(0)} 秒`
  );
}

function argValue(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(name);
  const n = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`${name} 后面应是一个正数`);
    process.exit(2);
  }
  return n;
}

async function main(argv: string[]): Promise<number> {
  const i = argv.indexOf('--data-dir');
  const figures = await runSoak({
    cycles: argValue(argv, '--cycles', 100),
    minutes: argValue(argv, '--minutes', 10),
    clients: argValue(argv, '--clients', 3),
    ...(i >= 0 ? { dataDir: path.resolve(argv[i + 1]!) } : {}),
    log: (line) => console.log(line),
  });
  for (const p of figures.problems.slice(0, 20)) console.log(`  问题：${p}`);
  console.log(describeFigures(figures));
  return figures.losses || figures.torn || figures.integrityFailures || figures.failedRestarts ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(ROOT, 'scripts', 'soak.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(2);
    },
  );
}
