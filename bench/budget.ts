/** Shared by the benchmarks: timing statistics and one line per figure against its budget. */

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
