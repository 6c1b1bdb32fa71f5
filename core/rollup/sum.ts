import { getFormat, type FormatId } from '../format/index.js';
import { shownCells } from '../report/totals.js';
import type { ReportData } from '../report/model.js';
import { SPLITS, splitOf, type RollupUnit, type SplitKey } from './units.js';

/**
 * Each report's figures as shown (totals computed where the report computes them), kept per report
 * object: a workspace rolls the same few hundred reports up again whenever the clerk changes the
 * units chosen, and a stored report does not change (electron/store/county.ts freezes it).
 */
const shownOf = new WeakMap<ReportData, Readonly<Record<string, number>>>();

export function shownFigures(report: ReportData): Readonly<Record<string, number>> {
  let cells = shownOf.get(report);
  if (!cells) {
    cells = shownCells(report);
    if (Object.isFrozen(report)) shownOf.set(report, cells);
  }
  return cells;
}

/** A unit's report as the roll-up takes it. */
export interface UnitReport {
  unit: RollupUnit;
  report: ReportData;
}

export interface Rollup {
  format: FormatId;
  year: number;
  /** every cell summed over the units that filled it (money in 分); a cell no unit filled is absent */
  cells: Record<string, number>;
  /** the same sums per part (本级 / 部门 / 乡镇街道) */
  splits: Record<SplitKey, Record<string, number>>;
  /** how many units of each part are in the roll-up */
  splitUnits: Record<SplitKey, number>;
  /** the units summed */
  included: RollupUnit[];
  /** the units left out, with why (another format, another year) */
  skipped: { unit: RollupUnit; reason: string }[];
}

/**
 * The official tables summed over the chosen units' reports: every cell, totals included, as
 * each report shows it (a report made in the app with its computed totals, an imported one with
 * its totals as published). Summing the published totals rather than recomputing them keeps a
 * unit's wrong total visible: the roll-up's own table rules then show where it does not add up.
 * Only reports of the year and format asked for are summed; the others are listed with why.
 */
export function rollupReports(units: readonly UnitReport[], year: number): Rollup {
  const format = getFormat(year <= 2020 ? '2019' : '2021').id;
  const ids = getFormat(format).cells.map((c) => c.id);
  const cells: Record<string, number> = {};
  const splits = Object.fromEntries(SPLITS.map((s) => [s.key, {}])) as Record<SplitKey, Record<string, number>>;
  const splitUnits = Object.fromEntries(SPLITS.map((s) => [s.key, 0])) as Record<SplitKey, number>;
  const included: RollupUnit[] = [];
  const skipped: Rollup['skipped'] = [];
  for (const { unit, report } of units) {
    if (report.year !== year) {
      skipped.push({ unit, reason: `报告是 ${report.year} 年度的，不是 ${year} 年度` });
      continue;
    }
    if (report.format !== format) {
      skipped.push({ unit, reason: report.format === 'free' ? '报告没有统计表' : `报告用的是另一种格式（${report.format}）` });
      continue;
    }
    included.push(unit);
    const split = splitOf(unit.level);
    splitUnits[split]++;
    const part = splits[split];
    const shown = shownFigures(report);
    for (const id of ids) {
      const v = shown[id];
      if (v === undefined) continue;
      cells[id] = (cells[id] ?? 0) + v;
      part[id] = (part[id] ?? 0) + v;
    }
  }
  return { format, year, cells, splits, splitUnits, included, skipped };
}
