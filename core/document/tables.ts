import { cellDef, type FormatId, type GridCell, type TableDef } from '../format/index.js';
import { fenToWan, fenToWanFixed } from '../report/money.js';
import type { DocCell, DocTable } from './model.js';

/**
 * One type size for the three tables: 表三 (10 columns) and 表四 (15 columns) only fit a
 * portrait page in 小五, and 表二 beside them should not look bigger.
 */
export const TABLE_FONT_PT = 9;

/** Space between a cell's border and its text, left and right, in both writers. */
export const CELL_PADDING_MM = 0.9;

/**
 * How many rows at the top of each table stay on the page of the table's heading. 表二 and 表四
 * are short and are never split; 表三 runs over a page, so it keeps its header and the first
 * three rows with the heading — never a heading with one row under it at the foot of a page.
 */
function keepRows(table: TableDef): number {
  return table.id === 't3' ? table.headerRows + 3 : table.rows.length;
}

/**
 * A money column's header names its unit: 2021 prints 「本年收费金额（单位：万元）」, but the 2019
 * format's 「采购总金额」 has none, though the figure is in 万元 (spec §2.1). The unit is added the
 * way 2021 writes it.
 */
function headerWithUnit(format: FormatId, header: string, below: GridCell | undefined): string {
  const def = below?.role === 'value' && below.cell ? cellDef(format, below.cell) : undefined;
  if (def?.kind !== 'money' || !def.unit || header.includes(def.unit)) return header;
  return `${header}（单位：${def.unit}）`;
}

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
  return feeDecimals === null ? fenToWan(value) : fenToWanFixed(value, feeDecimals);
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
    keepRows: keepRows(table),
    fontSizePt: TABLE_FONT_PT,
    rows: table.rows.map((row, r) =>
      row.map((cell, c): DocCell => {
        const text =
          cell.role === 'value' && cell.cell
            ? printedValue(format, cell.cell, cells, feeDecimals)
            : cell.role === 'header' && table.id === 't2'
              ? headerWithUnit(format, cell.text ?? '', table.rows[r + 1]?.[c])
              : (cell.text ?? '');
        const out: DocCell = {
          role: cell.role,
          text,
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
