/**
 * A small diff for comparing two drafts of the prose: lines first, then the characters inside
 * a changed line, so that a side-by-side view can mark exactly what was typed or deleted.
 *
 * Myers' O((N+M)·D) algorithm over any sequence. A comparison whose edit distance passes a cap
 * is reported as "all removed, all added" instead of spending seconds on texts that share
 * nothing anyway.
 */

export type DiffKind = 'equal' | 'delete' | 'insert';

export interface DiffRun<T> {
  kind: DiffKind;
  items: T[];
}

/** Past this many edits the two sides are treated as unrelated (keeps memory at O(cap²)). */
const MAX_EDITS = 2000;

function pushRun<T>(runs: DiffRun<T>[], kind: DiffKind, item: T): void {
  const last = runs.at(-1);
  if (last && last.kind === kind) last.items.push(item);
  else runs.push({ kind, items: [item] });
}

/** The runs that turn `a` into `b`, in order. Equal items come from `a`. */
export function diffSequences<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean = Object.is): DiffRun<T>[] {
  // common head and tail cost nothing and shrink the search
  let head = 0;
  while (head < a.length && head < b.length && eq(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && eq(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);

  const runs: DiffRun<T>[] = [];
  for (const item of a.slice(0, head)) pushRun(runs, 'equal', item);
  for (const [kind, item] of middle(midA, midB, eq)) pushRun(runs, kind, item);
  for (const item of a.slice(a.length - tail)) pushRun(runs, 'equal', item);
  return runs;
}

function middle<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): [DiffKind, T][] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((item) => ['insert', item]);
  if (m === 0) return a.map((item) => ['delete', item]);
  const max = n + m;
  const cap = Math.min(max, MAX_EDITS);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v for k in [-d-1, d+1] as it was before step d
  const trace: Int32Array[] = [];
  for (let d = 0; d <= cap; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && eq(a[x]!, b[y]!)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return [...a.map((item): [DiffKind, T] => ['delete', item]), ...b.map((item): [DiffKind, T] => ['insert', item])];
}

function backtrack<T>(a: readonly T[], b: readonly T[], trace: Int32Array[], depth: number): [DiffKind, T][] {
  const out: [DiffKind, T][] = [];
  let x = a.length;
  let y = b.length;
  for (let d = depth; d > 0; d--) {
    const row = trace[d]!;
    const get = (k: number) => row[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && get(k - 1) < get(k + 1)) ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push(['equal', a[x - 1]!]);
      x--;
      y--;
    }
    if (x === prevX) out.push(['insert', b[prevY]!]);
    else out.push(['delete', a[prevX]!]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    out.push(['equal', a[x - 1]!]);
    x--;
    y--;
  }
  return out.reverse();
}

/** A stretch of text in a changed line: kept, removed (left side) or added (right side). */
export interface TextSegment {
  kind: DiffKind;
  text: string;
}

/**
 * The units a prose line is compared in: single characters, except that a figure token
 * (`{{cell:…}}`) is one unit, so a diff never cuts a token in half.
 */
export function proseUnits(line: string): string[] {
  const units: string[] = [];
  const re = /\{\{cell:[a-z0-9_.]+\}\}/g;
  let at = 0;
  for (const m of line.matchAll(re)) {
    units.push(...Array.from(line.slice(at, m.index)));
    units.push(m[0]);
    at = m.index + m[0].length;
  }
  units.push(...Array.from(line.slice(at)));
  return units;
}

/** Character differences between two versions of one line. */
export function diffChars(a: string, b: string): TextSegment[] {
  return diffSequences(proseUnits(a), proseUnits(b)).map((r) => ({ kind: r.kind, text: r.items.join('') }));
}

/** One row of a side-by-side comparison. Line numbers count from 1. */
export type DiffRow =
  | { kind: 'equal'; left: string; right: string; leftLine: number; rightLine: number }
  | { kind: 'delete'; left: string; leftLine: number }
  | { kind: 'insert'; right: string; rightLine: number }
  | {
      kind: 'change';
      left: string;
      right: string;
      leftLine: number;
      rightLine: number;
      /** the left line, its removed stretches marked */
      leftSegments: TextSegment[];
      /** the right line, its added stretches marked */
      rightSegments: TextSegment[];
    };

function splitLines(text: string): string[] {
  if (!text) return [];
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/**
 * Two texts as aligned rows: unchanged lines side by side, a removed line opposite the added
 * line that replaced it (with the changed characters marked), and lines only one side has.
 * `same` says when two lines count as unchanged (exactly equal unless given).
 */
export function sideBySide(a: string, b: string, same: (x: string, y: string) => boolean = Object.is): DiffRow[] {
  const rows: DiffRow[] = [];
  let l = 1;
  let r = 1;
  const runs = diffSequences(splitLines(a), splitLines(b), same);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.kind === 'equal') {
      for (const line of run.items) rows.push({ kind: 'equal', left: line, right: line, leftLine: l++, rightLine: r++ });
      continue;
    }
    // a deletion followed by an insertion is an edit of those lines: pair them up in order
    const next = runs[i + 1];
    const deleted = run.kind === 'delete' ? run.items : [];
    const inserted = run.kind === 'insert' ? run.items : next?.kind === 'insert' ? next.items : [];
    if (run.kind === 'delete' && next?.kind === 'insert') i++;
    const pairs = Math.min(deleted.length, inserted.length);
    for (let p = 0; p < pairs; p++) {
      const left = deleted[p]!;
      const right = inserted[p]!;
      const segments = diffChars(left, right);
      rows.push({
        kind: 'change',
        left,
        right,
        leftLine: l++,
        rightLine: r++,
        leftSegments: segments.filter((s) => s.kind !== 'insert'),
        rightSegments: segments.filter((s) => s.kind !== 'delete'),
      });
    }
    for (const left of deleted.slice(pairs)) rows.push({ kind: 'delete', left, leftLine: l++ });
    for (const right of inserted.slice(pairs)) rows.push({ kind: 'insert', right, rightLine: r++ });
  }
  return rows;
}
