/** Shared by the benchmarks: timing statistics and one line per figure against its budget. */
import fs from 'node:fs';
import os from 'node:os';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let failures = 0;

/** Prints `name: value unit (budget B unit) ok|OVER BUDGET`. */
export function report(name: string, value: number, budget: number, unit = 'ms'): void {
  const ok = value <= budget;
  if (!ok) failures++;
  const shown = value < 10 ? value.toFixed(3) : value.toFixed(1);
  console.log(`${name}: ${shown} ${unit} (budget ${budget} ${unit}) ${ok ? 'ok' : 'OVER BUDGET'}`);
}

/** Exit code for a benchmark script: 1 when any figure was over its budget. */
export function finish(): never {
  process.exit(failures ? 1 : 0);
}

export async function timeIt(fn: () => unknown | Promise<unknown>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** The load average as `1.23 / 2.34 / 3.45` (1, 5, 15 minutes): printed beside wall-clock figures on a shared machine. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' / ');
}

/**
 * CPU time (user + system, ms) of the child processes this process has waited for, with all of
 * theirs (a command line and the browser it started): from /proc on Linux, null elsewhere. Unlike
 * the wall clock, it does not grow when other work shares the machine.
 */
export function childrenCpuMs(): number | null {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime, fields 16 and 17 of proc(5), counted from the state field as 3
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}
