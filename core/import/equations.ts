import { getFormat, type FormatId, type TableId } from '../format/index.js';

/**
 * The equations a published table carries, read from core/format: every computed cell (its
 * `sumOf`: 表三's 总计 column and （七）总计 row, 表四's three 总计) and 表三's balance
 * 一＋二＝（七）＋四 of each column (rule A-5's equation; a report may break it, so it only ever
 * helps to choose between readings, never rejects one). The importer uses them to split digits
 * that ran together, to choose between alignments, and to confirm rows placed without a label.
 */

export interface Equation {
  /** the cells on the left add up to the cells on the right */
  left: string[];
  right: string[];
}

const cache = new Map<string, Equation[]>();

export function tableEquations(format: FormatId, table: TableId): Equation[] {
  const key = `${format}.${table}`;
  let eqs = cache.get(key);
  if (eqs) return eqs;
  const ids = new Set(getFormat(format).tables[table].cells.map((c) => c.id));
  eqs = getFormat(format)
    .cells.filter((c) => ids.has(c.id) && c.sumOf)
    .map((c) => ({ left: [...c.sumOf!], right: [c.id] }));
  if (table === 't3') {
    const cols = getFormat(format).tables.t3.cells.filter((c) => c.row === 'r1').map((c) => c.col);
    for (const col of cols) eqs.push({ left: [`t3.r1.${col}`, `t3.r2.${col}`], right: [`t3.r3_7.${col}`, `t3.r4.${col}`] });
  }
  cache.set(key, eqs);
  return eqs;
}

/** 'holds', 'fails', or 'open' when a cell it needs is unknown. Blank cells count as 0 once any is known. */
export function check(eq: Equation, value: (id: string) => number | null | undefined): 'holds' | 'fails' | 'open' {
  let l = 0;
  let r = 0;
  for (const id of eq.left) {
    const v = value(id);
    if (v === undefined) return 'open';
    l += v ?? 0;
  }
  for (const id of eq.right) {
    const v = value(id);
    if (v === undefined) return 'open';
    r += v ?? 0;
  }
  return l === r ? 'holds' : 'fails';
}

/** The equations that stay within one row of cells: each total and its parts all among `ids`. */
export function rowEquations(format: FormatId, table: TableId, ids: readonly string[]): Equation[] {
  const set = new Set(ids);
  return tableEquations(format, table).filter((e) => [...e.left, ...e.right].every((id) => set.has(id)));
}
