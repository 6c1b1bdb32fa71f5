import { getFormat, type FormatId } from '../format/index.js';
import { tableLabels } from './labels.js';
import type { Line } from './lines.js';
import { labelKey } from './normalize.js';

/**
 * 表三 printed the other way round, as some sites do: the applicant types (自然人, 商业企业 … 总计)
 * as rows, the result rows (一、本年新收… （一）予以公开 …) as columns. Both axes are found by
 * their labels from core/format, and the table is laid back in the official orientation, so the
 * table reader (and its equations) read it like any other. A column or row that cannot be named
 * is left out, and its cells stay blank and uncertain: nothing is placed by position alone.
 */

/** The row key a header cell names (「三、本年度办理结果（一）予以公开」 ends with the row's own label). */
function rowOf(format: FormatId, text: string): string | null {
  const key = labelKey(text);
  if (!key) return null;
  let best: { row: string; length: number } | null = null;
  for (const e of tableLabels(format, 't3').entries) {
    if (e.kind !== 'leaf') continue;
    for (const k of e.keys) if (key.endsWith(k) && (!best || k.length > best.length)) best = { row: e.rows[0]!, length: k.length };
  }
  return best?.row ?? null;
}

/** The column (applicant type) a row's first cell names: the longest column header it ends with. */
function columnOf(format: FormatId, text: string): string | null {
  const key = labelKey(text);
  if (!key) return null;
  let best: { col: string; length: number } | null = null;
  for (const d of getFormat(format).tables.t3.cells) {
    const k = labelKey(d.colPath.at(-1)!);
    if (k && key.endsWith(k) && key.length <= k.length + 12 && (!best || k.length > best.length)) best = { col: d.col, length: k.length };
  }
  return best?.col ?? null;
}

/** The lines with a transposed 表三 turned back, and whether one was found. */
export function untransposeTable3(format: FormatId, lines: readonly Line[]): { lines: Line[]; turned: boolean } {
  const cols = [...new Set(getFormat(format).tables.t3.cells.map((d) => d.col))];
  for (let h = 0; h < lines.length; h++) {
    const head = lines[h]!;
    if (!head.row || head.cells.length < 4) continue;
    const rows = head.cells.map((c) => rowOf(format, c));
    if (rows.filter(Boolean).length < 3 || new Set(rows.filter(Boolean)).size !== rows.filter(Boolean).length) continue;
    // the applicant rows under it, each as wide as the header
    const byCol = new Map<string, Line>();
    let end = h + 1;
    for (; end < lines.length; end++) {
      const line = lines[end]!;
      if (!line.row || line.cells.length !== head.cells.length) break;
      const col = columnOf(format, line.cells[0]!);
      if (!col || byCol.has(col)) break;
      byCol.set(col, line);
    }
    if (byCol.size < 3) continue;
    const turned: Line[] = [];
    rows.forEach((row, j) => {
      if (!row) return;
      turned.push({ row: true, cells: [head.cells[j]!, ...cols.map((col) => byCol.get(col)?.cells[j] ?? '')] });
    });
    return { lines: [...lines.slice(0, h), ...turned, ...lines.slice(end)], turned: true };
  }
  return { lines: [...lines], turned: false };
}
