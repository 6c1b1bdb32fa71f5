import { AGENCY_LEVEL_LABELS, type AgencyLevel } from '../report/index.js';
import { sectionLabel, type RuleContext } from './context.js';
import { colLabelOf, rowLabelOf } from './format-index.js';
import type { Finding, RuleDef } from './types.js';

/** Spec §3.4: 表二, proactive disclosure. */

const is2021 = (ctx: RuleContext) => ctx.index?.id === '2021';

/** 2021 表二 规章 or 行政规范性文件: this year's made, repealed and valid counts; null while one is blank. */
export function documentFlow(cells: Readonly<Record<string, number>>, row: string) {
  const [made, repealed, valid] = ['made', 'repealed', 'valid'].map((c) => `t2.${row}.${c}`) as [string, string, string];
  const m = cells[made];
  const r = cells[repealed];
  const v = cells[valid];
  if (m === undefined || r === undefined || v === undefined) return null;
  return { made, repealed, valid, m, r, v };
}
const is2019 = (ctx: RuleContext) => ctx.index?.id === '2019';

export const P1: RuleDef = {
  id: 'P-1',
  severity: 'warning',
  title: '表二现行有效件数不少于本年制发件数减本年废止件数',
  scope: 'report',
  applies: is2021,
  check(ctx) {
    const out: Finding[] = [];
    for (const row of ctx.index!.t2DocumentRows) {
      const flow = documentFlow(ctx.cells, row);
      if (!flow || flow.v >= flow.m - flow.r) continue;
      const { made, repealed, valid, m, r, v } = flow;
      out.push({
        ruleId: 'P-1',
        severity: 'warning',
        section: 's2',
        cells: [valid, made, repealed],
        message:
          `${ctx.name(valid)} 为 ${v}，少于${colLabelOf(ctx.index!, made)} ${m} 减${colLabelOf(ctx.index!, repealed)} ${r} 的 ${m - r}。` +
          '现行有效的不会少于今年净增的件数；如有文件失效但未正式废止，请在该格写明原因',
      });
    }
    return out;
  },
};

/** Bodies that cannot make 规章: only provincial governments and those of 设区的市、自治州 can (立法法). */
const NO_RULE_MAKING: readonly AgencyLevel[] = ['township', 'street', 'county', 'department'];

export const P2: RuleDef = {
  id: 'P-2',
  severity: 'warning',
  title: '乡镇、街道、县级政府及其部门的「规章」一行应为 0',
  scope: 'report',
  applies: (ctx) => ctx.index !== null && NO_RULE_MAKING.includes(ctx.report.agency.level),
  check(ctx) {
    const index = ctx.index!;
    const nonZero = index.tableCells.t2.filter((c) => c.row === 'reg' && (ctx.cells[c.id] ?? 0) !== 0).map((c) => c.id);
    if (!nonZero.length) return [];
    const normLabel = rowLabelOf(index, index.tableCells.t2.find((c) => c.row === 'norm')!.id);
    return [
      {
        ruleId: 'P-2',
        severity: 'warning',
        section: 's2',
        cells: nonZero,
        message:
          `${AGENCY_LEVEL_LABELS[ctx.report.agency.level]}不能制定规章（只有省级和设区的市、自治州人民政府可以），` +
          `${nonZero.map((id) => `${ctx.name(id)} ${ctx.cells[id]}`).join('，')} 应为 0；本机关制发的文件请填在「${normLabel}」一行`,
        fix: { label: `「${rowLabelOf(index, nonZero[0]!)}」一行改为 0`, changes: Object.fromEntries(nonZero.map((id) => [id, 0])) },
      },
    ];
  },
};

export const P3: RuleDef = {
  id: 'P-3',
  severity: 'warning',
  title: '2019 年版表二：本年新公开数量不多于对外公开总数量',
  scope: 'report',
  applies: is2019,
  check(ctx) {
    const out: Finding[] = [];
    for (const row of ctx.index!.t2DocumentRows) {
      const published = `t2.${row}.new_published`;
      const total = `t2.${row}.total_public`;
      const p = ctx.cells[published];
      const t = ctx.cells[total];
      if (p === undefined || t === undefined || p <= t) continue;
      out.push({
        ruleId: 'P-3',
        severity: 'warning',
        section: 's2',
        cells: [published, total],
        message: `${ctx.name(published)} 为 ${p}，多于${colLabelOf(ctx.index!, total)} ${t}：今年新公开的也算在对外公开总数里`,
      });
    }
    return out;
  },
};

export const P4: RuleDef = {
  id: 'P-4',
  severity: 'info',
  title: '第二十条第（八）项填行政事业性收费，不填信息处理费',
  scope: 'report',
  applies: (ctx) => ctx.index !== null && ctx.index.tableCells.t2.some((c) => c.row === 'fee' && (ctx.cells[c.id] ?? 0) !== 0),
  check(ctx) {
    const fee = ctx.index!.tableCells.t2.filter((c) => c.row === 'fee').map((c) => c.id);
    return [
      {
        ruleId: 'P-4',
        severity: 'info',
        section: 's2',
        cells: fee,
        message: `「${rowLabelOf(ctx.index!, fee[0]!)}」填的是本机关的行政事业性收费，不是政府信息公开的信息处理费；收取信息处理费的情况请在${sectionLabel('s6')}中说明`,
      },
    ];
  },
};

export const PUBLICATION_RULES: readonly RuleDef[] = [P1, P2, P3, P4];
