import type { FormatId } from '../../../core/format/index.js';
import { parseCellInput, shownCells } from '../../../core/report/index.js';
import { applyChanges, type CellChange } from '../state/history.js';
import { cellAtColumn, type TableLayout } from './layout.js';

/**
 * How a block copied from Excel or WPS lands in an official table. The rule the clerk is told
 * (under the table) and can predict:
 *
 * - The block lands cell for cell, as it looks, from the focused cell (the top-left of the
 *   selection) to the right and down, one value row after another.
 * - A number that lands on a grey computed cell (a 总计) is not written: the app computes that
 *   cell itself and uses the pasted figure only to check it. So a block of 7 columns copied from
 *   自然人 to 总计 fills the six input columns and checks the seventh; a block of 6 columns
 *   fills the six. A pasted （七）总计 row is checked the same way.
 * - Leading rows and columns holding only words (row labels, column headings copied along with
 *   the figures) are left out.
 * - What falls outside the table is dropped and said; cells that are not numbers are refused and
 *   listed; everything else is written in one save.
 */

export interface PasteRefusal {
  cellId: string;
  text: string;
  message: string;
}

export interface PasteCheck {
  cellId: string;
  pasted: number;
  /** the value the app computes for the cell once the paste is in */
  computed: number | undefined;
}

export interface PastePlan {
  /** writes to input cells, in reading order */
  changes: CellChange[];
  refused: PasteRefusal[];
  /** figures that landed on computed cells, with what the app computes there */
  checks: PasteCheck[];
  /** pasted rows and columns that fell outside the table */
  dropped: { rows: number; cols: number };
  /** leading heading rows and label columns left out */
  headings: { rows: number; cols: number };
}

const isNumber = (text: string) => {
  const r = parseCellInput(text, 'delta');
  return r.ok && r.value !== null;
};
const isWords = (text: string) => text.trim() !== '' && !isNumber(text);

/** How many leading lines (rows or columns) hold no number, if at least one of them holds words and numbers follow. */
function leadingHeadings(lines: string[][]): number {
  let k = 0;
  while (k < lines.length && !lines[k]!.some(isNumber)) k += 1;
  if (k === 0 || k === lines.length) return 0;
  return lines.slice(0, k).some((line) => line.some(isWords)) ? k : 0;
}

function columnsOf(block: string[][]): string[][] {
  const width = Math.max(0, ...block.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => block.map((r) => r[c] ?? ''));
}

/** Removes copied row labels and column headings around the figures. */
export function withoutHeadings(block: string[][]): { block: string[][]; rows: number; cols: number } {
  const rows = leadingHeadings(block);
  let rest = block.slice(rows);
  const cols = leadingHeadings(columnsOf(rest));
  if (cols) rest = rest.map((r) => r.slice(cols));
  return { block: rest, rows, cols };
}

export function planPaste(
  layout: TableLayout,
  startId: string,
  raw: string[][],
  cells: Readonly<Record<string, number>>,
  format: FormatId,
): PastePlan {
  const { block, rows: headingRows, cols: headingCols } = withoutHeadings(raw);
  const start = layout.byId.get(startId);
  const plan: PastePlan = { changes: [], refused: [], checks: [], dropped: { rows: 0, cols: 0 }, headings: { rows: headingRows, cols: headingCols } };
  if (!start) return plan;
  const pastedTotals: { cellId: string; pasted: number }[] = [];
  block.forEach((line, k) => {
    const row = layout.rows[start.row + k];
    if (!row) {
      plan.dropped.rows += 1;
      return;
    }
    const first = cellAtColumn(row, start.col).index;
    const room = row.length - first;
    if (line.length > room) plan.dropped.cols = Math.max(plan.dropped.cols, line.length - room);
    line.slice(0, room).forEach((text, j) => {
      const cell = row[first + j]!;
      const parsed = parseCellInput(text, cell.def.kind);
      if (cell.computed) {
        if (parsed.ok && parsed.value !== null) pastedTotals.push({ cellId: cell.id, pasted: parsed.value });
        return;
      }
      if (!parsed.ok) plan.refused.push({ cellId: cell.id, text: text.trim(), message: parsed.message });
      else plan.changes.push({ cellId: cell.id, value: parsed.value });
    });
  });
  if (pastedTotals.length) {
    const totals = shownCells({ format, origin: layout.origin, cells: applyChanges(cells, plan.changes) });
    plan.checks = pastedTotals.map((t) => ({ ...t, computed: totals[t.cellId] }));
  }
  return plan;
}

/** At most this many cells are named in a message; the rest are counted. */
const NAMED = 5;

function listed(items: string[]): string {
  const shown = items.slice(0, NAMED).join('；');
  return items.length > NAMED ? `${shown}；等 ${items.length} 处` : shown;
}

export interface PasteReport {
  /** `problem` when something was refused, dropped or does not add up */
  tone: 'ok' | 'problem';
  lines: string[];
}

/** What the clerk is told after a paste, one sentence per line. */
export function describePaste(plan: PastePlan, nameOf: (cellId: string) => string): PasteReport {
  const lines: string[] = [];
  let problem = false;
  lines.push(plan.changes.length ? `已粘贴 ${plan.changes.length} 格。` : '没有粘贴任何数字。');
  if (plan.headings.rows || plan.headings.cols) {
    const parts = [plan.headings.rows ? `${plan.headings.rows} 行表头` : '', plan.headings.cols ? `${plan.headings.cols} 列行名` : ''].filter(Boolean);
    lines.push(`复制内容里的 ${parts.join('、')}已略去。`);
  }
  const mismatches = plan.checks.filter((c) => c.computed !== c.pasted);
  if (plan.checks.length && !mismatches.length) {
    lines.push(`落在灰色合计格上的 ${plan.checks.length} 个数字与自动合计一致（合计格不用填写）。`);
  }
  if (mismatches.length) {
    problem = true;
    lines.push(
      `粘贴的合计与自动合计不一致，请核对原表：${listed(mismatches.map((m) => `${nameOf(m.cellId)} 原表为 ${m.pasted}，各格相加为 ${m.computed ?? '（空）'}`))}。`,
    );
  }
  if (plan.refused.length) {
    problem = true;
    lines.push(`以下 ${plan.refused.length} 格没有粘贴，原值不变：${listed(plan.refused.map((r) => `${nameOf(r.cellId)}：${r.message}`))}。`);
  }
  if (plan.dropped.rows || plan.dropped.cols) {
    problem = true;
    const parts = [plan.dropped.rows ? `${plan.dropped.rows} 行` : '', plan.dropped.cols ? `${plan.dropped.cols} 列` : ''].filter(Boolean);
    lines.push(`复制的内容比表格大，有 ${parts.join('、')}超出表格，没有粘贴。`);
  }
  return { tone: problem ? 'problem' : 'ok', lines };
}
