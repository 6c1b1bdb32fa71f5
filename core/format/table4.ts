import type { CellDef, GridCell, TableDef } from './types.js';

/** 四、政府信息公开行政复议、行政诉讼情况 — spec §1.5, identical in 2019 and 2021. */

export const T4_GROUPS = [
  { key: 'rev', path: ['行政复议'] },
  { key: 'lit_direct', path: ['行政诉讼', '未经复议直接起诉'] },
  { key: 'lit_after', path: ['行政诉讼', '复议后起诉'] },
] as const;

export const T4_COLUMNS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
] as const;

export function buildTable4(): TableDef {
  const cells: CellDef[] = [];
  for (const group of T4_GROUPS) {
    const parts = T4_COLUMNS.filter((c) => c.key !== 'total').map((c) => `t4.${group.key}.${c.key}`);
    for (const col of T4_COLUMNS) {
      const def: CellDef = {
        id: `t4.${group.key}.${col.key}`,
        table: 't4',
        row: group.key,
        col: col.key,
        rowPath: [],
        colPath: [...group.path, col.label],
        kind: 'count',
        unit: '件',
      };
      if (col.key === 'total') def.sumOf = parts;
      cells.push(def);
    }
  }
  const labels = T4_COLUMNS.map((c) => c.label);
  const rows: GridCell[][] = [
    [
      { role: 'header', text: '行政复议', colSpan: 5 },
      { role: 'header', text: '行政诉讼', colSpan: 10 },
    ],
    [
      ...labels.map((text): GridCell => ({ role: 'header', text, rowSpan: 2 })),
      { role: 'header', text: '未经复议直接起诉', colSpan: 5 },
      { role: 'header', text: '复议后起诉', colSpan: 5 },
    ],
    [...labels, ...labels].map((text): GridCell => ({ role: 'header', text })),
    cells.map((c): GridCell => ({ role: 'value', cell: c.id })),
  ];
  return {
    id: 't4',
    section: 's4',
    columns: 15,
    widths: Array(15).fill(1),
    headerRows: 3,
    rows,
    cells,
  };
}
