import type { CellDef, FormatId, TableDef } from '../../../core/format/index.js';
import { cellDef } from '../../../core/format/index.js';
import { gridPositions } from '../../../core/format/grid.js';
import { isComputedIn, type ReportData } from '../../../core/report/index.js';

/**
 * Where each value cell of an official table sits, for keyboard moves, rectangles and paste.
 * The format's grid is written HTML style (a merged cell appears once), so the grid column of a
 * cell is found by walking the rows and skipping the places taken by cells spanning from above.
 */

// moved to core/format (the Excel workbook places cells the same way); kept importable from here
export { gridPositions };

export interface PlacedCell {
  id: string;
  def: CellDef;
  /** index of the row among the rows that hold values */
  row: number;
  /** index of the cell inside its value row */
  index: number;
  /** first grid column it covers */
  col: number;
  /** how many grid columns it covers */
  span: number;
  /** computed by the app (a 总计); shown read-only */
  computed: boolean;
}

export interface TableLayout {
  table: TableDef;
  /** where the report's figures came from: whether its totals are computed (core/report/totals.ts) */
  origin: ReportData['origin'];
  rows: PlacedCell[][];
  byId: ReadonlyMap<string, PlacedCell>;
}

export function buildLayout(table: TableDef, format: FormatId, origin: ReportData['origin']): TableLayout {
  const byGridRow = new Map<number, PlacedCell[]>();
  for (const { cell, row, col } of gridPositions(table)) {
    if (cell.role !== 'value' || !cell.cell) continue;
    const def = cellDef(format, cell.cell);
    if (!def) continue;
    const list = byGridRow.get(row) ?? [];
    list.push({ id: def.id, def, row: 0, index: 0, col, span: cell.colSpan ?? 1, computed: isComputedIn({ format, origin }, def.id) });
    byGridRow.set(row, list);
  }
  const rows = [...byGridRow.keys()]
    .sort((a, b) => a - b)
    .map((gridRow, r) => byGridRow.get(gridRow)!.sort((a, b) => a.col - b.col).map((c, i) => ({ ...c, row: r, index: i })));
  return { table, origin, rows, byId: new Map(rows.flat().map((c) => [c.id, c])) };
}

/** The cell of a value row under (or nearest to) a grid column: how up/down and paste keep their column. */
export function cellAtColumn(row: readonly PlacedCell[], col: number): PlacedCell {
  return (
    row.find((c) => c.col <= col && col < c.col + c.span) ??
    row.find((c) => c.col >= col) ??
    row[row.length - 1]!
  );
}

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev' | 'home' | 'end' | 'first' | 'last';

/**
 * Where a key takes the cursor. Arrows stop at the table's edges; Tab (`next`/`prev`) runs on to
 * the next or previous row, as in a spreadsheet when filling a form row by row.
 */
export function move(layout: TableLayout, fromId: string, how: Move): string {
  const from = layout.byId.get(fromId);
  if (!from) return layout.rows[0]![0]!.id;
  const row = layout.rows[from.row]!;
  const rows = layout.rows;
  switch (how) {
    case 'left':
      return (row[from.index - 1] ?? from).id;
    case 'right':
      return (row[from.index + 1] ?? from).id;
    case 'up':
      return from.row > 0 ? cellAtColumn(rows[from.row - 1]!, from.col).id : from.id;
    case 'down':
      return from.row < rows.length - 1 ? cellAtColumn(rows[from.row + 1]!, from.col).id : from.id;
    case 'next':
      if (row[from.index + 1]) return row[from.index + 1]!.id;
      return from.row < rows.length - 1 ? rows[from.row + 1]![0]!.id : from.id;
    case 'prev':
      if (from.index > 0) return row[from.index - 1]!.id;
      return from.row > 0 ? rows[from.row - 1]!.at(-1)!.id : from.id;
    case 'home':
      return row[0]!.id;
    case 'end':
      return row.at(-1)!.id;
    case 'first':
      return rows[0]![0]!.id;
    case 'last':
      return rows.at(-1)!.at(-1)!.id;
  }
}

/** The cells of the rectangle spanned by two corners, row by row, as a spreadsheet selects them. */
export function rectangle(layout: TableLayout, aId: string, bId: string): PlacedCell[][] {
  const a = layout.byId.get(aId);
  const b = layout.byId.get(bId);
  if (!a || !b) return a ? [[a]] : [];
  const r0 = Math.min(a.row, b.row);
  const r1 = Math.max(a.row, b.row);
  const c0 = Math.min(a.col, b.col);
  const c1 = Math.max(a.col + a.span, b.col + b.span) - 1;
  const out: PlacedCell[][] = [];
  for (let r = r0; r <= r1; r += 1) {
    const cells = layout.rows[r]!.filter((c) => c.col <= c1 && c.col + c.span - 1 >= c0);
    if (cells.length) out.push(cells);
  }
  return out;
}
