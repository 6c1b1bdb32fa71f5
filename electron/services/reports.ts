import { AppError, type AgencyRecord, type Handlers, type ReportDetail, type ReportSummary } from '../../core/api.js';
import { cellDef, cellName } from '../../core/format/index.js';
import { FEN_PER_WAN, isComputedIn, madeInApp, MAX_VALUE, shownCells, type ReportData, type Signoff } from '../../core/report/index.js';
import { SIGNED_KIND } from '../../core/document/sign.js';
import type { Store } from '../store/index.js';

/**
 * A report as the services see it: loading it (with last year's beside it), the guards every
 * service asks before it reads or changes one, and the back end's own check of figures. The
 * other services import these; nothing passes a loader around.
 */

// ---------- guards ----------

export function agencyOrFail(store: Store, agencyId: number): AgencyRecord {
  const agency = store.agencies.get(agencyId);
  if (!agency) throw new AppError('not_found', '找不到这个机关，可能已被删除');
  return agency;
}

/** The report, or the clerk's message that it is gone. */
export function reportOrFail(store: Store, reportId: number): ReportSummary {
  const summary = store.reports.summary(reportId);
  if (!summary) throw new AppError('not_found', '找不到这份报告，可能已被删除');
  return summary;
}

/** The report when it may be changed: a signed report is frozen until it is reopened with a reason. */
export function editableOrFail(store: Store, reportId: number): ReportSummary {
  const summary = reportOrFail(store, reportId);
  if (summary.state === 'signed') {
    throw new AppError('refused', `${summary.year} 年报告已定稿，不能直接修改。如需修改，请先点「修改定稿」并说明理由，生成新的修改版本。`);
  }
  return summary;
}

// ---------- loading ----------

/** A stored report as domain data; computed totals are filled for reports made in the app. */
export function loadReport(store: Store, reportId: number): ReportDetail {
  const loaded = store.reports.load(reportId);
  if (!loaded) throw new AppError('not_found', '找不到这份报告，可能已被删除');
  const agency = store.agencies.get(loaded.row.agencyId);
  if (!agency) throw new AppError('not_found', '找不到这份报告所属的机关');
  const { row } = loaded;
  const { id: _id, createdAt: _c, updatedAt: _u, ...agencyData } = agency;
  const data: ReportData = {
    format: row.format,
    year: row.year,
    // what is frozen looks frozen (issue 12): a signed report shows the agency as it was signed
    agency: (row.state === 'signed' && signedAgency(store, reportId)) || agencyData,
    cells: shownCells({ ...row, cells: loaded.cells }),
    sections: loaded.sections,
    notes: loaded.notes,
    signoff: { preparer: '', reviewer: '', approver: '', ...loaded.signoff } as Signoff,
    origin: row.origin,
    ...(loaded.meta.carry ? { carry: loaded.meta.carry } : {}),
    ...(loaded.meta.publishedTitles ? { publishedTitles: loaded.meta.publishedTitles } : {}),
    ...(loaded.meta.confirmations ? { confirmations: loaded.meta.confirmations } : {}),
  };
  const review = loaded.meta.review;
  return {
    summary: row,
    agency,
    data,
    acknowledgements: store.reports.acknowledgements(reportId),
    // the county's remarks from a review package, with the answers written since (issue 15)
    ...(review ? { review: { from: review.from, createdAt: review.createdAt, thread: review.thread } } : {}),
  };
}

/**
 * The agency's details as the latest signed version holds them. A signed report's 导语, title and
 * contact lines come from these, on screen, in the preview and in every export, like its signed
 * copy; only after 「修改定稿」 does the report follow the agency's current details again.
 */
function signedAgency(store: Store, reportId: number): ReportData['agency'] | undefined {
  const latest = store.versions.list(reportId).find((v) => v.kind === SIGNED_KIND);
  return latest ? store.versions.get(reportId, latest.id)?.snapshot.agency : undefined;
}

/** Last year's report of an agency as domain data, or undefined when the store has none. */
export function previousReport(store: Store, agencyId: number, year: number): ReportDetail['previous'] {
  const id = store.reports.findByYear(agencyId, year - 1);
  if (id === undefined) return undefined;
  const { data } = loadReport(store, id);
  // figures typed in by hand for a year the store lacked are not a report kept in the app
  const manual = store.reports.meta(id).manual === true;
  return { reportId: id, data, madeInApp: madeInApp(data) && !manual };
}

/** A report with last year's beside it, for the window: the cross-year rules and comparisons need both. */
export function openReport(store: Store, reportId: number): ReportDetail {
  const detail = loadReport(store, reportId);
  const previous = previousReport(store, detail.summary.agencyId, detail.summary.year);
  const deadline = store.agencies.deadline(detail.summary.agencyId);
  return { ...detail, ...(previous ? { previous } : {}), ...(deadline ? { deadline } : {}) };
}

// ---------- the back end's check of figures ----------

/**
 * The window checks input as the clerk types; this is the back end's own check, so that a value
 * the format cannot hold never reaches the store whoever sends it.
 */
export function checkCellChanges(summary: Pick<ReportSummary, 'format' | 'origin'>, changes: readonly { cellId: string; value: number | null }[]): void {
  if (summary.format === 'free') throw new AppError('refused', '这份报告是 2019 年以前的自由格式，没有统计表');
  for (const { cellId, value } of changes) {
    const def = cellDef(summary.format, cellId);
    if (!def) throw new AppError('invalid_args', `单元格「${cellId}」不属于 ${summary.format} 年版格式`);
    if (isComputedIn(summary, cellId)) throw new AppError('refused', `${cellName(def)}是自动计算的合计，不能直接填写`);
    if (value === null) continue;
    const limit = def.kind === 'money' ? MAX_VALUE * FEN_PER_WAN : MAX_VALUE;
    if (Math.abs(value) > limit) throw new AppError('refused', `${cellName(def)}的数字太大了`);
    if (value < 0 && def.kind !== 'delta') throw new AppError('refused', `${cellName(def)}不能是负数`);
  }
}

/** A cell's note must belong to a cell of the report's format. */
export function checkNoteCell(summary: Pick<ReportSummary, 'format'>, cellId: string): void {
  if (summary.format === 'free' || !cellDef(summary.format, cellId)) {
    throw new AppError('invalid_args', `单元格「${cellId}」不属于这份报告的格式`);
  }
}

// ---------- the methods ----------

type ReportMethods = 'report.list' | 'report.open' | 'report.delete';

export function reportHandlers(store: Store): Pick<Handlers, ReportMethods> {
  return {
    'report.list': ({ agencyId }) => {
      agencyOrFail(store, agencyId);
      return store.reports.listForAgency(agencyId);
    },
    'report.open': ({ reportId }) => openReport(store, reportId),
    'report.delete': ({ reportId }) => {
      reportOrFail(store, reportId);
      store.reports.delete(reportId);
      return { deleted: true };
    },
  };
}
