import { cellDef } from '../../../core/format/index.js';
import { carryForward, type CarryInfo, type ReportData, type ReportFigures } from '../../../core/report/index.js';

/**
 * Figures carried from last year (issue 6): which cells came across, whether the clerk changed
 * them since, and when a change needs a written reason. Pure, tested without a window.
 */

/** What carrying last year's report forward now would bring (cells filled, base shown). */
export type FreshCarry = Readonly<Pick<CarryInfo, 'cells' | 'base'>>;

/** Carries last year's report as it stands now: it may have been corrected since this year was started. */
export function freshCarry(previous: ReportData | undefined, year: number): FreshCarry | undefined {
  if (!previous || previous.year !== year - 1) return undefined;
  const { cells, base } = carryForward(previous, year).carry;
  return { cells, base };
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
function expected(carry: CarryInfo, fresh: FreshCarry | undefined, cellId: string): number[] {
  const out = [carry.cells[cellId]!];
  const now = fresh?.cells[cellId];
  if (now !== undefined) out.push(now);
  return out;
}

/** The report's carried cells, in the order they were carried. */
export function carriedCells(data: ReportFigures, fresh?: FreshCarry): CarriedCell[] {
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
  fresh?: FreshCarry,
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
  data: ReportFigures,
  cellId: string,
  fresh?: FreshCarry,
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
  const base = baseOf(data, cellId, fresh);
  if (base) lines.push(`${base.year} 年报告的${base.label}：${base.value}`);
  const note = data.notes[cellId];
  if (note) {
    classes.push('has-note');
    lines.push(`说明：${note}`);
  }
  return { classes, lines };
}

/**
 * Last year's figure shown as the base of this year's (表二 现行有效件数, X-2): from last year's
 * report as it stands now, else as it was when this year was carried.
 */
export function baseOf(data: ReportFigures, cellId: string, fresh?: FreshCarry): { year: number; value: number; label: string } | undefined {
  const value = fresh?.base[cellId] ?? data.carry?.base[cellId];
  if (value === undefined || data.format === 'free') return undefined;
  const def = cellDef(data.format, cellId);
  return { year: data.year - 1, value, label: def?.colPath.at(-1) ?? '' };
}
