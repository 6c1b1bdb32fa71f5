import type { RuleContext } from './context.js';

/** A total that differs from the sum of its parts; null when they agree or a term is blank. */
export interface SumMismatch {
  total: number;
  parts: number[];
  sum: number;
}

export function sumMismatch(ctx: RuleContext, totalId: string, partIds: readonly string[]): SumMismatch | null {
  const total = ctx.cells[totalId];
  if (total === undefined) return null;
  const parts: number[] = [];
  let sum = 0;
  for (const id of partIds) {
    const v = ctx.cells[id];
    if (v === undefined) return null;
    parts.push(v);
    sum += v;
  }
  return sum === total ? null : { total, parts, sum };
}

/** 「2 + 0 + 1 + 1 = 4」 */
export function sumText(parts: readonly number[], sum: number): string {
  return `${parts.join(' + ')} = ${sum}`;
}

/**
 * 表三 columns an equation between rows is checked in. With computed totals the
 * 总计 column is the sum of the others, so it holds whenever they all hold and adds nothing but
 * a duplicate finding.
 */
export function equationColumns(ctx: RuleContext): readonly string[] {
  return ctx.computedTotals ? ctx.index!.t3OpenColumns : ctx.index!.t3Columns;
}
