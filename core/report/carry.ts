import { T3_COLUMNS, cellDef, colLabel, formatIdForYear, getFormat, rowLabel, type FormatId } from '../format/index.js';
import { PROSE_KEYS, type CarryInfo, type ProseKey, type ReportData, type Signoff } from './model.js';

/**
 * Starting year N from year N−1 (spec §3.5):
 * - 表三 二、上年结转 takes last year's 四、结转下年度继续办理, all seven columns; this holds across
 *   the 2020 → 2021 format change, whose 表三 rows 二 and 四 are the same.
 * - 表二 2021: last year's 现行有效件数 is shown as the base of this year's, not filled in.
 * - 表二 2019 → 2019: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减.
 * - 表二 2019 → 2021: nothing maps (the columns changed meaning, X-4); said so.
 * - 表四 is about the year's own cases: nothing is carried.
 * - The narrative, the notes and the sign-off people come across as a draft; every year and figure in the
 *   carried text is listed as 「待更新」 until edited or confirmed.
 */

export interface CarryResult {
  report: ReportData;
  carry: CarryInfo;
}

const T2_VALID_2021 = ['t2.reg.valid', 't2.norm.valid'];
const T2_ITEMS_2019 = ['lic', 'othsvc', 'pun', 'coer', 'fee'];

/**
 * The units a counted figure is written with in a narrative: every unit the format's cells are
 * read in (件、项、万元), and the counting words reports use around them (个、名、人次、条…).
 * Longer first, so that 「5人次」 is one mention, not 「5人」 and a stray 次.
 */
export const COUNT_UNITS: readonly string[] = (() => {
  const units = new Set<string>();
  for (const format of ['2019', '2021'] as const) for (const def of getFormat(format).cells) units.add(def.unit);
  for (const u of ['件', '条', '个', '名', '人', '人次', '次', '项', '篇', '期', '场', '家', '户', '份', '批', '万元', '元', '%', '％']) units.add(u);
  return [...units].filter(Boolean).sort((a, b) => b.length - a.length);
})();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNIT_ALT = COUNT_UNITS.map(escape).join('|');
/** the units a Chinese numeral counts with in a report (「三件」「五名」); money and rates are written in digits, and 「一家」「一人」 are too often no count */
const CN_UNIT_ALT = ['人次', '件', '条', '个', '名', '次', '项', '篇', '期'].join('|');

/** Years (2023年, 2023 年度) and counted figures (5件, 12条, 3名, 3.5万元, 三件) in a text: what goes stale in a year. */
const STALE_RE = new RegExp(
  `(?:(?:19|20)\\d{2}\\s*年(?:度)?)|(?:[0-9０-９][0-9０-９,，.]*\\s*(?:${UNIT_ALT}))|(?:[一二两三四五六七八九十百千万零〇]+\\s*(?:${CN_UNIT_ALT}))`,
  'g',
);

export function staleMentions(text: string): string[] {
  return [...new Set(staleMentionSpans(text).map((s) => s.mention))];
}

/** Where each year and counted figure stands in a text, named as staleMentions names it (one pass: the window marks them per keystroke). */
export function staleMentionSpans(text: string): { mention: string; start: number; end: number }[] {
  return [...text.matchAll(STALE_RE)].map((m) => ({ mention: m[0].replace(/\s+/g, ''), start: m.index, end: m.index + m[0].length }));
}

/** One place in a text where a carried year or figure still stands. */
export interface StaleSpot {
  mention: string;
  start: number;
  end: number;
}

/** Parts of a text that are figures from the tables, not the clerk's words: 「{{cell:…}}」 stored, 「⟦名称：数值⟧」 as pasted. */
const FIGURE_RE = /\{\{cell:[a-z0-9_.]+\}\}|⟦[^⟧\n]*⟧/g;

/**
 * THE places last year's years and figures still stand in a carried text (issue 6, 12): the count
 * the window shows, the spots it highlights, the list under the text and rule X-6's findings are
 * all this list, so they cannot disagree. Each place is one spot (the same 「5件」 twice is two);
 * a mention counts only where the text says it whole (「5件」 is not in 「15件」 nor 「2.5件」, white
 * space may stand inside it, 「2023 年」) and never inside a figure taken from the tables.
 */
export function staleSpots(text: string, pending: readonly string[]): StaleSpot[] {
  if (!pending.length || !text) return [];
  const wanted = new Set(pending);
  const figures = [...text.matchAll(FIGURE_RE)].map((m) => [m.index, m.index + m[0].length] as const);
  const spots: StaleSpot[] = [];
  let f = 0;
  for (const span of staleMentionSpans(text)) {
    if (!wanted.has(span.mention)) continue;
    // both lists run in text order: skip the figures that end before this span
    while (f < figures.length && figures[f]![1] <= span.start) f++;
    const figure = figures[f];
    if (figure && figure[0] < span.end) continue;
    spots.push(span);
  }
  return spots;
}

/** How the window and X-6 name what is left: 「3 处（2023年、5件等）」 with each mention once. */
export function staleSummary(spots: readonly StaleSpot[], max = 5): { count: number; mentions: string[]; more: boolean } {
  const mentions = [...new Set(spots.map((s) => s.mention))];
  return { count: spots.length, mentions: mentions.slice(0, max), more: mentions.length > max };
}

function carriedSignoff(last?: Signoff): Signoff | undefined {
  if (!last) return undefined;
  // the same people usually sign again; the dates are this year's to fill in
  return { preparer: last.preparer, reviewer: last.reviewer, approver: last.approver };
}

export function carryForward(last: ReportData, year: number): CarryResult {
  const format = formatIdForYear(year);
  const notices: string[] = [];
  const cells: Record<string, number> = {};
  const base: Record<string, number> = {};

  if (format !== 'free' && last.format !== 'free') {
    for (const col of T3_COLUMNS) {
      // in an app-made report the total is computed; only the six applicant columns are filled in
      if (col.key === 'total') continue;
      const value = last.cells[`t3.r4.${col.key}`];
      if (value !== undefined) cells[`t3.r2.${col.key}`] = value;
    }
    if (last.origin === 'imported' && last.cells['t3.r4.total'] !== undefined) {
      const sum = T3_COLUMNS.filter((c) => c.key !== 'total').reduce((s, c) => s + (last.cells[`t3.r4.${c.key}`] ?? 0), 0);
      if (sum !== last.cells['t3.r4.total']) {
        notices.push(`${last.year} 年报告公布的「${rowLabel(last.format, 't3.r4.total')}」总计为 ${last.cells['t3.r4.total']}，但各栏相加为 ${sum}；结转的是各栏数字，请核对。`);
      }
    }
    carryTable2(last, format, cells, base, notices);
  } else if (format !== 'free') {
    notices.push(`${last.year} 年报告是 2019 年以前的自由格式，没有统计表可以结转，表格请按本年情况填写。`);
  }

  const sections: ReportData['sections'] = {};
  const pending: CarryInfo['pending'] = {};
  for (const key of PROSE_KEYS) {
    const text = last.sections[key];
    if (!text) continue;
    sections[key] = text;
    const stale = staleMentions(text);
    if (stale.length) pending[key as ProseKey] = stale;
  }

  const carry: CarryInfo = { fromYear: last.year, cells: { ...cells }, base, pending, notices };
  const signoff = carriedSignoff(last.signoff);
  const report: ReportData = {
    format,
    year,
    agency: last.agency,
    cells: { ...cells },
    sections,
    notes: {},
    origin: 'app',
    carry,
    ...(signoff ? { signoff } : {}),
  };
  return { report, carry };
}

function carryTable2(last: ReportData, format: FormatId, cells: Record<string, number>, base: Record<string, number>, notices: string[]): void {
  if (last.format === '2021' && format === '2021') {
    for (const id of T2_VALID_2021) {
      const value = last.cells[id];
      if (value !== undefined) base[id] = value;
    }
  } else if (last.format === '2019' && format === '2019') {
    for (const row of T2_ITEMS_2019) {
      const prev = last.cells[`t2.${row}.prev_items`];
      const delta = last.cells[`t2.${row}.delta`];
      if (prev !== undefined) cells[`t2.${row}.prev_items`] = prev + (delta ?? 0);
    }
  } else if (last.format === '2019' && format === '2021') {
    notices.push(
      `表二：${last.year} 年使用 2019 年版格式，与 2021 年版的栏目含义不同（如「${colLabel('2019', 't2.reg.new_made')}」与「${colLabel('2021', 't2.reg.made')}」），不能结转，请按本年情况填写（X-4）。表三的「${rowLabel(format, 't3.r2.total')}」照常结转。`,
    );
  }
  // every carried cell exists in the new format: guard against a future format change
  for (const id of Object.keys(cells)) if (!cellDef(format, id)) delete cells[id];
}
