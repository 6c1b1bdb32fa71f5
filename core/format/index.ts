import { SECTIONS, tableName } from './sections.js';
import { buildTable2019, buildTable2021 } from './table2.js';
import { buildTable3 } from './table3.js';
import { buildTable4 } from './table4.js';
import type { CellDef, FormatDef, FormatId } from './types.js';

export * from './types.js';
export * from './sections.js';
export * from './aliases.js';
export { gridPositions } from './grid.js';
export { T3_COLUMNS, T3_OPEN_COLUMNS, T3_CORNER_NOTE, t3ResultRowKeys } from './table3.js';
export { T4_COLUMNS, T4_GROUPS } from './table4.js';

function assemble(def: Omit<FormatDef, 'cells'>): FormatDef {
  const cells = [def.tables.t2, def.tables.t3, def.tables.t4].flatMap((t) => t.cells);
  return { ...def, cells };
}

export const FORMAT_2021: FormatDef = assemble({
  id: '2021',
  name: '2021年版格式',
  notice: '国办公开办函〔2021〕30号',
  years: [2021, null],
  sections: [...SECTIONS],
  tables: { t2: buildTable2021(), t3: buildTable3('2021'), t4: buildTable4() },
});

export const FORMAT_2019: FormatDef = assemble({
  id: '2019',
  name: '2019年版格式（试行）',
  notice: '国办公开办函〔2019〕60号',
  years: [2019, 2020],
  sections: [...SECTIONS],
  tables: { t2: buildTable2019(), t3: buildTable3('2019'), t4: buildTable4() },
});

export const FORMATS: Readonly<Record<FormatId, FormatDef>> = { '2021': FORMAT_2021, '2019': FORMAT_2019 };

export function getFormat(id: FormatId): FormatDef {
  return FORMATS[id];
}

/** Rule F-1: the format is fixed by the report year. Years before 2019 have no tables. */
export function formatIdForYear(year: number): FormatId | 'free' {
  if (year <= 2018) return 'free';
  if (year <= 2020) return '2019';
  return '2021';
}

const cellIndex = new Map<FormatId, Map<string, CellDef>>();

/** The cell definition for an id in a format, or undefined when the format has no such cell. */
export function cellDef(format: FormatId, id: string): CellDef | undefined {
  let index = cellIndex.get(format);
  if (!index) {
    index = new Map(FORMATS[format].cells.map((c) => [c.id, c]));
    cellIndex.set(format, index);
  }
  return index.get(id);
}

/** The printed label of a cell's row, e.g. 「四、结转下年度继续办理」 for `t3.r4.total`. */
export function rowLabel(format: FormatId, id: string): string {
  return cellDef(format, id)?.rowPath.at(-1) ?? id;
}

/** The printed header of a cell's column, e.g. 「本年制发件数」 for `t2.reg.made`. */
export function colLabel(format: FormatId, id: string): string {
  return cellDef(format, id)?.colPath.at(-1) ?? id;
}

/** Human name of a cell, e.g. 「表三 一、本年新收政府信息公开申请数量 · 自然人」. */
export function cellName(cell: CellDef): string {
  const table = tableName(cell.table);
  const row = cell.rowPath.at(-1);
  const col = cell.table === 't4' ? cell.colPath.join('·') : cell.colPath.at(-1);
  return row ? `${table}「${row}」·${col}` : `${table}「${col}」`;
}
