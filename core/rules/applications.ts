import { rowLabel, tableName } from '../format/index.js';
import { equationColumns, sumMismatch, sumText } from './arithmetic.js';
import type { RuleContext } from './context.js';
import { colLabelOf, rowLabelOf } from './format-index.js';
import type { Finding, RuleDef } from './types.js';

/** Spec §3.2: 表三, the applications received and handled. */

const id = (row: string, col: string) => `t3.${row}.${col}`;

const hasTables = (ctx: RuleContext) => ctx.index !== null;
/** Totals typed by hand can disagree with their parts; computed ones cannot. */
const publishedTotals = (ctx: RuleContext) => ctx.index !== null && !ctx.computedTotals;


export const A1: RuleDef = {
  id: 'A-1',
  severity: 'error',
  title: '表三每一行的总计等于自然人至其他各列之和',
  scope: 'report',
  applies: publishedTotals,
  check(ctx) {
    const index = ctx.index!;
    const open = index.t3OpenColumns;
    const first = colLabelOf(index, id('r1', open[0]!));
    const last = colLabelOf(index, id('r1', open.at(-1)!));
    const out: Finding[] = [];
    for (const row of index.t3Rows) {
      const totalId = id(row, 'total');
      const partIds = open.map((c) => id(row, c));
      const m = sumMismatch(ctx, totalId, partIds);
      if (!m) continue;
      out.push({
        ruleId: 'A-1',
        severity: 'error',
        section: 's3',
        cells: [totalId, ...partIds],
        message: `${ctx.name(totalId)} 为 ${m.total}，而这一行${first}至${last}各列相加为 ${sumText(m.parts, m.sum)}`,
        fix: { label: `总计改为 ${m.sum}（各列之和）`, changes: { [totalId]: m.sum } },
      });
    }
    return out;
  },
};

export const A2: RuleDef = {
  id: 'A-2',
  severity: 'error',
  title: '表三（七）总计等于（一）至（六）各项办理结果之和',
  scope: 'report',
  applies: publishedTotals,
  check(ctx) {
    const index = ctx.index!;
    const out: Finding[] = [];
    for (const col of index.t3Columns) {
      const totalId = id('r3_7', col);
      const partIds = index.t3ResultRows.map((r) => id(r, col));
      const m = sumMismatch(ctx, totalId, partIds);
      if (!m) continue;
      const nonZero = partIds.filter((p) => ctx.cells[p] !== 0).map((p) => `「${rowLabelOf(index, p)}」${ctx.cells[p]}`);
      const detail = nonZero.length ? `（${nonZero.join('，')}，其余为 0）` : '（各项均为 0）';
      out.push({
        ruleId: 'A-2',
        severity: 'error',
        section: 's3',
        cells: [totalId, ...partIds],
        message: `${ctx.name(totalId)} 为 ${m.total}，而「${colLabelOf(index, totalId)}」一列各项办理结果相加为 ${m.sum}${detail}`,
        fix: { label: `${rowLabelOf(index, totalId)}改为 ${m.sum}（各项之和）`, changes: { [totalId]: m.sum } },
      });
    }
    return out;
  },
};

export const A3: RuleDef = {
  id: 'A-3',
  severity: 'error',
  title: '表三勾稽关系：一 + 二 = （七）总计 + 四',
  scope: 'report',
  applies: hasTables,
  check(ctx) {
    const index = ctx.index!;
    const out: Finding[] = [];
    for (const col of equationColumns(ctx)) {
      const ids = [id('r1', col), id('r2', col), id('r3_7', col), id('r4', col)] as const;
      const [a, b, c, d] = ids.map((i) => ctx.cells[i]);
      if (a === undefined || b === undefined || c === undefined || d === undefined) continue;
      if (a + b === c + d) continue;
      const [r1, r2, r37, r4] = ids.map((i) => `「${rowLabelOf(index, i)}」`);
      const carry = a + b - c;
      const offer = carry >= 0 && otherEquationsHold(ctx, col);
      out.push({
        ruleId: 'A-3',
        severity: 'error',
        section: 's3',
        cells: [...ids],
        message:
          `表三「${colLabelOf(index, ids[0])}」一列不符合勾稽关系：${r1}${a} + ${r2}${b} = ${a + b}，` +
          `而${r37}${c} + ${r4}${d} = ${c + d}。第一项加第二项之和应等于第三项加第四项之和`,
        ...(offer
          ? {
              fix: {
                label: `按勾稽关系填入（四＝一＋二－（七）总计）：结转下年度·${colLabelOf(index, ids[3])} ${d}→${carry}，将结转到下一年`,
                changes: { [ids[3]]: carry },
              },
            }
          : {}),
      });
    }
    return out;
  },
};

/**
 * Whether a column's 四 can be worked out from 一 + 二 − （七）总计: only when （七）总计 is itself
 * right — the result rows adding up to it (A-2; in a published report a blank row reads as 0),
 * every row's 总计 the sum of its parts where totals are written, and in the app no result
 * row still blank (the total would be incomplete) — else the one-click fix would write a wrong
 * 结转下年度 that becomes next year's 上年结转.
 */
function otherEquationsHold(ctx: RuleContext, col: string): boolean {
  const index = ctx.index!;
  const resultIds = index.t3ResultRows.map((r) => id(r, col));
  if (ctx.computedTotals) return resultIds.every((r) => ctx.cells[r] !== undefined);
  const results = resultIds.reduce((sum, r) => sum + (ctx.cells[r] ?? 0), 0);
  if (results !== ctx.cells[id('r3_7', col)]) return false;
  return index.t3Rows.every((row) => !sumMismatch(ctx, id(row, 'total'), index.t3OpenColumns.map((c) => id(row, c))));
}

export const A4: RuleDef = {
  id: 'A-4',
  severity: 'info',
  title: '每件办结的申请只计入一种办理结果',
  scope: 'report',
  applies: (ctx) => ctx.index !== null && (ctx.cells['t3.r3_7.total'] ?? 0) > 0,
  check(ctx) {
    return [
      {
        ruleId: 'A-4',
        severity: 'info',
        section: 's3',
        cells: [],
        message: `每件办结的申请在（一）至（六）中只计一次；部分公开的按「${rowLabelOf(ctx.index!, 't3.r3_2.total')}」计，不再计入其他情形`,
      },
    ];
  },
};

export const A5: RuleDef = {
  id: 'A-5',
  severity: 'error',
  title: `${tableName('t3')}${rowLabel('2021', 't3.r3_7.total')}和「${rowLabel('2021', 't3.r4.total')}」都不能多于一 + 二`,
  scope: 'report',
  applies: hasTables,
  check(ctx) {
    const index = ctx.index!;
    const out: Finding[] = [];
    for (const col of equationColumns(ctx)) {
      const r1 = id('r1', col);
      const r2 = id('r2', col);
      const a = ctx.cells[r1];
      const b = ctx.cells[r2];
      if (a === undefined || b === undefined) continue;
      for (const [row, what] of [
        ['r3_7', '办结的申请'],
        ['r4', '结转下年度的申请'],
      ] as const) {
        const cell = id(row, col);
        const v = ctx.cells[cell];
        if (v === undefined || v <= a + b) continue;
        out.push({
          ruleId: 'A-5',
          severity: 'error',
          section: 's3',
          cells: [cell, r1, r2],
          message:
            `${ctx.name(cell)} 为 ${v}，比「${rowLabelOf(index, r1)}」${a} 与「${rowLabelOf(index, r2)}」${b} 之和 ${a + b} 还多：` +
            `${what}不可能多于本年新收和上年结转的申请，多半是填错了行或列`,
        });
      }
    }
    return out;
  },
};

export const APPLICATION_RULES: readonly RuleDef[] = [A1, A2, A3, A4, A5];
