import { tableName, T4_COLUMNS, T4_GROUPS } from '../format/index.js';
import { sumMismatch, sumText } from './arithmetic.js';
import type { RuleContext } from './context.js';
import { colLabelOf, rowLabelOf } from './format-index.js';
import type { RuleDef } from './types.js';

/** Spec §3.3: 表四, administrative reconsideration and litigation. */

function totalRule(ruleId: string, group: (typeof T4_GROUPS)[number]['key']): RuleDef {
  const path = T4_GROUPS.find((g) => g.key === group)!.path.join('·');
  const parts = T4_COLUMNS.filter((c) => c.key !== 'total').map((c) => c.label);
  return {
    id: ruleId,
    severity: 'error',
    title: `${tableName('t4')}${path}：总计 = ${parts.join(' + ')}`,
    scope: 'report',
    // computed totals always add up
    applies: (ctx) => ctx.index !== null && !ctx.computedTotals,
    check(ctx) {
      const index = ctx.index!;
      const totalId = `t4.${group}.total`;
      const partIds = index.t4Parts.map((p) => `t4.${group}.${p}`);
      const m = sumMismatch(ctx, totalId, partIds);
      if (!m) return [];
      const labels = partIds.map((p) => colLabelOf(index, p)).join('、');
      return [
        {
          ruleId,
          severity: 'error',
          section: 's4',
          cells: [totalId, ...partIds],
          message: `${ctx.name(totalId)} 为 ${m.total}，而${labels}相加为 ${sumText(m.parts, m.sum)}`,
          fix: { label: `总计改为 ${m.sum}（各项之和）`, changes: { [totalId]: m.sum } },
        },
      ];
    },
  };
}

export const L1 = totalRule('L-1', 'rev');
export const L2 = totalRule('L-2', 'lit_direct');
export const L3 = totalRule('L-3', 'lit_after');

const t4Totals = (ctx: RuleContext) => ctx.index!.t4Groups.map((g) => `t4.${g}.total`);
const anyCase = (ctx: RuleContext) => t4Totals(ctx).some((id) => (ctx.cells[id] ?? 0) > 0);

export const L4: RuleDef = {
  id: 'L-4',
  severity: 'info',
  title: '复议机关作共同被告的案件只由原行政行为机关统计',
  scope: 'report',
  applies: (ctx) => ctx.index !== null && anyCase(ctx),
  check: () => [
    {
      ruleId: 'L-4',
      severity: 'info',
      section: 's4',
      cells: [],
      message: '复议机关与原行政机关作共同被告的行政诉讼案件，只由作出原行政行为的机关统计，复议机关不重复统计（国办公开办函〔2016〕201号）',
    },
  ],
};

export const L5: RuleDef = {
  id: 'L-5',
  severity: 'warning',
  title: '两年都没有申请却有复议、诉讼案件，请确认',
  scope: 'cross-year',
  applies: (ctx) => ctx.index !== null && ctx.previous?.index != null && anyCase(ctx),
  check(ctx) {
    const prev = ctx.previous!;
    const applications = (cells: Readonly<Record<string, number>>) =>
      (cells['t3.r1.total'] ?? 0) + (cells['t3.r2.total'] ?? 0);
    const filled = (cells: Readonly<Record<string, number>>) =>
      cells['t3.r1.total'] !== undefined && cells['t3.r2.total'] !== undefined;
    if (!filled(ctx.cells) || !filled(prev.cells)) return [];
    if (applications(ctx.cells) > 0 || applications(prev.cells) > 0) return [];
    const cases = t4Totals(ctx).filter((id) => (ctx.cells[id] ?? 0) > 0);
    const r1 = rowLabelOf(ctx.index!, 't3.r1.total');
    const r2 = rowLabelOf(ctx.index!, 't3.r2.total');
    return [
      {
        ruleId: 'L-5',
        severity: 'warning',
        section: 's4',
        cells: [...cases, 't3.r1.total', 't3.r2.total'],
        message:
          `表四有案件（${cases.map((id) => `${ctx.name(id)} ${ctx.cells[id]}`).join('，')}），` +
          `但${ctx.report.year}年和${prev.report.year}年表三「${r1}」「${r2}」都是 0。` +
          '复议、诉讼一般由信息公开申请引起，请确认案件数无误（多年前的申请引起的案件也可能出现）',
      },
    ];
  },
};

export const LITIGATION_RULES: readonly RuleDef[] = [L1, L2, L3, L4, L5];

