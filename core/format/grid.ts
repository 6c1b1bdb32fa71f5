import type { GridCell, TableDef } from './types.js';

/**
 * Grid row and column of every cell of a format's table, merges resolved. The grid is written
 * HTML style (a merged cell appears once), so the column of a cell is found by walking the rows
 * and skipping the places taken by cells spanning from above. Used by the table editor (keyboard
 * moves, paste) and the Excel workbook (where each cell goes, where each is read back).
 */
export function gridPositions(table: TableDef): { cell: GridCell; row: number; col: number }[] {
  const taken: Set<number>[] = table.rows.map(() => new Set());
  const out: { cell: GridCell; row: number; col: number }[] = [];
  table.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken[r]!.has(c)) c += 1;
      out.push({ cell, row: r, col: c });
      const rows = cell.rowSpan ?? 1;
      const cols = cell.colSpan ?? 1;
      for (let dr = 0; dr < rows && r + dr < taken.length; dr += 1) {
        for (let dc = 0; dc < cols; dc += 1) taken[r + dr]!.add(c + dc);
      }
      c += cols;
    }
  });
  return out;
}
