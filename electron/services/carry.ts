import { AppError, type CarryPreview, type Handlers, type ReportDetail } from '../../core/api.js';
import { formatIdForYear, cellDef, rowLabel } from '../../core/format/index.js';
import { carryForward, madeInApp, type ProseKey, type ReportData } from '../../core/report/index.js';
import type { Store } from '../store/index.js';
import type { ReportMeta } from '../store/reports.js';
import { editableOrFail } from './guards.js';

/**
 * Starting a year from the year before (issue 6), and what the cross-year rules need: last
 * year's report beside this year's.
 */

type Loader = (store: Store, reportId: number) => ReportDetail;

/** Last year's report of an agency as domain data, or undefined when the store has none. */
export function previousReport(store: Store, load: Loader, agencyId: number, year: number): ReportDetail['previous'] {
  const id = store.reports.findByYear(agencyId, year - 1);
  if (id === undefined) return undefined;
  const { data } = load(store, id);
  const manual = store.reports.meta(id).manual === true;
  return { reportId: id, data, madeInApp: madeInApp(data) && !manual };
}

/** The 四、结转下年度 row and 现行有效件数 a clerk may type in for a year the store does not have. */
export const LAST_YEAR_FIGURE_CELLS = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => `t3.r4.${c}`).concat(['t2.reg.valid', 't2.norm.valid']);

export function carryHandlers(store: Store, load: Loader, now: () => string): Pick<Handlers, 'report.carryPreview' | 'cell.note' | 'carry.confirm'> {
  return {
    'report.carryPreview': ({ agencyId, year }): CarryPreview => {
      const previous = previousReport(store, load, agencyId, year);
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
    'cell.note': ({ reportId, cellId, note }) => {
      const summary = editableOrFail(store, reportId);
      if (summary.format === 'free' || !cellDef(summary.format, cellId)) {
        throw new AppError('invalid_args', `单元格「${cellId}」不属于这份报告的格式`);
      }
      const at = now();
      store.reports.setNote(reportId, cellId, note, at);
      return { savedAt: at };
    },
    'carry.confirm': ({ reportId, key, mention }) => {
      editableOrFail(store, reportId);
      const meta = store.reports.meta(reportId);
      const pending = meta.carry?.pending[key as ProseKey];
      if (meta.carry && pending) {
        const rest = pending.filter((m) => m !== mention);
        const next: ReportMeta = { ...meta, carry: { ...meta.carry, pending: { ...meta.carry.pending, [key]: rest } } };
        if (!rest.length) delete next.carry!.pending[key as ProseKey];
        store.reports.setMeta(reportId, next, now());
      }
      return { savedAt: now() };
    },
  };
}

/**
 * Creates the report for `year`, from last year's when asked. Without last year in the store, the
 * figures typed in by hand become a minimal report for last year (marked as entered by hand), so the
 * carry and the cross-year rules work from day one.
 */
export function createReport(
  store: Store,
  load: Loader,
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
  const previous = previousReport(store, load, agencyId, year);
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
