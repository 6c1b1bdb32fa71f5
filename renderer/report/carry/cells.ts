import { carryForward, type CarryInfo, type ReportData } from '../../../core/report/index.js';

/**
 * Figures carried from last year (issue 6): which cells came across, whether the clerk changed
 * them since, and when a change needs a written reason. Pure, tested without a window.
 */

/** What carrying last year's report, as it stands now, would bring: last year may have been corrected since. */
export function freshCarry(previous: ReportData | undefined, year: number): Readonly<Record<string, number>> | undefined {
  if (!previous || previous.year !== year - 1) return undefined;
  return carryForward(previous, year).carry.cells;
}

export interface CarriedCell {
  cellId: string;
  fromYear: number;
  /** the value carried when the report was started */
  carried: number;
  /** the value now (undefined: cleared) */
  now: number | undefined;
  /** the value differs from what was carried and from what last year's report says now */
  changed: boolean;
  note?: string;
}

/** Values a carried cell may hold without a reason: what was carried, and what last year's report says now. */
function expected(carry: CarryInfo, fresh: Readonly<Record<string, number>> | undefined, cellId: string): number[] {
  const out = [carry.cells[cellId]!];
  const now = fresh?.[cellId];
  if (now !== undefined) out.push(now);
  return out;
}

/** The report's carried cells, in the order they were carried. */
export function carriedCells(data: ReportData, fresh?: Readonly<Record<string, number>>): CarriedCell[] {
  const carry = data.carry;
  if (!carry) return [];
  return Object.entries(carry.cells).map(([cellId, carried]) => {
    const now = data.cells[cellId];
    const note = data.notes[cellId];
    return {
      cellId,
      fromYear: carry.fromYear,
      carried,
      now,
      changed: now === undefined || !expected(carry, fresh, cellId).includes(now),
      ...(note ? { note } : {}),
    };
  });
}

export type CarryEvent =
  /** a carried value was changed by hand and has no reason yet: ask for one */
  | { kind: 'ask'; cellId: string; carried: number; before: number | undefined; after: number | undefined }
  /** a changed value is back to the carried one (an undo): the reason written for the change is still there */
  | { kind: 'restored'; cellId: string; carried: number; note: string };

/**
 * What an edit did to the carried cells. Only cells whose value changed in this edit count, so
 * opening a report never asks about changes made before.
 */
export function carryEvents(
  carry: CarryInfo | undefined,
  notes: Readonly<Record<string, string>>,
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
  fresh?: Readonly<Record<string, number>>,
): CarryEvent[] {
  if (!carry) return [];
  const out: CarryEvent[] = [];
  for (const [cellId, carried] of Object.entries(carry.cells)) {
    const b = before[cellId];
    const a = after[cellId];
    if (a === b) continue;
    const fine = a !== undefined && expected(carry, fresh, cellId).includes(a);
    const note = notes[cellId];
    if (!fine && !note) out.push({ kind: 'ask', cellId, carried, before: b, after: a });
    else if (fine && note) out.push({ kind: 'restored', cellId, carried, note });
  }
  return out;
}

/** The tooltip lines and classes of a value cell: carried from last year, last year's base, the cell's note. */
export function cellCarryMarks(
  data: ReportData,
  cellId: string,
  fresh?: Readonly<Record<string, number>>,
): { classes: string[]; lines: string[] } {
  const classes: string[] = [];
  const lines: string[] = [];
  const carry = data.carry;
  const carried = carry?.cells[cellId];
  if (carry && carried !== undefined) {
    classes.push('carried');
    const now = data.cells[cellId];
    const changed = now === undefined || !expected(carry, fresh, cellId).includes(now);
    if (changed) classes.push('carry-changed');
    lines.push(changed ? `结转：${carry.fromYear} 年报告结转来的是 ${carried}，已改动` : `结转：来自 ${carry.fromYear} 年报告（${carried}）`);
  }
  const base = carry?.base[cellId];
  if (carry && base !== undefined) lines.push(`${carry.fromYear} 年报告的现行有效件数：${base}`);
  const note = data.notes[cellId];
  if (note) {
    classes.push('has-note');
    lines.push(`说明：${note}`);
  }
  return { classes, lines };
}
