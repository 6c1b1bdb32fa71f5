import { AppError, type AgencyRecord, type AppInfo, type Handlers, type ReportDetail, type ReportSummary } from '../../core/api.js';
import { cellDef, cellName } from '../../core/format/index.js';
import { isComputedIn, MAX_VALUE, shownCells, type ReportData, type Signoff } from '../../core/report/index.js';
import type { Store } from '../store/index.js';
import { editableOrFail as guardEditable, reportOrFail as guardReport } from './guards.js';
import { carryHandlers, createReport, previousReport } from './carry.js';
import { versionHandlers } from './versions.js';
import { importHandlers } from './import.js';
import { exportHandlers, type ExportHost } from './export.js';
import { signoffHandlers } from './signoff.js';
import { backupHandlers } from './backup.js';
import { packageHandlers } from './package.js';
import { compareHandlers } from './compare.js';
import { xlsxHandlers } from './xlsx.js';
import { sourceAwareImport } from './sources.js';
import type { StoreKeeper } from '../store/keeper.js';

export interface ServiceContext {
  store: Store;
  info: Omit<AppInfo, 'dataDir' | 'dbFile' | 'fault'>;
  /** the clock, replaceable in tests */
  now?: () => string;
  /** how the host saves, prints and makes PDFs (Electron); absent: bytes back to the caller (browser mode, command line) */
  exportHost?: ExportHost;
  /** the running host's keeper of the store: backups before 定稿, restores (absent in tests of other services) */
  keeper?: StoreKeeper;
}

/** Loads a stored report as domain data; computed totals are filled for reports made in the app. */
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
    agency: agencyData,
    cells: shownCells({ ...row, cells: loaded.cells }),
    sections: loaded.sections,
    notes: loaded.notes,
    signoff: { preparer: '', reviewer: '', approver: '', ...loaded.signoff } as Signoff,
    origin: row.origin,
    ...(loaded.meta.carry ? { carry: loaded.meta.carry } : {}),
    ...(loaded.meta.publishedTitles ? { publishedTitles: loaded.meta.publishedTitles } : {}),
  };
  return { summary: row, agency, data, acknowledgements: store.reports.acknowledgements(reportId) };
}

/** A report with last year's beside it, for the window: the cross-year rules and comparisons need both. */
function openWithPrevious(store: Store, reportId: number): ReportDetail {
  const detail = loadReport(store, reportId);
  const previous = previousReport(store, loadReport, detail.summary.agencyId, detail.summary.year);
  return previous ? { ...detail, previous } : detail;
}

/**
 * The window checks input as the clerk types; this is the back end's own check, so that a value
 * the format cannot hold never reaches the store whoever sends it.
 */
function checkCellChanges(summary: Pick<ReportSummary, 'format' | 'origin'>, changes: readonly { cellId: string; value: number | null }[]): void {
  if (summary.format === 'free') throw new AppError('refused', '这份报告是 2019 年以前的自由格式，没有统计表');
  for (const { cellId, value } of changes) {
    const def = cellDef(summary.format, cellId);
    if (!def) throw new AppError('invalid_args', `单元格「${cellId}」不属于 ${summary.format} 年版格式`);
    if (isComputedIn(summary, cellId)) {
      throw new AppError('refused', `${cellName(def)}是自动计算的合计，不能直接填写`);
    }
    if (value === null) continue;
    const limit = def.kind === 'money' ? MAX_VALUE * 10000 : MAX_VALUE;
    if (Math.abs(value) > limit) throw new AppError('refused', `${cellName(def)}的数字太大了`);
    if (value < 0 && def.kind !== 'delta') throw new AppError('refused', `${cellName(def)}不能是负数`);
  }
}

export function createHandlers(ctx: ServiceContext): Handlers {
  const { store, keeper } = ctx;
  const now = ctx.now ?? (() => new Date().toISOString());

  const agencyOrFail = (id: number): AgencyRecord => {
    const agency = store.agencies.get(id);
    if (!agency) throw new AppError('not_found', '找不到这个机关，可能已被删除');
    return agency;
  };
  const reportOrFail = (id: number) => guardReport(store, id);
  const editableOrFail = (id: number) => guardEditable(store, id);

  return {
    'app.info': () => ({ ...ctx.info, dataDir: store.dataDir, dbFile: store.file }),

    'agency.list': () => store.agencies.list(),
    'agency.create': ({ agency }) => store.agencies.create(agency, now()),
    'agency.update': ({ id, agency }) => {
      const saved = store.agencies.save(id, agency, now());
      if (!saved) throw new AppError('not_found', '找不到这个机关，可能已被删除');
      return saved;
    },

    'report.list': ({ agencyId }) => {
      agencyOrFail(agencyId);
      return store.reports.listForAgency(agencyId);
    },
    'report.create': (args) => {
      const agency = agencyOrFail(args.agencyId);
      const existing = store.reports.findByYear(args.agencyId, args.year);
      if (existing !== undefined) {
        throw new AppError('conflict', `「${agency.name}」的 ${args.year} 年报告已经有了（编号 ${existing}），请直接打开它，不能再新建一份。`);
      }
      const id = store.opened.db.transaction(() => createReport(store, loadReport, args, now()))();
      return store.reports.summary(id)!;
    },
    'report.open': ({ reportId }) => openWithPrevious(store, reportId),
    ...carryHandlers(store, loadReport, now),
    ...versionHandlers(store, now),
    ...sourceAwareImport(importHandlers(store, checkCellChanges, now)),
    ...signoffHandlers(store, loadReport, now, keeper ? () => keeper.backup('pre-sign').then(() => undefined) : undefined),
    ...exportHandlers(store, loadReport, ctx.exportHost),
    ...backupHandlers(keeper ? { keeper } : { store }, ctx.exportHost),
    ...compareHandlers(store, loadReport),
    ...xlsxHandlers(store, loadReport),
    ...packageHandlers(store, loadReport, { ...(ctx.exportHost ? { host: ctx.exportHost } : {}), generator: { app: '年报助手', version: ctx.info.version }, now }),
    'report.delete': ({ reportId }) => {
      reportOrFail(reportId);
      store.reports.delete(reportId);
      return { deleted: true };
    },

    'cells.set': ({ reportId, changes }) => {
      checkCellChanges(editableOrFail(reportId), changes);
      const at = now();
      store.reports.setCells(reportId, changes, at);
      return { savedAt: at };
    },
    'section.set': ({ reportId, key, text }) => {
      editableOrFail(reportId);
      const at = now();
      store.reports.setSection(reportId, key, text, at);
      return { savedAt: at };
    },
    'ack.set': ({ reportId, key, reason }) => {
      editableOrFail(reportId);
      const at = now();
      store.reports.setAcknowledgement(reportId, key, reason, at);
      return { savedAt: at };
    },
    'ack.clear': ({ reportId, key }) => {
      editableOrFail(reportId);
      const at = now();
      store.reports.clearAcknowledgement(reportId, key);
      return { savedAt: at };
    },
  };
}
