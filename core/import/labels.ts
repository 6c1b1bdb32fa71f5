import { getFormat, type FormatId, type TableDef, type TableId } from '../format/index.js';
import { labelKey, withoutNote, withoutNumbering } from './normalize.js';

/**
 * The printed labels of a table, read from core/format, as the table reader matches them.
 *
 * - `leaf`: a row label followed by that row's figures (「1.属于国家秘密」, 「行政许可」).
 * - `group`: a label spanning several rows (「（三）不予公开」); figures right after it belong to
 *   its rows whose own labels were lost (seed 001).
 * - `boundary`: headers, block headings, notes: they end the previous row's figures.
 */
export interface LabelEntry {
  kind: 'leaf' | 'group' | 'boundary';
  text: string;
  /** keys that match the label outright */
  keys: string[];
  /** the keys without numbering: accepted only where this label is expected next */
  weakKeys: string[];
  /** row keys: one for a leaf, the covered rows for a group, none for a boundary */
  rows: string[];
  /** position in the table, for matching in order */
  order: number;
}

export interface TableLabels {
  table: TableId;
  entries: LabelEntry[];
  /** figures per row key, in column order, as cell ids */
  rowCells: Map<string, string[]>;
  /** row keys in table order */
  rowOrder: string[];
  /** every label key of the table joined, for 「is this a fragment of a label」 */
  allKeys: string;
}

function keysOf(text: string): { keys: string[]; weakKeys: string[] } {
  const keys = [...new Set([labelKey(text), labelKey(withoutNote(text))])].filter(Boolean);
  const weakKeys = [...new Set(keys.map(withoutNumbering))].filter((k) => k && !keys.includes(k));
  return { keys, weakKeys };
}

function build(table: TableDef): TableLabels {
  const entries: LabelEntry[] = [];
  const rowCells = new Map<string, string[]>();
  const rowOrder: string[] = [];
  // row keys of the grid rows, to resolve what a row-spanning label covers
  const gridRowKeys = table.rows.map((r) => {
    const value = r.find((c) => c.role === 'value');
    return value?.cell ? value.cell.split('.')[1]! : null;
  });
  table.rows.forEach((gridRow, r) => {
    const rowKey = gridRowKeys[r];
    if (rowKey) {
      rowOrder.push(rowKey);
      rowCells.set(rowKey, gridRow.filter((c) => c.role === 'value').map((c) => c.cell!));
    }
    const labels = gridRow.filter((c) => c.role === 'label');
    gridRow.forEach((cell) => {
      if (!cell.text) return;
      const base = { text: cell.text, ...keysOf(cell.text), order: entries.length };
      if (cell.role === 'label' && rowKey && cell === labels.at(-1) && (cell.rowSpan ?? 1) === 1) {
        entries.push({ ...base, kind: 'leaf', rows: [rowKey] });
      } else if (cell.role === 'label' && (cell.rowSpan ?? 1) > 1) {
        const covered = gridRowKeys.slice(r, r + cell.rowSpan!).filter((k): k is string => k !== null);
        entries.push({ ...base, kind: 'group', rows: covered });
      } else {
        entries.push({ ...base, kind: 'boundary', rows: [] });
      }
    });
  });
  const allKeys = entries.flatMap((e) => e.keys).join('|');
  return { table: table.id, entries, rowCells, rowOrder, allKeys };
}

const cache = new Map<string, TableLabels>();

export function tableLabels(format: FormatId, table: TableId): TableLabels {
  const id = `${format}.${table}`;
  let labels = cache.get(id);
  if (!labels) {
    labels = build(getFormat(format).tables[table]);
    cache.set(id, labels);
  }
  return labels;
}

/**
 * Label keys that only one of the two formats prints (本年制发件数 vs 本年新制作数量, the 2021
 * sub-rows of （六）其他处理 …): finding them tells which format a published table follows.
 */
export function formatSignatures(): Record<FormatId, Set<string>> {
  const keysFor = (f: FormatId) =>
    new Set((['t2', 't3'] as const).flatMap((t) => tableLabels(f, t).entries.flatMap((e) => e.keys)));
  const k2021 = keysFor('2021');
  const k2019 = keysFor('2019');
  return {
    '2021': new Set([...k2021].filter((k) => !k2019.has(k))),
    '2019': new Set([...k2019].filter((k) => !k2021.has(k))),
  };
}
