// `npm run fuzz:import [-- --cases 1000] [--seed 16]`
//
// The importer against a generated corpus of broken and hostile files (test/fuzz/import-corpus.ts):
// every case must answer within 5 s with a result or a refusal in Chinese, never a thrown error.
// "Within 5 s" is measured as the importing process's own processor time, which a busy machine
// does not inflate; a case is a hang when it has not answered after more than 5 s of the worker's
// processor time (looked at every HANG_MS of wall-clock time, Linux; elsewhere HANG_MS itself). Also
// the importing process (a child, as the back end is) has its peak memory measured. Prints cases,
// hangs, crashes, the slowest case and the peak memory; exits 1 on any hang, crash or a refusal
// that is not a sentence. A sample of the corpus runs in `npm test` (test/unit/import-fuzz).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus } from '../test/fuzz/import-corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKER = path.join(ROOT, 'test', 'fuzz', 'import-worker.ts');
export const CASE_LIMIT_MS = 5000;
const HANG_MS = Number(process.env.NIANBAO_FUZZ_HANG_MS ?? 10_000);

export interface FuzzFigures {
  cases: number;
  results: number;
  refusals: number;
  hangs: number;
  /** answered, but after more than CASE_LIMIT_MS of processor time */
  slow: number;
  crashes: number;
  /** refusals with no Chinese sentence */
  mute: number;
  slowest: { name: string; ms: number };
  /** the importing process's peak resident memory, and the case during which it was reached */
  peakRss: number;
  peakCase: string;
  problems: string[];
  seconds: number;
}

interface Answer {
  ok: boolean;
  message?: string;
  threw?: string;
  ms: number;
  cpuMs: number;
  peakRss: number;
}

/** a process's processor time so far (Linux /proc), in ms */
function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

function startWorker(): Promise<ChildProcess> {
  const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`导入进程没有启动（退出码 ${code}）`)));
  });
}

export async function runFuzz(options: { cases: number; seed?: number; log?: (line: string) => void }): Promise<FuzzFigures> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-fuzz-'));
  const f: FuzzFigures = { cases: 0, results: 0, refusals: 0, hangs: 0, slow: 0, crashes: 0, mute: 0, slowest: { name: '', ms: 0 }, peakRss: 0, peakCase: '', problems: [], seconds: 0 };
  let worker = await startWorker();
  try {
    for (const c of corpus(options.cases, options.seed)) {
      f.cases++;
      const file = path.join(dir, 'case');
      fs.writeFileSync(file, c.bytes);
      const t0 = Date.now();
      const cpuAtStart = cpuMsOf(worker.pid!);
      const answer = await new Promise<Answer | 'hang' | 'died'>((resolve) => {
        // on a busy machine a case waits for the processor: only its own processor time makes it a hang
        const look = () => {
          const cpu = cpuMsOf(worker.pid!);
          if (cpu === undefined || cpuAtStart === undefined || cpu - cpuAtStart > CASE_LIMIT_MS || Date.now() - t0 > 20 * HANG_MS) resolve('hang');
          else timer = setTimeout(look, HANG_MS);
        };
        let timer = setTimeout(look, HANG_MS);
        const onExit = () => (clearTimeout(timer), resolve('died'));
        worker.once('exit', onExit);
        worker.once('message', (m: Answer) => {
          clearTimeout(timer);
          worker.off('exit', onExit);
          resolve(m);
        });
        worker.send({ file, fileName: c.fileName });
      });
      if (answer === 'hang' || answer === 'died') {
        if (answer === 'hang') f.hangs++;
        else f.crashes++;
        f.problems.push(`${c.name}：${answer === 'hang' ? `超过 ${CASE_LIMIT_MS / 1000} 秒处理器时间没有回答` : '导入进程退出了'}`);
        log(`  问题：${f.problems[f.problems.length - 1]}`);
        worker.kill('SIGKILL');
        worker = await startWorker();
        continue;
      }
      const ms = Math.round(answer.cpuMs);
      if (ms > f.slowest.ms) f.slowest = { name: c.name, ms };
      if (ms > CASE_LIMIT_MS) {
        f.slow++;
        f.problems.push(`${c.name}：用了 ${ms} ms 处理器时间（墙钟 ${Date.now() - t0} ms）`);
      }
      if (answer.peakRss > f.peakRss) {
        f.peakRss = answer.peakRss;
        f.peakCase = c.name;
      }
      if (answer.threw) {
        f.crashes++;
        f.problems.push(`${c.name}：抛出了 ${answer.threw}`);
      } else if (answer.ok) {
        f.results++;
      } else {
        f.refusals++;
        if (!/[\u4e00-\u9fff]{4}/.test(answer.message ?? '')) {
          f.mute++;
          f.problems.push(`${c.name}：拒绝时没有中文说明：${answer.message}`);
        }
      }
      if (f.cases % 100 === 0) log(`  ${f.cases} 个文件，卡住 ${f.hangs}，出错 ${f.crashes}`);
    }
  } finally {
    worker.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  f.seconds = (Date.now() - started) / 1000;
  return f;
}

export function describeFuzz(f: FuzzFigures): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  return (
    `导入模糊测试：${f.cases} 个文件，读出 ${f.results} 个，拒绝 ${f.refusals} 个（无中文说明 ${f.mute} 个），` +
    `超过 ${CASE_LIMIT_MS / 1000} 秒 ${f.slow} 个，卡住 ${f.hangs} 个，出错 ${f.crashes} 个；最慢 ${f.slowest.ms} ms 处理器时间（${f.slowest.name}），` +
    `导入进程内存峰值 ${mb(f.peakRss)}（${f.peakCase}），用时 ${f.seconds.toFixed(0)} 秒`
  );
}

async function main(argv: string[]): Promise<number> {
  const arg = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const figures = await runFuzz({ cases: arg('--cases', 1000), seed: arg('--seed', 16), log: (l) => console.log(l) });
  for (const p of figures.problems.slice(0, 20)) console.log(`  问题：${p}`);
  console.log(describeFuzz(figures));
  return figures.hangs || figures.slow || figures.crashes || figures.mute ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(ROOT, 'scripts', 'fuzz-import.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(2);
    },
  );
}
