import type { CellDef, GridCell, TableDef, ValueKind } from './types.js';

/**
 * 二、主动公开政府信息情况 — spec §1.3 (2021) and §2.1 (2019).
 * Four grid columns. Each block: a full-width row naming the article, a header row, data rows.
 * A block with fewer value columns than three lets its last value cell span the rest
 * (2021 single-value blocks) or leaves the rest empty (2019 （八）（九）, as published).
 */

interface ColumnSpec {
  key: string;
  label: string;
  kind?: ValueKind;
  unit?: string;
}

interface BlockSpec {
  heading: string;
  columns: ColumnSpec[];
  rows: { key: string; label: string }[];
  /** how the unused grid columns are filled: the last value cell spans them, or they stay empty */
  fill: 'span' | 'empty';
}

const ITEM = '信息内容';

function buildTable2(blocks: BlockSpec[]): TableDef {
  const rows: GridCell[][] = [];
  const cells: CellDef[] = [];
  for (const block of blocks) {
    rows.push([{ role: 'block', text: block.heading, colSpan: 4 }]);
    const spare = 3 - block.columns.length;
    const span = block.fill === 'span' && spare > 0 ? 1 + spare : undefined;
    const trailing: GridCell[] = block.fill === 'empty' ? Array.from({ length: spare }, () => ({ role: 'empty' })) : [];
    const header: GridCell[] = [{ role: 'header', text: ITEM }];
    block.columns.forEach((col, i) => {
      const last = i === block.columns.length - 1;
      header.push({ role: 'header', text: col.label, ...(last && span ? { colSpan: span } : {}) });
    });
    rows.push([...header, ...trailing.map((c) => ({ ...c }))]);
    for (const row of block.rows) {
      const line: GridCell[] = [{ role: 'label', text: row.label }];
      block.columns.forEach((col, i) => {
        const id = `t2.${row.key}.${col.key}`;
        const kind = col.kind ?? 'count';
        cells.push({
          id,
          table: 't2',
          row: row.key,
          col: col.key,
          rowPath: [block.heading, row.label],
          colPath: [col.label],
          kind,
          unit: col.unit ?? (kind === 'money' ? '万元' : '件'),
        });
        const last = i === block.columns.length - 1;
        line.push({ role: 'value', cell: id, ...(last && span ? { colSpan: span } : {}) });
      });
      rows.push([...line, ...trailing.map((c) => ({ ...c }))]);
    }
  }
  return { id: 't2', section: 's2', columns: 4, widths: [34, 22, 22, 22], headerRows: 0, rows, cells };
}

const DECISIONS_2021: ColumnSpec[] = [{ key: 'decisions', label: '本年处理决定数量' }];

export function buildTable2021(): TableDef {
  return buildTable2([
    {
      heading: '第二十条第（一）项',
      columns: [
        { key: 'made', label: '本年制发件数' },
        { key: 'repealed', label: '本年废止件数' },
        { key: 'valid', label: '现行有效件数' },
      ],
      rows: [
        { key: 'reg', label: '规章' },
        { key: 'norm', label: '行政规范性文件' },
      ],
      fill: 'span',
    },
    { heading: '第二十条第（五）项', columns: DECISIONS_2021, rows: [{ key: 'lic', label: '行政许可' }], fill: 'span' },
    {
      heading: '第二十条第（六）项',
      columns: DECISIONS_2021,
      rows: [
        { key: 'pun', label: '行政处罚' },
        { key: 'coer', label: '行政强制' },
      ],
      fill: 'span',
    },
    {
      heading: '第二十条第（八）项',
      columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', kind: 'money', unit: '万元' }],
      rows: [{ key: 'fee', label: '行政事业性收费' }],
      fill: 'span',
    },
  ]);
}

const ITEMS_2019: ColumnSpec[] = [
  { key: 'prev_items', label: '上一年项目数量', unit: '项' },
  { key: 'delta', label: '本年增/减', kind: 'delta', unit: '项' },
  { key: 'decisions', label: '处理决定数量' },
];

export function buildTable2019(): TableDef {
  return buildTable2([
    {
      heading: '第二十条第（一）项',
      columns: [
        { key: 'new_made', label: '本年新制作数量' },
        { key: 'new_published', label: '本年新公开数量' },
        { key: 'total_public', label: '对外公开总数量' },
      ],
      rows: [
        { key: 'reg', label: '规章' },
        { key: 'norm', label: '规范性文件' },
      ],
      fill: 'empty',
    },
    {
      heading: '第二十条第（五）项',
      columns: ITEMS_2019,
      rows: [
        { key: 'lic', label: '行政许可' },
        { key: 'othsvc', label: '其他对外管理服务事项' },
      ],
      fill: 'empty',
    },
    {
      heading: '第二十条第（六）项',
      columns: ITEMS_2019,
      rows: [
        { key: 'pun', label: '行政处罚' },
        { key: 'coer', label: '行政强制' },
      ],
      fill: 'empty',
    },
    {
      heading: '第二十条第（八）项',
      columns: ITEMS_2019.slice(0, 2),
      rows: [{ key: 'fee', label: '行政事业性收费' }],
      fill: 'empty',
    },
    {
      heading: '第二十条第（九）项',
      columns: [
        { key: 'count', label: '采购项目数量', unit: '项' },
        // no unit is printed for 采购总金额; the app keeps it in 万元 like the other amount (spec §2.1)
        { key: 'amount', label: '采购总金额', kind: 'money', unit: '万元' },
      ],
      rows: [{ key: 'proc', label: '政府集中采购' }],
      fill: 'empty',
    },
  ]);
}
