import type { ReactNode } from 'react';
import type { GridCell, TableDef } from '../../core/format/index.js';

interface Props {
  table: TableDef;
  /** draws a value cell's content; the table draws labels, headers and merges itself */
  renderValue?: (cellId: string, grid: GridCell) => ReactNode;
  /** extra attributes for a value cell's <td> */
  valueProps?: (cellId: string) => Record<string, unknown>;
  /** draws a value cell's whole <td> instead (the spreadsheet's memoised cells); renderValue and valueProps are then unused */
  valueCell?: (cellId: string, span: CellSpan) => ReactNode;
  caption?: string;
}

export interface CellSpan {
  colSpan?: number;
  rowSpan?: number;
}

/**
 * A table in the official layout, straight from core/format: the same merged headers and
 * labels the DOCX and the print view use. Value cells are drawn by the caller.
 */
export function OfficialTable({ table, renderValue, valueProps, valueCell, caption }: Props) {
  return (
    <table className={`official official-${table.id}`} aria-label={caption}>
      <colgroup>
        {table.widths.map((w, i) => (
          <col key={i} style={{ width: `${(100 * w) / table.widths.reduce((a, b) => a + b, 0)}%` }} />
        ))}
      </colgroup>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r} className={r < table.headerRows ? 'header-row' : undefined}>
            {row.map((cell, c) => {
              const span: CellSpan = {
                ...(cell.colSpan ? { colSpan: cell.colSpan } : {}),
                ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
              };
              if (cell.role === 'value' && cell.cell) {
                if (valueCell) return valueCell(cell.cell, span);
                return (
                  <td key={c} {...span} className="value" data-cell={cell.cell} {...(valueProps?.(cell.cell) ?? {})}>
                    {renderValue?.(cell.cell, cell)}
                  </td>
                );
              }
              const Tag = cell.role === 'label' || cell.role === 'empty' ? 'td' : 'th';
              return (
                <Tag key={c} {...span} className={cell.role}>
                  {cell.text ?? ''}
                </Tag>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
