import type { CellDef } from '../format/index.js';
import type { Equation } from './equations.js';

/**
 * Figures whose separators were lost. A site's text export prints a row of 表三 as
 * 「（一）予以公开421000043」: seven cells in nine digits (42 | 1 | 0 | 0 | 0 | 0 | 43). Every way of cutting the digits into the
 * row's cells is tried — no part with a leading zero, each a valid figure for its cell — and the
 * row's own equations (总计 = the sum of its parts) keep the cuts that add up. One reading left:
 * it is the row. Several: the caller tries the table's other equations, or leaves the row blank.
 *
 * A separated figure (its own cell, or spaces around it) is one cell; a blank is one empty cell;
 * only a run of digits glued to its neighbours may hold several cells.
 */

export interface Piece {
  kind: 'num' | 'run' | 'blank';
  text: string;
}

/** A row reading: the figure text of each cell (a placeholder such as 「—」 as printed), null for an empty cell. */
export type Reading = (string | null)[];

export interface Fit {
  /** the readings that satisfy the row's equations (or every reading, when none does) */
  readings: Reading[];
  /** true when the readings satisfy the row's equations; false when none could and the readings are merely possible */
  addsUp: boolean;
  /** more readings exist than were kept */
  truncated: boolean;
}

const COUNT = /^(0|[1-9]\d*)$/;
const DELTA = /^-?(0|[1-9]\d*)$/;
const MONEY = /^(0|[1-9]\d*)(\.\d{1,6})?$/;

/** A piece of a run that can be the figure of a cell of this kind. */
function validPart(def: CellDef, text: string): boolean {
  if (def.kind === 'money') return MONEY.test(text) && !/^0\d/.test(text);
  return (def.kind === 'delta' ? DELTA : COUNT).test(text) && text.replace('-', '').length <= 9;
}

/** A number for the equations: money in thousandths of 分 is not needed — only counts take part in equations. */
function numeric(text: string | null): number | null {
  if (text === null) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

const LIMIT = 64;
/** steps of the search per row: past this the row is left to the clerk (truncated), whatever it costs */
const MAX_STEPS = 60_000;

/**
 * The readings of `pieces` as the cells `defs`, in order. `equations` are given as cell indexes;
 * an equation is checked as soon as its last cell is read, which prunes the search to a few
 * hundred steps even for fifteen cells in one run.
 */
export function fitPieces(pieces: readonly Piece[], defs: readonly CellDef[], equations: readonly Equation[]): Fit {
  const n = defs.length;
  const index = new Map(defs.map((d, i) => [d.id, i]));
  const eqs = equations
    .map((e) => ({ left: e.left.map((id) => index.get(id)!), right: e.right.map((id) => index.get(id)!) }))
    .filter((e) => [...e.left, ...e.right].every((i) => i !== undefined))
    .map((e) => ({ ...e, last: Math.max(...e.left, ...e.right) }));
  const byLast = new Map<number, typeof eqs>();
  for (const e of eqs) byLast.set(e.last, [...(byLast.get(e.last) ?? []), e]);

  // the row's 总计 is its last cell: the last digits of the last run. Trying each length of it first
  // turns the search into 「parts that add up to a known total」, where no part may exceed it.
  const total = eqs.find((e) => e.right.length === 1 && e.right[0] === n - 1 && e.left.every((i) => i < n - 1));
  const last = pieces.at(-1);
  const run = (constrained: boolean, limit: number): { readings: Reading[]; truncated: boolean } => {
    if (!constrained || !total || last?.kind !== 'run' || pieces.length > 1) return search(constrained, limit, pieces, null);
    const readings: Reading[] = [];
    let truncated = false;
    for (let len = 1; len <= Math.min(9, last.text.length - 1); len++) {
      const suffix = last.text.slice(-len);
      if (!validPart(defs[n - 1]!, suffix)) continue;
      const rest = last.text.slice(0, -len);
      const found = search(true, limit - readings.length, [{ kind: 'run', text: rest }, { kind: 'num', text: suffix }], Number(suffix));
      readings.push(...found.readings);
      truncated ||= found.truncated;
      if (readings.length >= limit) break;
    }
    return { readings, truncated };
  };

  function search(constrained: boolean, limit: number, pieces: readonly Piece[], knownTotal: number | null): { readings: Reading[]; truncated: boolean } {
    // cells still needed after piece i: at least one per piece, at most one per digit of a run
    const minAfter: number[] = new Array(pieces.length + 1).fill(0);
    const maxAfter: number[] = new Array(pieces.length + 1).fill(0);
    for (let i = pieces.length - 1; i >= 0; i--) {
      const p = pieces[i]!;
      minAfter[i] = minAfter[i + 1]! + 1;
      maxAfter[i] = maxAfter[i + 1]! + (p.kind === 'run' ? p.text.replace(/\D/g, '').length : 1);
    }
    const readings: Reading[] = [];
    const cells: Reading = new Array(n).fill(null);
    const values: (number | null)[] = new Array(n).fill(null);
    let truncated = false;
    let steps = 0;
    const holds = (ci: number): boolean => {
      if (!constrained) return true;
      for (const e of byLast.get(ci) ?? []) {
        const sum = (ix: number[]) => ix.reduce((s, i) => s + (values[i] ?? 0), 0);
        if (sum(e.left) !== sum(e.right)) return false;
      }
      return true;
    };
    let partial = 0;
    const place = (ci: number, text: string | null): boolean => {
      cells[ci] = text;
      values[ci] = numeric(text);
      // parts of a known total: their sum so far may not pass it
      if (knownTotal !== null && total!.left.includes(ci)) {
        partial = total!.left.filter((i) => i <= ci).reduce((s, i) => s + (values[i] ?? 0), 0);
        if (partial > knownTotal) return false;
      }
      return holds(ci);
    };
    const visit = (pi: number, ci: number): void => {
      if (readings.length >= limit || ++steps > MAX_STEPS) {
        truncated = true;
        return;
      }
      if (pi === pieces.length) {
        if (ci === n) readings.push([...cells]);
        return;
      }
      if (ci + minAfter[pi]! > n || ci + maxAfter[pi]! < n) return;
      const p = pieces[pi]!;
      if (p.kind !== 'run') {
        if (place(ci, p.kind === 'blank' ? p.text || null : p.text)) visit(pi + 1, ci + 1);
        return;
      }
      cut(p.text, 0, pi, ci);
    };
    const cut = (text: string, from: number, pi: number, ci: number): void => {
      if (ci >= n) return;
      for (let end = from + 1; end <= text.length; end++) {
        if (++steps > MAX_STEPS) {
          truncated = true;
          return;
        }
        const part = text.slice(from, end);
        if (!validPart(defs[ci]!, part)) {
          // a leading zero or an overflow only gets worse with more digits
          if (/^-?0\d/.test(part) || part.replace(/\D/g, '').length > 9) break;
          continue;
        }
        // what is left of this run and the pieces after it must still fill the cells after this one
        const left = text.slice(end).replace(/\D/g, '').length;
        // (too many cells left for what follows: a longer part may do; too few digits left: it only gets worse)
        if (ci + 1 + (left > 0 ? 1 : 0) + minAfter[pi + 1]! > n) continue;
        if (ci + 1 + left + maxAfter[pi + 1]! < n) break;
        if (!place(ci, part)) continue;
        if (end === text.length) visit(pi + 1, ci + 1);
        else cut(text, end, pi, ci + 1);
        if (readings.length >= limit) {
          truncated = true;
          return;
        }
      }
    };
    visit(0, 0);
    return { readings, truncated };
  }

  const strict = run(true, LIMIT);
  if (strict.readings.length) return { readings: strict.readings, addsUp: eqs.length > 0, truncated: strict.truncated };
  const loose = run(false, 2);
  return { readings: loose.readings, addsUp: false, truncated: loose.truncated };
}
