import { cellDef, type FormatId, type GridCell, type TableDef } from '../format/index.js';
import { yuanToWan, yuanToWanFixed } from '../report/money.js';
import type { DocCell, DocTable } from './model.js';

/**
 * Table type sizes in points. 表二 has four roomy columns: 五号. 表三 (10 columns) and 表四
 * (15 columns) only fit a portrait page in 小五.
 */
const TABLE_FONT_PT: Record<TableDef['id'], number> = { t2: 10.5, t3: 9, t4: 9 };

/**
 * A value as printed: counts as integers, money in 万元 (as entered, or padded to a fixed number
 * of decimals). A blank cell prints as blank: a draft may have them, and the export gate keeps
 * them out of final copies.
 */
export function printedValue(
  format: FormatId,
  cellId: string,
  cells: Readonly<Record<string, number>>,
  feeDecimals: number | null,
): string {
  const value = cells[cellId];
  if (value === undefined) return '';
  if (cellDef(format, cellId)?.kind !== 'money') return String(value);
  return feeDecimals === null ? yuanToWan(value) : yuanToWanFixed(value, feeDecimals);
}

function alignOf(table: TableDef, cell: GridCell): DocCell['align'] {
  // 表三's row labels are long sentences: read from the left. Merged group labels stay centred.
  return table.id === 't3' && cell.role === 'label' && !cell.rowSpan ? 'left' : 'center';
}

/** One of the format's tables with the report's values in it, spans exactly as the format has them. */
export function docTable(
  table: TableDef,
  format: FormatId,
  cells: Readonly<Record<string, number>>,
  feeDecimals: number | null,
): DocTable {
  return {
    id: table.id,
    widths: [...table.widths],
    headerRows: table.headerRows,
    fontSizePt: TABLE_FONT_PT[table.id],
    rows: table.rows.map((row) =>
      row.map((cell): DocCell => {
        const out: DocCell = {
          role: cell.role,
          text: cell.role === 'value' && cell.cell ? printedValue(format, cell.cell, cells, feeDecimals) : (cell.text ?? ''),
          colSpan: cell.colSpan ?? 1,
          rowSpan: cell.rowSpan ?? 1,
          align: alignOf(table, cell),
        };
        if (cell.cell) out.cellId = cell.cell;
        return out;
      }),
    ),
  };
}
