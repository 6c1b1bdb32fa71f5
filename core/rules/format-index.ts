import {
  cellName,
  getFormat,
  t3ResultRowKeys,
  T3_COLUMNS,
  T3_OPEN_COLUMNS,
  T4_COLUMNS,
  T4_GROUPS,
  type CellDef,
  type FormatDef,
  type FormatId,
  type TableId,
} from '../format/index.js';

/**
 * Everything the rules look up in a format, computed once per format and kept: cell names,
 * the rows and columns of 表三 and 表四. Checking a report then
 * only reads maps and arrays.
 */
export interface FormatIndex {
  id: FormatId;
  format: FormatDef;
  byId: ReadonlyMap<string, CellDef>;
  /** cellName() of every cell */
  names: ReadonlyMap<string, string>;
  tableCells: Readonly<Record<TableId, readonly CellDef[]>>;
  /** 表三 row keys in table order (r1 … r4) */
  t3Rows: readonly string[];
  /** rows whose sum is （七）总计 */
  t3ResultRows: readonly string[];
  /** 表三 columns, `total` last */
  t3Columns: readonly string[];
  t3OpenColumns: readonly string[];
  t4Groups: readonly string[];
  /** 表四 columns that add up to 总计 */
  t4Parts: readonly string[];
  /** labels of the 表三 rows that group others and hold no value (「三、本年度办理结果」, 「（三）不予公开」 …) */
  t3GroupLabels: readonly string[];
  /** 表二 row keys that hold counts of rules and normative documents (规章, (行政)规范性文件) */
  t2DocumentRows: readonly string[];
}

const cache = new Map<FormatId, FormatIndex>();

function build(id: FormatId): FormatIndex {
  const format = getFormat(id);
  const byId = new Map(format.cells.map((c) => [c.id, c]));
  const names = new Map(format.cells.map((c) => [c.id, cellName(c)]));
  const t3Rows: string[] = [];
  for (const c of format.tables.t3.cells) if (!t3Rows.includes(c.row)) t3Rows.push(c.row);
  const groups = new Set<string>();
  for (const c of format.tables.t3.cells) c.rowPath.slice(0, -1).forEach((label) => groups.add(label));
  return {
    id,
    format,
    byId,
    names,
    tableCells: { t2: format.tables.t2.cells, t3: format.tables.t3.cells, t4: format.tables.t4.cells },
    t3Rows,
    t3ResultRows: t3ResultRowKeys(id),
    t3Columns: T3_COLUMNS.map((c) => c.key),
    t3OpenColumns: T3_OPEN_COLUMNS,
    t4Groups: T4_GROUPS.map((g) => g.key),
    t4Parts: T4_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.key),
    t3GroupLabels: [...groups],
    t2DocumentRows: ['reg', 'norm'],
  };
}

export function formatIndex(id: FormatId): FormatIndex {
  let index = cache.get(id);
  if (!index) {
    index = build(id);
    cache.set(id, index);
  }
  return index;
}

/** The printed label of a cell's row (「（七）总计」) or, for 表四, its group (「行政复议」). */
export function rowLabelOf(index: FormatIndex, cellId: string): string {
  const def = index.byId.get(cellId);
  if (!def) return cellId;
  return def.rowPath.at(-1) ?? def.colPath.slice(0, -1).join('·');
}

/** The printed header of a cell's column (「自然人」, 「结果维持」). */
export function colLabelOf(index: FormatIndex, cellId: string): string {
  return index.byId.get(cellId)?.colPath.at(-1) ?? cellId;
}
