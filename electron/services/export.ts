import { AppError, type Args, type ExportDelivery, type Handlers, type PrintOutcome } from '../../core/api.js';
import {
  buildDocument,
  exportFileName,
  gateRefusal,
  renderPrintHtml,
  snapshotReport,
  EXPORT_MIME,
  SIGNED_KIND,
  type ExportFormat,
  type ReportDocument,
} from '../../core/document/index.js';
import type { ReportData } from '../../core/report/model.js';
import { fingerprintMatches } from '../../core/report/fingerprint.js';
import { renderDocx } from '../export/docx.js';
import { BATCH_PRINTERS, finishDocumentPdf, PdfError, prewarmPdfRenderer, renderDocumentPdf, type PdfOptions } from '../export/pdf.js';
import { putPreview, PREVIEW_FONT_BASE_URL } from '../export/preview-pages.js';
import { ExportWriteError } from '../export/write-file.js';
import type { Store } from '../store/index.js';
import { reportXlsx, XLSX_MIME } from './xlsx.js';
import { loadReport } from './reports.js';
import { gateOf, signedVersionOf, signedVersions } from './signoff.js';

/**
 * Printing and exporting a report (issue 5): the print view for the preview, DOCX and PDF files,
 * and printing. A draft — the report as it is now, or any saved version — carries the 「草稿」
 * watermark and is always allowed. A final copy is a signed version only: its content is
 * rebuilt from the version, checked against the version's SHA-256 fingerprint and against the
 * rules (with last year's report), and printed with the version and the short fingerprint in the
 * footer and no watermark.
 *
 * What happens to the finished file depends on the host (ExportHost): the desktop app shows its
 * save dialog and prints through Electron; without a host the bytes go back to the caller (the
 * browser window downloads them; the command line writes them).
 */

/** What a host may be handed to save: the report's documents, its tables as Excel, a 报送包, a backup, a county's reports as PDFs in one .zip. */
export type DeliveredFormat = ExportFormat | 'xlsx' | 'nianbao' | 'db' | 'zip';

export interface ExportFile {
  fileName: string;
  mime: string;
  format: DeliveredFormat;
  bytes: Uint8Array;
  /** a signed copy's fingerprint (also in the file's properties): for whoever packs or files it */
  fingerprint?: string;
  /** a signed copy's version as its footer prints it: 「第1版」 */
  versionLabel?: string;
}

/** What a host does differently from the default (browser mode, command line). */
export interface ExportHost {
  /** prints the print view at this same-origin path to PDF (Electron: printToPDF); default: system Chromium through playwright-core */
  pdf?(previewPath: string): Promise<Uint8Array>;
  /** hands a finished file to the clerk (Electron: save dialog, then an atomic write); default: the bytes go back */
  deliver?(file: ExportFile): Promise<ExportDelivery>;
  /** shows the system print dialog for the print view at this path; default: the window prints it */
  print?(previewPath: string): Promise<PrintOutcome>;
  /** starts whatever makes the first PDF fast; default: the warm Chromium */
  prewarm?(): void;
}

type ExportMethods = 'export.preview' | 'export.pages' | 'export.file' | 'export.print' | 'export.prewarm';
type Options = Args<'export.preview'>;

export interface PreparedExport {
  report: ReportData;
  doc: ReportDocument;
  draft: boolean;
}

/**
 * The document to print or export for these options, or a refusal saying why not. Shared by the
 * window's methods and the command line.
 */
export function prepareExport(store: Store, options: Options): PreparedExport {
  const { reportId, versionId, draft } = options;
  const detail = loadReport(store, reportId);
  let version;
  if (versionId !== undefined) {
    version = store.versions.get(reportId, versionId);
    if (!version) throw new AppError('not_found', `找不到编号为 ${versionId} 的版本，它不属于这份报告`);
  } else if (!draft) {
    const latest = detail.summary.state === 'signed' ? signedVersions(store, reportId)[0] : undefined;
    if (!latest) {
      throw new AppError('refused', `${detail.summary.year} 年报告还没有定稿，不能导出或打印正式版。请先「定稿」；需要先看看效果，可以导出草稿。`);
    }
    version = store.versions.get(reportId, latest.id)!;
  }
  const report = version ? snapshotReport(version.snapshot, detail.data.agency) : detail.data;

  let signed;
  if (!draft) {
    if (version?.kind !== SIGNED_KIND) {
      throw new AppError('refused', `「${version?.label ?? '当前内容'}」不是定稿版本。正式版只能从定稿版本导出，其他版本请导出草稿。`);
    }
    signed = signedVersionOf(version);
    if (!fingerprintMatches(report, version.fingerprint)) {
      throw new AppError(
        'internal',
        `定稿版本「${version.label}」的内容与它的校验码不一致，可能被改动过，不能作为正式版导出。请恢复数据库备份，或「修改定稿」后重新定稿。`,
      );
    }
    const gate = gateOf(store, reportId, report);
    if (gate.blocking.length) throw new AppError('refused', gateRefusal(gate, '导出或打印正式版'));
  }
  const doc = buildDocument(report, {
    draft,
    ...(signed ? { fingerprint: signed.fingerprint, versionLabel: signed.footerLabel } : {}),
    ...(options.approvalSheet ? { approvalSheet: true } : {}),
    ...(options.footerFingerprint ? { footerFingerprint: true } : {}),
    ...(options.lineSpacingPt ? { lineSpacingPt: options.lineSpacingPt } : {}),
  });
  return { report, doc, draft };
}

/** The print view kept for the preview frame and the print window: its same-origin path. */
function previewPath(doc: ReportDocument): string {
  return putPreview(renderPrintHtml(doc, { fontBaseUrl: PREVIEW_FONT_BASE_URL }));
}

/**
 * DOCX or PDF bytes of a prepared export, with the default or the host's PDF route; or its tables
 * as Excel (issue 14). `pdf`: options of the default route (a batch prints on several pages).
 */
export async function renderExport(prepared: PreparedExport, format: ExportFormat | 'xlsx', host: ExportHost = {}, pdf: PdfOptions = {}): Promise<ExportFile> {
  const { doc, report, draft } = prepared;
  if (format === 'xlsx') {
    if (report.format === 'free') throw new AppError('refused', '这份报告是 2019 年以前的自由格式，没有统计表，不能导出 Excel。');
    const fileName = exportFileName(report, draft, 'pdf').replace(/\.pdf$/, '.xlsx');
    return { fileName, mime: XLSX_MIME, format, bytes: await reportXlsx(report, draft) };
  }
  let bytes: Uint8Array;
  try {
    if (format === 'docx') bytes = await renderDocx(doc);
    else bytes = host.pdf ? finishDocumentPdf(await host.pdf(previewPath(doc)), doc) : await renderDocumentPdf(doc, pdf);
  } catch (e) {
    // no browser, a browser that would not start: the message says what to do
    if (e instanceof PdfError) throw new AppError('internal', e.message);
    throw e;
  }
  return {
    fileName: exportFileName(report, draft, format),
    mime: EXPORT_MIME[format],
    format,
    bytes,
    ...(doc.fingerprint ? { fingerprint: doc.fingerprint } : {}),
    ...(doc.versionLabel ? { versionLabel: doc.versionLabel } : {}),
  };
}

function download(file: ExportFile): ExportDelivery {
  return {
    kind: 'download',
    fileName: file.fileName,
    mime: file.mime,
    base64: Buffer.from(file.bytes).toString('base64'),
    size: file.bytes.length,
  };
}

export function exportHandlers(store: Store, host: ExportHost = {}): Pick<Handlers, ExportMethods> {
  return {
    'export.preview': (options) => {
      const { doc, report, draft } = prepareExport(store, options);
      return {
        url: previewPath(doc),
        draft,
        fileName: exportFileName(report, draft, 'pdf').replace(/\.pdf$/, ''),
        ...(doc.footerNote ? { footerNote: doc.footerNote } : {}),
      };
    },

    // the preview's pages: the very PDF an export of these options gives, drawn by the window
    'export.pages': async (options) => {
      const file = await renderExport(prepareExport(store, options), 'pdf', host);
      return { base64: Buffer.from(file.bytes).toString('base64'), size: file.bytes.length };
    },

    'export.file': async ({ format, ...options }) => {
      const file = await renderExport(prepareExport(store, options), format, host);
      if (!host.deliver) return download(file);
      try {
        return await host.deliver(file);
      } catch (e) {
        // the file is open in Word, the folder is read-only…: the message names it
        if (e instanceof ExportWriteError) throw new AppError('storage', e.message);
        throw e;
      }
    },

    'export.print': async (options) => {
      const path = previewPath(prepareExport(store, options).doc);
      return host.print ? host.print(path) : { kind: 'in-window', url: path };
    },

    'export.prewarm': () => {
      if (host.prewarm) host.prewarm();
      else void prewarmPdfRenderer();
      return { started: true };
    },
  };
}

// ---- many reports at once (issue 17): the command line's batch export, the county screens ----

/** One report of a batch: what the summary line calls it, and how its document is made (may throw a refusal). */
export interface BatchSource {
  label: string;
  prepare(): PreparedExport | Promise<PreparedExport>;
}

export type BatchOutcome =
  | { source: BatchSource; ok: true; file: ExportFile }
  /** refused: the rules or the state say no (exit 1); otherwise the file could not be read, made or written (exit 2) */
  | { source: BatchSource; ok: false; message: string; refused: boolean };

/**
 * Exports several reports one after another, for the command line (`nianbao export … --out-dir`)
 * and the county screens, which collect dozens of reports. Every PDF goes through the one warm
 * browser of export/pdf.ts (a browser start costs a second; a warm PDF about a tenth of it): the
 * caller closes it when done (closePdfRenderer). A report that fails is reported in its outcome and
 * the others go on. `deliver` is called for each file, in order, once it is made (to write it),
 * and a failure there is that report's failure too.
 */
export async function exportBatch(
  sources: readonly BatchSource[],
  format: ExportFormat | 'xlsx',
  deliver: (file: ExportFile, source: BatchSource) => Promise<void> | void,
  onOutcome: (outcome: BatchOutcome) => void = () => undefined,
  host: ExportHost = {},
): Promise<BatchOutcome[]> {
  // Reports are made ahead: while the browser prints (on BATCH_PRINTERS pages at once, each in a
  // renderer process of its own; in the desktop app on as many hidden windows, desktop/export-host.ts),
  // the next report's rules, document and print view are worked out, so that no printer waits.
  // Files are delivered and reported in the order given.
  const printers = format === 'pdf' ? BATCH_PRINTERS : 1;
  // the browser and its pages start while the first reports are checked and laid out
  if (printers > 1 && sources.length > 1 && !host.pdf) void prewarmPdfRenderer(printers);
  const make = (source: BatchSource): Promise<ExportFile | { failure: unknown }> =>
    (async () => renderExport(await source.prepare(), format, host, { printers }))().catch((failure: unknown) => ({ failure }));
  const ahead = printers + 1;
  const made: Promise<ExportFile | { failure: unknown }>[] = [];
  const outcomes: BatchOutcome[] = [];
  for (let i = 0; i < sources.length; i++) {
    // the started never exceed `ahead` beyond the one delivered
    while (made.length < Math.min(sources.length, i + ahead)) made.push(make(sources[made.length]!));
    const source = sources[i]!;
    const result = await made[i]!;
    let outcome: BatchOutcome;
    try {
      if ('failure' in result) throw result.failure;
      await deliver(result, source);
      outcome = { source, ok: true, file: result };
    } catch (e) {
      outcome = { source, ok: false, message: batchFailure(e), refused: e instanceof AppError && e.code === 'refused' };
    }
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}

/** The file name, or with （2）, （3）… before the extension when that name is taken (in the folder, or by this batch); the name returned is taken too. */
export function freeName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot) : '';
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${stem}（${i}）${ext}`;
  taken.add(candidate);
  return candidate;
}

/** What went wrong with one report, as the clerk reads it; a fault of ours is named as such, and the batch goes on. */
function batchFailure(e: unknown): string {
  if (e instanceof AppError || e instanceof PdfError || e instanceof ExportWriteError) return e.message;
  return `导出时出错（${e instanceof Error ? e.message : String(e)}）。请把这段文字告诉维护人员。`;
}

/** Stored reports as batch sources, with the window's options (a final copy is each report's latest signed version). */
export function storedBatchSources(store: Store, reportIds: readonly number[], options: Omit<Options, 'reportId' | 'versionId'>): BatchSource[] {
  return reportIds.map((reportId) => {
    const summary = store.reports.summary(reportId);
    const agency = summary ? store.agencies.get(summary.agencyId) : undefined;
    return {
      label: summary ? `${agency?.name ?? ''} ${summary.year} 年报告`.trim() : `编号为 ${reportId} 的报告`,
      prepare: () => prepareExport(store, { ...options, reportId }),
    };
  });
}
