import { classOf, CLASS_LABELS } from './classify.js';
import type { Finding, Severity } from './types.js';

/** The severities' own names (spec §3 E/W); what the clerk reads is the class (CLASS_LABELS). */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
  hint: '提示',
  info: '说明',
};

/** More cells than this are listed one table row a line under the finding. */
const CELLS_ON_ONE_LINE = 8;

/** 「t3.r1: np,biz,res」 per row, in the finding's order. */
export function cellsByRow(cells: readonly string[]): string[] {
  const rows = new Map<string, string[]>();
  for (const id of cells) {
    const cut = id.lastIndexOf('.');
    const row = cut < 0 ? id : id.slice(0, cut);
    const list = rows.get(row) ?? [];
    list.push(cut < 0 ? '' : id.slice(cut + 1));
    rows.set(row, list);
  }
  return [...rows].map(([row, cols]) => `${row}: ${cols.join(',')}`);
}

/**
 * One line per finding, for the command line:
 * `A-3  必须改正 error  t3.r1.oth,t3.r2.oth,t3.r3_7.oth,t3.r4.oth  表三「其他」一列不符合勾稽关系…`
 * The class is worded as the window and the 定稿 gate word it; the severity follows in English for
 * scripts. A finding with no cells shows 「-」; one with many (the blanks of a whole table) gives
 * their count and lists them below, one table row a line. No findings give an empty string.
 */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const fix = f.fix ? `（可一键修正：${f.fix.label}）` : '';
      const many = f.cells.length > CELLS_ON_ONE_LINE;
      const cells = many ? `${f.cells.length} 格（按行列在下面）` : f.cells.length ? f.cells.join(',') : '-';
      const head = `${f.ruleId}  ${CLASS_LABELS[classOf(f)]} ${f.severity}  ${cells}  ${f.message}${fix}`;
      return many ? [head, ...cellsByRow(f.cells).map((row) => `      ${row}`)].join('\n') : head;
    })
    .join('\n');
}
