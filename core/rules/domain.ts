import { cellDef, tableName, type TableId } from '../format/index.js';
import { FEN_PER_WAN } from '../report/money.js';
import { isComputedIn } from '../report/totals.js';
import type { RuleContext } from './context.js';
import type { Finding, RuleDef } from './types.js';

/** Spec §3.1: what each cell may hold, blanks, and the group rows of 表三. */

const TABLES: readonly TableId[] = ['t2', 't3', 't4'];

const hasTables = (ctx: RuleContext) => ctx.index !== null;

export const D1: RuleDef = {
  id: 'D-1',
  severity: 'error',
  title: '件数只能是 0 或正整数（2019 年版「本年增/减」可为负的整数）',
  scope: 'report',
  applies: hasTables,
  check(ctx) {
    const out: Finding[] = [];
    for (const def of ctx.index!.format.cells) {
      if (def.kind === 'money') continue;
      const v = ctx.report.cells[def.id];
      if (v === undefined) continue;
      if (!Number.isInteger(v)) {
        out.push({
          ruleId: 'D-1',
          severity: 'error',
          section: ctx.index!.format.tables[def.table].section,
          cells: [def.id],
          message: `${ctx.name(def.id)} 填的是 ${v}，这里只能填整数`,
        });
      } else if (v < 0 && def.kind === 'count') {
        out.push({
          ruleId: 'D-1',
          severity: 'error',
          section: ctx.index!.format.tables[def.table].section,
          cells: [def.id],
          message: `${ctx.name(def.id)} 填的是 ${v}，件数不能是负数，没有请填 0`,
        });
      }
    }
    return out;
  },
};

export const D3: RuleDef = {
  id: 'D-3',
  severity: 'error',
  title: '金额（万元）不能为负数，最多保留 6 位小数',
  scope: 'report',
  applies: hasTables,
  check(ctx) {
    const out: Finding[] = [];
    for (const def of ctx.index!.format.cells) {
      if (def.kind !== 'money') continue;
      const v = ctx.report.cells[def.id];
      if (v === undefined) continue;
      const problem = !Number.isInteger(v) ? '超过 6 位小数（精确到分即可）' : v < 0 ? '不能是负数' : null;
      if (!problem) continue;
      out.push({
        ruleId: 'D-3',
        severity: 'error',
        section: ctx.index!.format.tables[def.table].section,
        cells: [def.id],
        message: `${ctx.name(def.id)} 为 ${Number.isInteger(v) ? ctx.show(def.id) : `${v / FEN_PER_WAN}万元`}，金额${problem}`,
      });
    }
    return out;
  },
};

/** How many blank cells a message names before it says 「等」. */
const NAMED_BLANKS = 3;

export const D4: RuleDef = {
  id: 'D-4',
  severity: 'warning',
  title: '定稿不能留空格：没有的填 0',
  scope: 'report',
  applies: hasTables,
  check(ctx) {
    const index = ctx.index!;
    const out: Finding[] = [];
    for (const table of TABLES) {
      // in a report made in the app a blank total follows from blank parts: name only the parts
      const blanks = index.tableCells[table]
        .filter((c) => ctx.cells[c.id] === undefined && !isComputedIn(ctx.report, c.id))
        .map((c) => c.id);
      if (!blanks.length) continue;
      const named = blanks.slice(0, NAMED_BLANKS).map(ctx.name).join('、');
      const more = blanks.length > NAMED_BLANKS ? `等 ${blanks.length} 个格` : '';
      out.push({
        ruleId: 'D-4',
        severity: 'warning',
        section: index.format.tables[table].section,
        cells: blanks,
        message: `${tableName(table)}还有空格未填：${named}${more}。定稿中不能留空，没有的请填 0`,
        fix: { label: '空格全部填 0', changes: Object.fromEntries(blanks.map((id) => [id, 0])) },
      });
    }
    return out;
  },
};

export const D5: RuleDef = {
  id: 'D-5',
  severity: 'error',
  // the group row 「三、本年度办理结果」 is the outer label of every result row, as the format prints it
  title: `「${cellDef('2021', 't3.r3_1.total')!.rowPath[0]}」和（三）至（六）分组行本身不填数字`,
  scope: 'report',
  applies: hasTables,
  check(ctx) {
    const index = ctx.index!;
    const stray: string[] = [];
    for (const id of Object.keys(ctx.report.cells)) {
      if (!id.startsWith('t3.') || index.byId.has(id)) continue;
      const row = id.split('.')[1] ?? '';
      // a group row is a prefix of its sub-rows' keys: r3 → r3_1 …, r3_3 → r3_3_1 …
      if (index.t3Rows.some((r) => r.startsWith(`${row}_`))) stray.push(id);
    }
    if (!stray.length) return [];
    return [
      {
        ruleId: 'D-5',
        severity: 'error',
        section: 's3',
        cells: stray,
        message: `表三的分组行（${index.t3GroupLabels.map((l) => `「${l}」`).join('')}）本身不填数字，数字填在其下各小项；这里有 ${stray.length} 个数字填在了分组行上`,
        fix: { label: '清除分组行上的数字', changes: Object.fromEntries(stray.map((id) => [id, null])) },
      },
    ];
  },
};

export const DOMAIN_RULES: readonly RuleDef[] = [D1, D3, D4, D5];
