import { tableName, type CellDef } from '../format/index.js';
import {
  AGENCY_LEVEL_LABELS,
  bodyText,
  CONFIRMED_TABLES,
  contentBlocks,
  isHeadingLine,
  resolveTokens,
  type AgencyLevel,
  type ConfirmedTable,
  type ProseKey,
} from '../report/index.js';
import { PROSE_SECTION, sectionLabel, type RuleContext } from './context.js';
import { normaliseDigits } from './prose-numbers.js';
import { textSimilarity } from './similarity.js';
import type { Finding, RuleDef } from './types.js';

/**
 * What reviewers fault in published reports (issue 12), checked before 定稿: sections that are
 * only headings, a 五 with no problem or no measure, figures no agency of this level has, jumps
 * from last year without a reason, and a text mostly copied from last year.
 */

const PROSE_SECTIONS = ['s1', 's5', 's6'] as const satisfies readonly ProseKey[];

function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** Money in 分 as the tables state it: 万元, with thousands separators. */
const wan = (fen: number): string => `${thousands(fen / 1_000_000)}万元`;

/** A warning on one cell of a table (M-1, M-2), filed under the table's section. */
function cellWarning(ctx: RuleContext, ruleId: string, def: CellDef, message: string): Finding {
  return { ruleId, severity: 'warning', section: ctx.index!.format.tables[def.table].section, cells: [def.id], message };
}

export const G9: RuleDef = {
  id: 'G-9',
  severity: 'error',
  title: '一、五、六部分不能只有标题没有正文',
  scope: 'prose',
  applies: (ctx) => ctx.report.format !== 'free',
  check(ctx) {
    const out: Finding[] = [];
    for (const key of PROSE_SECTIONS) {
      const text = ctx.prose[key] ?? '';
      if (!text.trim() || bodyText(text).trim()) continue;
      const headings = contentBlocks(text).map((b) => `「${b.heading}」`);
      out.push({
        ruleId: 'G-9',
        severity: 'error',
        section: PROSE_SECTION[key],
        cells: [],
        message: `${sectionLabel(PROSE_SECTION[key])}只有标题（${headings.join('')}），标题下面还没有写内容。标题不算内容，请在每个标题下写明具体情况`,
      });
    }
    return out;
  },
};

/** Words that say what went wrong, and words that say what will be done about it. */
const PROBLEM_WORDS = /问题|不足|短板|薄弱|差距|不够|不到位|欠缺|滞后|单一|有待/;
const MEASURE_WORDS = /将|加强|完善|推进|改进|整改|提升|健全|强化|落实|规范|下一步|措施/;
/** What a clerk writes when there is nothing to say: not enough for 五. */
const EMPTY_ANSWERS = /^(无|暂无|没有|无。|暂无。|—|-|\/)$/;

export const G10: RuleDef = {
  id: 'G-10',
  severity: 'warning',
  title: '第五部分写明存在的问题和改进措施',
  scope: 'prose',
  // a 五 of headings only is G-9's
  applies: (ctx) => ctx.report.format !== 'free' && !(ctx.prose.s5?.trim() && !bodyText(ctx.prose.s5).trim()),
  check(ctx) {
    const text = ctx.prose.s5 ?? '';
    const body = bodyText(text).replace(/\s+/g, '');
    const finding = (message: string): Finding[] => [{ ruleId: 'G-10', severity: 'warning', section: 's5', cells: [], message }];
    const title = sectionLabel('s5');
    if (!body) return finding(`${title}还没有写。审查时这一部分空着会被指出，请写明本年存在的主要问题和改进措施`);
    if (EMPTY_ANSWERS.test(body)) return finding(`${title}只写了「${body}」。每个机关都会有需要改进的地方，请写明存在的主要问题和改进措施`);
    const missing = [PROBLEM_WORDS.test(body) ? '' : '存在的问题', MEASURE_WORDS.test(body) ? '' : '改进的措施'].filter(Boolean);
    if (!missing.length) return [];
    return finding(`${title}没有写到${missing.join('和')}。这一部分应当既写问题，也写下一步怎么改`);
  },
};

/**
 * The largest figure that is plausible for one agency of a level in one year, per kind of cell.
 * Far above these a figure is most likely mistyped (extra digits, or an amount in 元 for 万元).
 * Generous on purpose: a warning, confirmed with a reason where the figure is real.
 */
type MagnitudeGroup = 'decisions' | 'documents' | 'applications' | 'cases' | 'fee';
const LOCAL: Record<MagnitudeGroup, number> = { decisions: 20_000, documents: 200, applications: 1_000, cases: 100, fee: 5_000 * 1_000_000 };
/** A county's report often holds county-wide figures (a county-level city issues ~500,000 行政许可 a year). */
const SCALE: Readonly<Record<AgencyLevel, number>> = { township: 1, street: 1, county: 100, department: 100, city: 500, province: 5_000, other: 5_000 };
const GROUP_WORDS: Readonly<Record<MagnitudeGroup, string>> = {
  decisions: '处理决定',
  documents: '文件',
  applications: '申请',
  cases: '复议诉讼案件',
  fee: '收费金额',
};

function magnitudeGroup(cellId: string, kind: string): MagnitudeGroup | null {
  if (kind === 'money') return 'fee';
  if (kind === 'delta') return null;
  if (cellId.startsWith('t3.')) return 'applications';
  if (cellId.startsWith('t4.')) return 'cases';
  if (/^t2\.(reg|norm)\./.test(cellId)) return 'documents';
  return 'decisions';
}

/** The ceiling for a cell of a report's agency, or null when the cell is not bounded. */
export function plausibleMax(level: AgencyLevel, cellId: string, kind: string): number | null {
  const group = magnitudeGroup(cellId, kind);
  return group ? LOCAL[group] * SCALE[level] : null;
}

export const M1: RuleDef = {
  id: 'M-1',
  severity: 'warning',
  title: '数字的大小与机关层级相称（多打几位数的会被发现）',
  scope: 'report',
  applies: (ctx) => ctx.index !== null,
  check(ctx) {
    const level = ctx.report.agency.level;
    const out: Finding[] = [];
    for (const def of ctx.index!.format.cells) {
      if (def.sumOf && ctx.computedTotals) continue;
      const v = ctx.cells[def.id];
      const max = plausibleMax(level, def.id, def.kind);
      if (v === undefined || max === null || v <= max) continue;
      const group = magnitudeGroup(def.id, def.kind)!;
      const shownMax = def.kind === 'money' ? wan(max) : thousands(max);
      const shown = def.kind === 'money' ? ctx.show(def.id) : thousands(v);
      out.push(
        cellWarning(
          ctx,
          'M-1',
          def,
          `${ctx.name(def.id)} 为 ${shown}，对${AGENCY_LEVEL_LABELS[level]}来说大得不寻常（一年的${GROUP_WORDS[group]}一般不超过 ${shownMax}）。` +
            '请核对是否多打了几位数、填错了格或单位；数字确实如此，请接受并写明理由',
        ),
      );
    }
    return out;
  },
};

/**
 * M-2: a figure far from the agency's own figure for the same cell last year — 20 times as much or
 * a twentieth, and by at least the group's floor, or from 0 to at least the floor — is most likely
 * mistyped (a digit too many or too few, the wrong cell). The floors keep small counts quiet (3 →
 * 70 申请 in a township is a busy year, not a typo). Money floors are in 分 (10 万元). The rule is
 * listed with the rest by `nianbao format --json`; the thresholds are these constants.
 */
export const LAST_YEAR_FACTOR = 20;
export const LAST_YEAR_FLOOR: Readonly<Record<MagnitudeGroup, number>> = { decisions: 200, documents: 20, applications: 50, cases: 10, fee: 10 * 1_000_000 };

/** Whether a figure is far outside last year's figure for the same cell (M-2). */
export function farFromLastYear(last: number, now: number, floor: number, factor = LAST_YEAR_FACTOR): boolean {
  if (Math.abs(now - last) < floor) return false;
  if (last === 0 || now === 0) return true;
  return now >= last * factor || now * factor <= last;
}

export const M2: RuleDef = {
  id: 'M-2',
  severity: 'warning',
  title: `数字与本机关上年同一格相比差得不寻常（${LAST_YEAR_FACTOR} 倍以上，或从 0 变为很多）`,
  scope: 'cross-year',
  applies: (ctx) => ctx.index !== null && ctx.previous?.index?.id === ctx.index.id,
  check(ctx) {
    const prev = ctx.previous!;
    // X-8 asks its own question (a reason in the note) of these totals
    const own = new Set(WATCHED.map((w) => w.id));
    const out: Finding[] = [];
    for (const def of ctx.index!.format.cells) {
      if ((def.sumOf && ctx.computedTotals) || own.has(def.id)) continue;
      const group = magnitudeGroup(def.id, def.kind);
      const now = ctx.cells[def.id];
      const last = prev.cells[def.id];
      if (!group || now === undefined || last === undefined || !farFromLastYear(last, now, LAST_YEAR_FLOOR[group])) continue;
      const show = (v: number) => (def.kind === 'money' ? wan(v) : thousands(v));
      const how = last === 0 ? '上年为 0' : now === 0 ? '今年为 0' : now > last ? `是上年的 ${Math.round(now / last)} 倍` : `只有上年的 ${Math.round(last / now)} 分之一`;
      out.push(
        cellWarning(
          ctx,
          'M-2',
          def,
          `${ctx.name(def.id)} 今年为 ${show(now)}，${prev.report.year}年为 ${show(last)}，${how}。` +
            '请核对是否多打或少打了几位数、填错了格或单位；数字确实如此，请接受并写明理由',
        ),
      );
    }
    return out;
  },
};

/**
 * The totals a reviewer compares with last year, with the smallest change worth asking about:
 * a jump of 3 times or more (or to a third or less) by at least this many, or anything from 0.
 */
const WATCHED: readonly { id: string; floor: number }[] = [
  { id: 't3.r1.total', floor: 10 },
  { id: 't3.r3_7.total', floor: 10 },
  { id: 't4.rev.total', floor: 3 },
  { id: 't4.lit_direct.total', floor: 3 },
  { id: 't4.lit_after.total', floor: 3 },
];
const JUMP_FACTOR = 3;

/** Whether this year's figure is far enough from last year's that a reviewer asks why. */
export function isJump(last: number, now: number, floor: number): boolean {
  if (last === 0) return now > 0;
  return Math.abs(now - last) >= floor && (now >= last * JUMP_FACTOR || now * JUMP_FACTOR <= last);
}

export const X8: RuleDef = {
  id: 'X-8',
  severity: 'warning',
  title: '表三、表四总数与上年相比大起大落（或从 0 变为有）时，在该格写明原因',
  scope: 'cross-year',
  applies: (ctx) => ctx.index !== null && ctx.previous?.index !== null,
  check(ctx) {
    const prev = ctx.previous!;
    const out: Finding[] = [];
    for (const { id, floor } of WATCHED) {
      const now = ctx.cells[id];
      const last = prev.cells[id];
      if (now === undefined || last === undefined || !isJump(last, now, floor)) continue;
      if (ctx.report.notes[id]?.trim()) continue;
      const change = last === 0 ? `上年为 0，今年为 ${now}` : `从上年的 ${last} 变为今年的 ${now}`;
      out.push({
        ruleId: 'X-8',
        severity: 'warning',
        section: id.startsWith('t4.') ? 's4' : 's3',
        cells: [id],
        message: `${ctx.name(id)} ${change}，变化很大。审查时会问原因：请核对数字，并在该格的备注里写明原因（例如「本年新增一起复议案件，来自××申请」）`,
      });
    }
    return out;
  },
};

// ---- X-9: the whole text compared with last year's ----

/** Share of this year's own wording found again in last year's report, from which X-9 warns. */
export const REPEATED_SHARE_LIMIT = 0.5;
/** Sentences this alike (after figures are masked) count as repeated. */
const SAME_SENTENCE = 0.85;
/** Shorter sentences are phrases every report has. */
const MIN_SENTENCE_CHARS = 12;
/** Too little text to judge. */
const MIN_TEXT_CHARS = 100;
/**
 * The official boilerplate every report repeats by design: the statistics period, the data
 * source and contact sentences, the fee sentence. Not counted as copied.
 */
const BOILERPLATE = /统计期限|统计期间|数据统计期限|如对本报告有任何疑问|如对本年报有|联系地址|联系电话|邮政编码|电子邮箱|网址|门户网站.{0,6}(下载|查阅)|信息处理费|本报告(所列|中所列)数据|报告全文/;

function mask(sentence: string): string {
  return normaliseDigits(sentence)
    .replace(/\d+/g, '#')
    .replace(/[\s，。；、：“”「」（）()《》,.;:!?！？]/g, '');
}

/** Sentences of a report that count: no headings, no boilerplate, not too short. */
function ownSentences(prose: Partial<Record<ProseKey, string>>): string[] {
  const out: string[] = [];
  for (const key of ['intro', 's1', 's5', 's6'] as const) {
    for (const line of (prose[key] ?? '').split(/\r?\n/)) {
      if (!line.trim() || isHeadingLine(line)) continue;
      for (const s of line.split(/(?<=[。！？；!?;])/)) {
        const t = s.trim();
        if (mask(t).length < MIN_SENTENCE_CHARS || BOILERPLATE.test(t)) continue;
        out.push(t);
      }
    }
  }
  return out;
}

export interface RepeatedText {
  /** share of this year's counted characters that repeat last year's, 0 … 1 */
  share: number;
  /** the repeated sentences, as this year's report has them */
  passages: string[];
}

/** How much of this year's text repeats last year's, with the official boilerplate excluded. */
export function repeatedText(now: Partial<Record<ProseKey, string>>, last: Partial<Record<ProseKey, string>>): RepeatedText {
  const mine = ownSentences(now);
  const theirs = ownSentences(last).map(mask);
  const exact = new Set(theirs);
  let total = 0;
  let repeated = 0;
  const passages: string[] = [];
  for (const s of mine) {
    const m = mask(s);
    total += m.length;
    const same =
      exact.has(m) ||
      theirs.some((t) => Math.abs(t.length - m.length) <= m.length * 0.3 && textSimilarity(t, m) >= SAME_SENTENCE);
    if (same) {
      repeated += m.length;
      passages.push(s);
    }
  }
  return { share: total < MIN_TEXT_CHARS ? 0 : repeated / total, passages };
}

/** How many repeated passages a message quotes. */
const QUOTED = 3;

export const X9: RuleDef = {
  id: 'X-9',
  severity: 'warning',
  title: '全文不大段照搬上年报告（固定格式用语不计）',
  scope: 'cross-year',
  check(ctx) {
    const prev = ctx.previous!;
    const last: Partial<Record<ProseKey, string>> = {};
    for (const key of ['intro', 's1', 's5', 's6'] as const) {
      const text = prev.report.sections[key];
      if (text) last[key] = text.includes('{{') ? resolveTokens(text, prev.report.format, prev.cells) : text;
    }
    const { share, passages } = repeatedText(ctx.prose, last);
    if (share < REPEATED_SHARE_LIMIT) return [];
    const quoted = passages.slice(0, QUOTED).map((p) => `“${p.length > 40 ? `${p.slice(0, 40)}…` : p}”`);
    return [
      {
        ruleId: 'X-9',
        severity: 'warning',
        section: 's1',
        cells: [],
        message:
          `正文约 ${Math.round(share * 100)}% 的文字与 ${prev.report.year} 年报告相同（统计期限、联系方式等固定用语不计），共 ${passages.length} 句，例如：${quoted.join('；')}。` +
          '年度报告内容雷同会被通报，请按今年的实际情况重写这些段落',
      },
    ];
  },
};

// ---- S-1, S-2: who confirmed 表三 and 表四 ----

/** Where each table's figures come from, as the message suggests it. */
export const TABLE_SOURCES: Readonly<Record<ConfirmedTable, string>> = {
  t3: '本机关的依申请公开登记台账（或政务服务、信访部门）',
  t4: '司法局（行政复议）和法院（行政诉讼）',
};

function tableValues(ctx: RuleContext, table: ConfirmedTable): number[] {
  return ctx.index!.tableCells[table].map((c) => ctx.cells[c.id]).filter((v): v is number => v !== undefined);
}

export const S1: RuleDef = {
  id: 'S-1',
  severity: 'hint',
  title: '表三、表四写明数据来源和核对人（印在审批单上）',
  scope: 'report',
  applies: (ctx) => ctx.index !== null && ctx.computedTotals,
  check(ctx) {
    const out: Finding[] = [];
    for (const table of CONFIRMED_TABLES) {
      const c = ctx.report.confirmations?.[table];
      if (c?.source.trim() && c.confirmer.trim()) continue;
      if (!tableValues(ctx, table).length) continue;
      out.push({
        ruleId: 'S-1',
        severity: 'hint',
        section: ctx.index!.format.tables[table].section,
        cells: [],
        message: `${tableName(table)}的数字来自${TABLE_SOURCES[table]}，请在表格下方写明数据来源和核对人，它们会印在审批单上`,
      });
    }
    return out;
  },
};

export const S2: RuleDef = {
  id: 'S-2',
  severity: 'warning',
  title: '表三或表四全部为 0 时，确认已与来源核对、本年确无',
  scope: 'report',
  applies: (ctx) => ctx.index !== null && ctx.computedTotals,
  check(ctx) {
    const out: Finding[] = [];
    for (const table of CONFIRMED_TABLES) {
      const values = tableValues(ctx, table);
      if (values.length < ctx.index!.tableCells[table].length || values.some((v) => v !== 0)) continue;
      if (ctx.report.confirmations?.[table]?.noneConfirmed) continue;
      out.push({
        ruleId: 'S-2',
        severity: 'warning',
        section: ctx.index!.format.tables[table].section,
        cells: [],
        message: `${tableName(table)}全部为 0。请与${TABLE_SOURCES[table]}核对后，在表格下方勾选「已核对，本年确无」并写明核对人`,
      });
    }
    return out;
  },
};

export const REVIEW_RULES: readonly RuleDef[] = [G9, G10, M1, M2, X8, X9, S1, S2];

