import { cellDef, cellName, type CellDef, type FormatId, type TableDef } from '../../../core/format/index.js';
import { FEN_PER_WAN, fenToWan, type ReportFormat } from '../../../core/report/index.js';

/**
 * Year over year (issue 6): this year's figure beside last year's, the change, the change in %,
 * and a flag on jumps. Pure, so the window and the tests read the same figures.
 */

/** A jump: more than this many times last year's figure, or less than its reciprocal share. */
export const JUMP_FACTOR = 5;
/** Small figures jump easily (2 → 11 is no news): both values must exceed this to be flagged. */
export const JUMP_FLOOR = 10;

export interface YoyFigure {
  id: string;
  now?: number;
  last?: number;
  /** now − last, when both are filled in */
  change?: number;
  /** the change as a share of last year's figure, in %; absent when last year's is 0 or blank */
  pct?: number;
  jump: boolean;
}

/** More than five times, or less than a fifth of, last year's figure — where both exceed ten. */
export function isJump(now: number | undefined, last: number | undefined, floor = JUMP_FLOOR): boolean {
  if (now === undefined || last === undefined) return false;
  if (now <= floor || last <= floor) return false;
  return now > last * JUMP_FACTOR || now * JUMP_FACTOR < last;
}

export function compareFigure(id: string, now: number | undefined, last: number | undefined, kind: CellDef['kind'] = 'count'): YoyFigure {
  const both = now !== undefined && last !== undefined;
  const change = both ? now - last : undefined;
  const pct = both && last !== 0 ? ((now - last) / Math.abs(last)) * 100 : undefined;
  // money is stored in 分 and read in 万元: 「more than 10」 means 10 万元
  const floor = kind === 'money' ? JUMP_FLOOR * FEN_PER_WAN : JUMP_FLOOR;
  return { id, now, last, change, pct, jump: isJump(now, last, floor) };
}

/**
 * Whether a cell of this year's format can be compared with the same id last year. 表二 changed
 * meaning between the 2019 and 2021 formats (spec X-4): nothing of it compares across the change.
 */
export function comparable(format: FormatId, lastFormat: ReportFormat, id: string): boolean {
  if (lastFormat === 'free') return false;
  const def = cellDef(format, id);
  if (!def || !cellDef(lastFormat, id)) return false;
  return lastFormat === format || def.table !== 't2';
}

/** Every value cell of a table, this year against last. Cells that cannot be compared are left out. */
export function tableYoy(
  table: TableDef,
  format: FormatId,
  lastFormat: ReportFormat,
  now: Readonly<Record<string, number>>,
  last: Readonly<Record<string, number>>,
): Map<string, YoyFigure> {
  const out = new Map<string, YoyFigure>();
  for (const def of table.cells) {
    if (!comparable(format, lastFormat, def.id)) continue;
    out.set(def.id, compareFigure(def.id, now[def.id], last[def.id], def.kind));
  }
  return out;
}

export interface TopChange extends YoyFigure {
  name: string;
  change: number;
}

/**
 * What changed most in a table: the largest changes by absolute size, computed totals left out
 * (they only repeat their parts), ties in table order.
 */
export function topChanges(table: TableDef, figures: ReadonlyMap<string, YoyFigure>, n = 5): TopChange[] {
  const order = new Map(table.cells.map((c, i) => [c.id, i]));
  const out: TopChange[] = [];
  for (const def of table.cells) {
    const f = figures.get(def.id);
    if (!f || def.sumOf || f.change === undefined || f.change === 0) continue;
    out.push({ ...f, change: f.change, name: cellName(def) });
  }
  return out.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || order.get(a.id)! - order.get(b.id)!).slice(0, n);
}

/** A figure as the clerk reads it: counts as they are, money in 万元. */
export function shownValue(kind: CellDef['kind'], value: number | undefined): string {
  if (value === undefined) return '空';
  return kind === 'money' ? `${fenToWan(value)}万元` : String(value);
}

/** 「+3」「−12」「0」, money in 万元. */
export function signedChange(kind: CellDef['kind'], change: number): string {
  const body = kind === 'money' ? fenToWan(Math.abs(change)) : String(Math.abs(change));
  return change > 0 ? `+${body}` : change < 0 ? `−${body}` : '0';
}

/** 「+25%」「−80%」; 「新增」 when last year's was 0; empty when there is nothing to say. */
export function signedPct(f: Pick<YoyFigure, 'now' | 'last' | 'pct'>): string {
  if (f.pct !== undefined) {
    const rounded = Math.abs(f.pct) < 10 && f.pct % 1 !== 0 ? Math.round(f.pct * 10) / 10 : Math.round(f.pct);
    return rounded > 0 ? `+${rounded}%` : rounded < 0 ? `−${Math.abs(rounded)}%` : '0%';
  }
  if (f.last === 0 && f.now !== undefined && f.now > 0) return '新增';
  return '';
}
