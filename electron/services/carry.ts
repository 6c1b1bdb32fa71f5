import { AppError, type CarryPreview, type Handlers } from '../../core/api.js';
import { formatIdForYear, cellDef, rowLabel } from '../../core/format/index.js';
import { carryForward, type ReportData } from '../../core/report/index.js';
import type { Store } from '../store/index.js';
import { agencyOrFail, previousReport } from './reports.js';

/**
 * Starting a year (issues 2 and 6): a new report, blank or carried from the year before, and
 * what carrying would bring across, shown before the report is made.
 */

/** The 四、结转下年度 row and 现行有效件数 a clerk may type in for a year the store does not have. */
export const LAST_YEAR_FIGURE_CELLS = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => `t3.r4.${c}`).concat(['t2.reg.valid', 't2.norm.valid']);

/**
 * Creates the report for `year`, from last year's when asked. Without last year in the store, the
 * figures typed in by hand become a minimal report for last year (marked as entered by hand), so the
 * carry and the cross-year rules work from day one. Call inside Store.transaction.
 */
function createReport(
  store: Store,
  args: { agencyId: number; year: number; carry?: boolean | undefined; lastYearFigures?: Record<string, number> | undefined },
  now: string,
): number {
  const { agencyId, year } = args;
  if (args.lastYearFigures && Object.keys(args.lastYearFigures).length) {
    if (store.reports.findByYear(agencyId, year - 1) !== undefined) {
      throw new AppError('conflict', `已经有 ${year - 1} 年的报告，请直接从它结转，不必手工填写上年数字`);
    }
    const lastFormat = formatIdForYear(year - 1);
    if (lastFormat === 'free') throw new AppError('refused', `${year - 1} 年的报告没有统计表，无需填写上年数字`);
    const cells: Record<string, number> = {};
    for (const [cellId, value] of Object.entries(args.lastYearFigures)) {
      if (!LAST_YEAR_FIGURE_CELLS.includes(cellId) || !cellDef(lastFormat, cellId)) {
        throw new AppError('invalid_args', `上年数字只能填写「${rowLabel(lastFormat, 't3.r4.total')}」一行和现行有效件数，「${cellId}」不在其中`);
      }
      cells[cellId] = value;
    }
    store.reports.create({ agencyId, year: year - 1, format: lastFormat, origin: 'imported', cells, meta: { manual: true } }, now);
  }
  const signoff = store.agencies.signoff(agencyId);
  if (!args.carry && !args.lastYearFigures) {
    return store.reports.create({ agencyId, year, format: formatIdForYear(year), origin: 'app', signoff }, now);
  }
  const previous = previousReport(store, agencyId, year);
  if (!previous) throw new AppError('not_found', `没有 ${year - 1} 年的报告可以结转。可以先导入去年公布的报告，或手工填写去年的结转数字。`);
  const { report, carry } = carryForward(previous.data, year);
  const carried: ReportData['sections'] = report.sections;
  return store.reports.create(
    {
      agencyId,
      year,
      format: report.format,
      origin: 'app',
      cells: report.cells,
      sections: carried as Record<string, string>,
      signoff: { ...signoff, ...report.signoff },
      meta: { carry },
    },
    now,
  );
}

export function carryHandlers(store: Store, now: () => string): Pick<Handlers, 'report.create' | 'report.carryPreview'> {
  return {
    'report.create': (args) => {
      const agency = agencyOrFail(store, args.agencyId);
      const existing = store.reports.findByYear(args.agencyId, args.year);
      if (existing !== undefined) {
        throw new AppError('conflict', `「${agency.name}」的 ${args.year} 年报告已经有了（编号 ${existing}），请直接打开它，不能再新建一份。`);
      }
      const id = store.transaction(() => createReport(store, args, now()));
      return store.reports.summary(id)!;
    },

    'report.carryPreview': ({ agencyId, year }): CarryPreview => {
      const previous = previousReport(store, agencyId, year);
      if (!previous) return { available: false, fromYear: year - 1, cells: {}, base: {}, notices: [], sections: [] };
      const { carry, report } = carryForward(previous.data, year);
      return {
        available: true,
        fromYear: previous.data.year,
        cells: carry.cells,
        base: carry.base,
        notices: carry.notices,
        sections: Object.keys(report.sections),
      };
    },
  };
}
