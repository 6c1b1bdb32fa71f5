import { t3ResultRowKeys, type FormatId } from '../format/index.js';

/**
 * The rates reviewers work out from 表三 and 表四 (公开率, 纠错率 …), as data: what each divides
 * by what, so that the report window, the command line and the county roll-up show the same
 * figure with the same formula. Each side of the fraction is a sum of cells, less other cells.
 */

export interface RateTerm {
  /** cells added up */
  add: readonly string[];
  /** cells taken away from that sum (e.g. 尚未审结 from a 总计) */
  subtract?: readonly string[];
}

export interface RateDef {
  /** stable id, e.g. `open-rate` */
  id: string;
  /** as a reviewer names it: 「公开率」 */
  label: string;
  /** the formula in the tables' own words, printed beside the figure */
  formula: string;
  numerator: RateTerm;
  denominator: RateTerm;
  /** what the rate says, one sentence for a clerk */
  meaning: string;
}

export interface RateValue {
  def: RateDef;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0 or either side is all blank */
  ratio: number | null;
}

const T3 = (row: string, col = 'total') => `t3.${row}.${col}`;
const T4 = (group: string, col: string) => `t4.${group}.${col}`;
const LITIGATION = ['lit_direct', 'lit_after'] as const;

function resultRows(format: FormatId, prefix: string): string[] {
  return t3ResultRowKeys(format)
    .filter((k) => k.startsWith(prefix))
    .map((k) => T3(k));
}

function build(format: FormatId): RateDef[] {
  const results = { add: [T3('r3_7')] };
  return [
    {
      id: 'open-rate',
      label: '公开率',
      formula: '（（一）予以公开＋（二）部分公开）÷（七）总计',
      numerator: { add: [T3('r3_1'), T3('r3_2')] },
      denominator: results,
      meaning: '办结的申请中，全部或部分公开的比例',
    },
    {
      id: 'withheld-rate',
      label: '不予公开率',
      formula: '（三）不予公开 ÷（七）总计',
      numerator: { add: resultRows(format, 'r3_3_') },
      denominator: results,
      meaning: '办结的申请中，不予公开的比例',
    },
    {
      id: 'unavailable-rate',
      label: '无法提供率',
      formula: '（四）无法提供 ÷（七）总计',
      numerator: { add: resultRows(format, 'r3_4_') },
      denominator: results,
      meaning: '办结的申请中，本机关无法提供信息的比例',
    },
    {
      id: 'carry-rate',
      label: '结转率',
      formula: '四、结转下年度继续办理 ÷（一、本年新收＋二、上年结转）',
      numerator: { add: [T3('r4')] },
      denominator: { add: [T3('r1'), T3('r2')] },
      meaning: '本年要办的申请中，留到下一年办理的比例',
    },
    {
      id: 'review-correction-rate',
      label: '行政复议纠错率',
      formula: '行政复议·结果纠正 ÷（行政复议·总计－尚未审结）',
      numerator: { add: [T4('rev', 'corrected')] },
      denominator: { add: [T4('rev', 'total')], subtract: [T4('rev', 'pending')] },
      meaning: '已审结的行政复议中，被纠正的比例',
    },
    {
      id: 'litigation-correction-rate',
      label: '行政诉讼纠错率',
      formula: '行政诉讼·结果纠正 ÷（行政诉讼·总计－尚未审结）（两类起诉合计）',
      numerator: { add: LITIGATION.map((g) => T4(g, 'corrected')) },
      denominator: { add: LITIGATION.map((g) => T4(g, 'total')), subtract: LITIGATION.map((g) => T4(g, 'pending')) },
      meaning: '已审结的行政诉讼中，被纠正（败诉）的比例',
    },
    {
      id: 'dispute-rate',
      label: '复议诉讼发生率',
      formula: '（行政复议·总计＋行政诉讼·总计）÷（一、本年新收＋二、上年结转）',
      numerator: { add: [T4('rev', 'total'), ...LITIGATION.map((g) => T4(g, 'total'))] },
      denominator: { add: [T3('r1'), T3('r2')] },
      meaning: '本年要办的申请中，引起行政复议或行政诉讼的比例（案件可能来自往年的申请，仅供参考）',
    },
  ];
}

const DEFS: Readonly<Record<FormatId, readonly RateDef[]>> = { '2021': build('2021'), '2019': build('2019') };

/** The rates of a format, in the order they are shown. */
export function rateDefs(format: FormatId): readonly RateDef[] {
  return DEFS[format];
}

/** Every cell a rate reads (for showing which cells it comes from). */
export function rateCells(def: RateDef): string[] {
  return [...def.numerator.add, ...(def.numerator.subtract ?? []), ...def.denominator.add, ...(def.denominator.subtract ?? [])];
}

/**
 * A term's value; null when every cell it adds up is blank (a blank is not 0, but one blank row
 * among eight 不予公开 rows should not hide the rate: D-4 already asks for the blanks).
 */
function termValue(term: RateTerm, cells: Readonly<Record<string, number>>): number | null {
  if (term.add.every((id) => cells[id] === undefined)) return null;
  const sum = (ids: readonly string[]) => ids.reduce((s, id) => s + (cells[id] ?? 0), 0);
  return sum(term.add) - sum(term.subtract ?? []);
}

/** One rate from a report's figures (the cells as shown: totals included). */
export function computeRate(def: RateDef, cells: Readonly<Record<string, number>>): RateValue {
  const numerator = termValue(def.numerator, cells);
  const denominator = termValue(def.denominator, cells);
  const ratio = numerator === null || denominator === null || denominator <= 0 ? null : numerator / denominator;
  return { def, numerator: numerator ?? 0, denominator: denominator ?? 0, ratio };
}

/** Every rate of a format from a report's figures (totals included, e.g. from shownCells). */
export function computeRates(format: FormatId, cells: Readonly<Record<string, number>>): RateValue[] {
  return rateDefs(format).map((def) => computeRate(def, cells));
}

/** 「66.7%」 (one decimal, trailing .0 dropped: 「100%」), 「—」 when there is nothing to divide by. */
export function formatRate(ratio: number | null): string {
  if (ratio === null) return '—';
  const pct = Math.round(ratio * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}
