import { OVERVIEW_TOPICS } from '../format/index.js';
import { PROSE_KEYS, uncoveredOverviewTopics, type ProseKey } from '../report/index.js';
import { PROSE_SECTION, proseLabel, sectionLabel, type RuleContext } from './context.js';
import { breakdowns, clauseOf, quotedFigures, sentenceAround } from './narrative-figures.js';
import { isYear, normaliseDigits, type NumberMention } from './prose-numbers.js';
import type { Finding, RuleDef } from './types.js';

/** What the prose says: years, the statistics period, figures quoted from the tables, outline. */

/** Longest quotation a message carries. */
const QUOTE_CHARS = 40;

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, '');
  return t.length > QUOTE_CHARS ? `${t.slice(0, QUOTE_CHARS)}…` : t;
}

function proseParts(ctx: RuleContext): [ProseKey, string][] {
  return PROSE_KEYS.filter((k) => (ctx.prose[k] ?? '').trim()).map((k) => [k, ctx.prose[k]!]);
}

/** Offsets covered by a bracket pair: titles 《…》 and document numbers 〔…〕 carry their own years. */
function insidePair(text: string, at: number, open: string, close: string): boolean {
  return text.lastIndexOf(open, at) > text.lastIndexOf(close, at);
}

/**
 * A year that is not about the report's own period: a comparison (较2022年), a starting point
 * (自2019年以来), a document (《…2019年…》, 〔2021〕, 2019年修订, 2023年版).
 */
function isReferenceYear(text: string, m: NumberMention): boolean {
  const before = text.slice(Math.max(0, m.start - 2), m.start);
  const after = text.slice(m.unitEnd, m.unitEnd + 2);
  return (
    /(较|比|与|自|从)$/.test(before) ||
    /^(版|修订|修正|印发|颁布|施行|以来|起)/.test(after) ||
    insidePair(text, m.start, '《', '》') ||
    insidePair(text, m.start, '〔', '〕') ||
    insidePair(text, m.start, '[', ']')
  );
}

/** 「2023年1月1日至2023年12月31日」 */
/** 「2023年1月1日至2023年12月31日」, also 「2023年1月1日起至12月31日止」 (the second year left out) */
const PERIOD_RE = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?\s*(?:至|到|—|－|-|~|～)\s*(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g;

function periods(text: string): { start: number; end: number; from: number[]; to: number[] }[] {
  const t = normaliseDigits(text);
  const out: { start: number; end: number; from: number[]; to: number[] }[] = [];
  for (const m of t.matchAll(PERIOD_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    // only the statistics period: the sentence says 统计
    if (!sentenceAround(t, start, end).includes('统计')) continue;
    const from = [1, 2, 3].map((i) => Number(m[i]));
    out.push({ start, end, from, to: [Number(m[4] ?? m[1]), Number(m[5]), Number(m[6])] });
  }
  return out;
}

export const G2: RuleDef = {
  id: 'G-2',
  severity: 'error',
  title: '文中年份和统计期限与报告年度一致',
  scope: 'prose',
  check(ctx) {
    const n = ctx.report.year;
    const out: Finding[] = [];
    for (const [key, text] of proseParts(ctx)) {
      const section = PROSE_SECTION[key];
      const ranges = periods(text);
      for (const p of ranges) {
        const [fy, fm, fd] = p.from;
        const [ty, tm, td] = p.to;
        if (fy === n && fm === 1 && fd === 1 && ty === n && tm === 12 && td === 31) continue;
        out.push({
          ruleId: 'G-2',
          severity: 'error',
          section,
          cells: [],
          message: `${proseLabel(key)}写的统计期限是 ${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日，${n} 年度报告的统计期限应为 ${n}年1月1日至${n}年12月31日`,
        });
      }
      const wrong = new Map<number, NumberMention>();
      for (const m of ctx.numbers(key)) {
        if (!isYear(m) || m.value === n || wrong.has(m.value)) continue;
        if (ranges.some((r) => m.start >= r.start && m.start < r.end)) continue;
        // next year is where 五 plans its improvements; a full date in the next year is usually the publication date
        if (m.value === n + 1 && (key === 's5' || /^\d{1,2}月/.test(normaliseDigits(text.slice(m.unitEnd, m.unitEnd + 3))))) {
          continue;
        }
        if (isReferenceYear(text, m)) continue;
        wrong.set(m.value, m);
      }
      for (const [year, m] of wrong) {
        const allowed = key === 's5' ? `${n} 年（或下一步打算所在的 ${n + 1} 年）` : `${n} 年`;
        out.push({
          ruleId: 'G-2',
          severity: 'error',
          section,
          cells: [],
          message: `${proseLabel(key)}中出现 ${year} 年（“${excerpt(sentenceAround(text, m.start, m.unitEnd))}”），本报告是 ${n} 年度报告，这里应为${allowed}。如确是引用其他年份，请写明“较${year}年”等`,
        });
      }
    }
    return out;
  },
};

/** Words that make a sentence a plan: 将、拟、计划 … */
const FUTURE = /将|拟|计划|力争|打算|准备/;
/** How far after the year the plan word may come: 「2021年，我镇将…」 */
const FUTURE_WINDOW = 15;

export const G5: RuleDef = {
  id: 'G-5',
  severity: 'warning',
  title: '第五部分的下一步打算写下一年，不写本年',
  scope: 'prose',
  applies: (ctx) => Boolean(ctx.prose.s5?.trim()),
  check(ctx) {
    const text = ctx.prose.s5!;
    const n = ctx.report.year;
    const out: Finding[] = [];
    for (const m of ctx.numbers('s5')) {
      if (!isYear(m) || m.value !== n || isReferenceYear(text, m)) continue;
      const clause = text.slice(m.unitEnd, m.unitEnd + FUTURE_WINDOW).split(/[。！？!?；;\n]/)[0] ?? '';
      if (!FUTURE.test(clause)) continue;
      out.push({
        ruleId: 'G-5',
        severity: 'warning',
        section: 's5',
        cells: [],
        message: `${sectionLabel('s5')}中“${excerpt(sentenceAround(text, m.start, m.unitEnd))}”讲的是下一步打算，年份应为 ${n + 1} 年，不是本报告年度 ${n} 年`,
      });
    }
    return out;
  },
};

export const G4: RuleDef = {
  id: 'G-4',
  severity: 'warning',
  title: '文中引用的数字与表格一致，“其中”各项不超过总数',
  scope: 'prose',
  check(ctx) {
    const out: Finding[] = [];
    for (const [key, text] of proseParts(ctx)) {
      const section = PROSE_SECTION[key];
      const mentions = ctx.numbers(key);
      if (ctx.index) {
        for (const q of quotedFigures(text, mentions)) {
          const v = ctx.cells[q.cellId];
          if (v === undefined || v === q.mention.value) continue;
          out.push({
            ruleId: 'G-4',
            severity: 'warning',
            section,
            cells: [q.cellId],
            message: `${proseLabel(key)}写“${excerpt(clauseOf(text, q.mention))}”，而${ctx.name(q.cellId)} 为 ${v}，文字与表格不一致。可插入表格数字，让文字随表格自动更新`,
          });
        }
      }
      for (const b of breakdowns(text, mentions)) {
        const parts = `${b.parts.map((p) => p.value).join(' + ')} = ${b.sum}${b.total.unit}`;
        const problem = b.sum > b.total.value ? `超过了总数 ${b.total.value}${b.total.unit}` : `与总数 ${b.total.value}${b.total.unit} 不符`;
        out.push({
          ruleId: 'G-4',
          severity: 'warning',
          section,
          cells: [],
          message: `${proseLabel(key)}中“${excerpt(b.sentence)}”：“其中”各项相加 ${parts}，${problem}`,
        });
      }
    }
    return out;
  },
};

export const G7: RuleDef = {
  id: 'G-7',
  severity: 'warning',
  title: '总体情况写到主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面',
  scope: 'prose',
  applies: (ctx) => ctx.report.format === '2021' && Boolean(ctx.prose.s1?.trim()),
  check(ctx) {
    return uncoveredOverviewTopics(ctx.prose.s1!, ctx.report.agency.level).map(
      (t): Finding => ({
        ruleId: 'G-7',
        severity: 'warning',
        section: 's1',
        cells: [],
        message: t.governmentsOnly
          ? `${sectionLabel('s1')}没有写${t.title}。人民政府的年度报告应在监督保障部分写明${t.title}`
          : `${sectionLabel('s1')}没有写到“${t.title}”方面的情况。格式要求总体情况主要写${OVERVIEW_TOPICS.filter((x) => !x.governmentsOnly)
              .map((x) => x.title)
              .join('、')}`,
      }),
    );
  },
};

const PROCESSING_FEE = /信息处理费|处理费/;

export const A6: RuleDef = {
  id: 'A-6',
  severity: 'warning',
  title: '有申请因逾期未缴费而不再处理时，第六部分说明信息处理费情况',
  scope: 'prose',
  applies: (ctx) => ctx.index?.id === '2021' && (ctx.cells['t3.r3_6_2.total'] ?? 0) > 0 && !PROCESSING_FEE.test(ctx.prose.s6 ?? ''),
  check(ctx) {
    const cell = 't3.r3_6_2.total';
    return [
      {
        ruleId: 'A-6',
        severity: 'warning',
        section: 's6',
        cells: [cell],
        message: `${ctx.name(cell)} 为 ${ctx.cells[cell]}，说明本年度发出过收费通知，${sectionLabel('s6')}应说明信息处理费的收取情况`,
      },
    ];
  },
};

export const G8: RuleDef = {
  id: 'G-8',
  // reviewers fault a 六 silent on the fee (issue 12): checked before 定稿, not a mere hint
  severity: 'warning',
  title: '第六部分说明是否收取信息处理费',
  scope: 'prose',
  applies: (ctx) => ctx.report.format !== 'free' && Boolean(ctx.prose.s6?.trim()) && !PROCESSING_FEE.test(ctx.prose.s6!),
  check: () => [
    {
      ruleId: 'G-8',
      severity: 'warning',
      section: 's6',
      cells: [],
      message: `${sectionLabel('s6')}没有说明信息处理费的收取情况。按《政府信息公开信息处理费管理办法》，一般应写明本年度是否收取、收取多少（如“本年度未收取信息处理费”）`,
    },
  ],
};

export const NARRATIVE_RULES: readonly RuleDef[] = [G2, G4, G5, G7, G8, A6];
