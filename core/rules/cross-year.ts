import { rowLabel } from '../format/index.js';
import { resolveTokens } from '../report/index.js';
import { equationColumns } from './arithmetic.js';
import { sectionLabel, type RuleContext } from './context.js';
import { colLabelOf, rowLabelOf } from './format-index.js';
import { documentFlow } from './publication.js';
import { textSimilarity } from './similarity.js';
import type { Finding, RuleDef } from './types.js';

/** Spec §3.5: this year's report against last year's (ctx.previous is the report of year − 1). */

const both = (ctx: RuleContext, format: '2019' | '2021') => ctx.index?.id === format && ctx.previous?.index?.id === format;

/** 表三's 二、上年结转… and 四、结转下年度继续办理 rows: the same in both formats. */
const CARRIED_ROW = rowLabel('2021', 't3.r2.total');
const CARRIED_ON_ROW = rowLabel('2021', 't3.r4.total');

export const X1: RuleDef = {
  id: 'X-1',
  severity: 'error',
  title: `表三「${CARRIED_ROW}」等于上年报告的「${CARRIED_ON_ROW}」`,
  scope: 'cross-year',
  applies: (ctx) => ctx.index !== null && ctx.previous?.index != null,
  check(ctx) {
    const prev = ctx.previous!;
    const severity = prev.madeInApp ? 'error' : 'warning';
    const out: Finding[] = [];
    for (const col of equationColumns(ctx)) {
      const carried = `t3.r2.${col}`;
      const left = `t3.r4.${col}`;
      const a = ctx.cells[carried];
      const b = prev.cells[left];
      if (a === undefined || b === undefined || a === b) continue;
      out.push({
        ruleId: 'X-1',
        severity,
        section: 's3',
        cells: [carried],
        message:
          `${ctx.report.year}年${ctx.name(carried)} 为 ${a}，而${prev.report.year}年报告的${ctx.name(left)} 为 ${b}。` +
          `本年的「${CARRIED_ROW}」就是上年报告的「${CARRIED_ON_ROW}」，两数应相等` +
          (prev.madeInApp ? '' : '（上年报告不是在本软件中编制的，请对照上年报告原文核对）'),
        fix: { label: `改为上年结转下年度的 ${b}`, changes: { [carried]: b } },
      });
    }
    return out;
  },
};

export const X2: RuleDef = {
  id: 'X-2',
  severity: 'warning',
  title: '表二现行有效件数 = 上年现行有效 + 本年制发 − 本年废止',
  scope: 'cross-year',
  applies: (ctx) => both(ctx, '2021'),
  check(ctx) {
    const prev = ctx.previous!;
    const out: Finding[] = [];
    for (const row of ctx.index!.t2DocumentRows) {
      const flow = documentFlow(ctx.cells, row);
      const pv = flow && prev.cells[flow.valid];
      if (!flow || pv === undefined || pv === null) continue;
      const { made, repealed, valid, m, r, v } = flow;
      const expected = pv + m - r;
      if (v === expected) continue;
      const col = (id: string) => colLabelOf(ctx.index!, id);
      out.push({
        ruleId: 'X-2',
        severity: 'warning',
        section: 's2',
        cells: [valid, made, repealed],
        message:
          `${ctx.name(valid)} 为 ${v}，按${prev.report.year}年${col(valid)} ${pv} + ${col(made)} ${m} − ${col(repealed)} ${r} 应为 ${expected}。` +
          '如有文件到期或经清理失效而未正式废止，请在该格写明原因',
      });
    }
    return out;
  },
};

export const X3: RuleDef = {
  id: 'X-3',
  severity: 'warning',
  title: '2019 年版表二：上一年项目数量 = 上年报告的上一年项目数量 + 本年增/减',
  scope: 'cross-year',
  applies: (ctx) => both(ctx, '2019'),
  check(ctx) {
    const prev = ctx.previous!;
    const out: Finding[] = [];
    for (const def of ctx.index!.tableCells.t2) {
      if (def.col !== 'prev_items') continue;
      const delta = `t2.${def.row}.delta`;
      const v = ctx.cells[def.id];
      const pv = prev.cells[def.id];
      const pd = prev.cells[delta];
      if (v === undefined || pv === undefined || pd === undefined || v === pv + pd) continue;
      out.push({
        ruleId: 'X-3',
        severity: 'warning',
        section: 's2',
        cells: [def.id],
        message:
          `${ctx.name(def.id)} 为 ${v}，而${prev.report.year}年报告中「${rowLabelOf(ctx.index!, def.id)}」` +
          `${colLabelOf(ctx.index!, def.id)} ${pv}，${colLabelOf(ctx.index!, delta)} ${pd}，今年的上一年项目数量应为 ${pv + pd}`,
        fix: { label: `改为 ${pv + pd}`, changes: { [def.id]: pv + pd } },
      });
    }
    return out;
  },
};

export const X4: RuleDef = {
  id: 'X-4',
  severity: 'info',
  title: '2020 年与 2021 年的表二格式不同，不能逐项比较',
  scope: 'cross-year',
  applies: (ctx) => ctx.index?.id === '2021' && ctx.previous?.index?.id === '2019',
  check: (ctx) => [
    {
      ruleId: 'X-4',
      severity: 'info',
      section: 's2',
      cells: [],
      message: `表二自 2021 年起改用新格式，栏目含义已变，${ctx.report.year}年表二无法与${ctx.previous!.report.year}年逐项比较；表三的上年结转照常核对`,
    },
  ],
};

/** Above this share of shared wording the two texts are treated as copied (spec X-5). */
export const SIMILARITY_LIMIT = 0.8;
/** Very short texts (「无」) are alike without being copied. */
export const SIMILARITY_MIN_CHARS = 30;

export const X5: RuleDef = {
  id: 'X-5',
  severity: 'warning',
  title: '第五部分不照抄上年',
  scope: 'cross-year',
  applies: (ctx) =>
    (ctx.prose.s5?.trim().length ?? 0) >= SIMILARITY_MIN_CHARS && (ctx.previous?.report.sections.s5?.trim().length ?? 0) >= SIMILARITY_MIN_CHARS,
  check(ctx) {
    const prev = ctx.previous!;
    const last = resolveTokens(prev.report.sections.s5!, prev.report.format, prev.cells);
    const similarity = textSimilarity(ctx.prose.s5!, last);
    if (similarity <= SIMILARITY_LIMIT) return [];
    return [
      {
        ruleId: 'X-5',
        severity: 'warning',
        section: 's5',
        cells: [],
        message:
          `${sectionLabel('s5')}与${prev.report.year}年报告的同一部分约 ${Math.round(similarity * 100)}% 相同。` +
          '年度报告内容雷同会被追责，请结合本年实际重写，并写明上年所列问题的整改情况',
      },
    ];
  },
};

export const CROSS_YEAR_RULES: readonly RuleDef[] = [X1, X2, X3, X4, X5];
