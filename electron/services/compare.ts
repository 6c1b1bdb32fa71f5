import { AppError, type Args, type Handlers, type PublishedCheck } from '../../core/api.js';
import { buildDocument, renderPrintHtml, snapshotReport } from '../../core/document/index.js';
import { importHtml, type ImportOutcome } from '../../core/import/index.js';
import { comparePublished, type PublishedComparison } from '../../core/report/published.js';
import type { ReportData } from '../../core/report/model.js';
import type { Store } from '../store/index.js';
import { parseSource } from './import.js';
import { loadReport } from './reports.js';
import { signedVersionOf, signedVersions } from './signoff.js';

/**
 * 「核对网上公布版」 (issue 14): the published copy — a saved web page, a PDF, a Word file or
 * pasted text — read with the importer (services/import.ts, the window's own entry to it) and
 * compared with the signed version: core/report/published.ts.
 */

/** The signed report's print view, read back by the importer: its text cut into parts as a published copy is. */
export function readAsPublished(report: ReportData): ReportData {
  const html = renderPrintHtml(buildDocument(report, { draft: false }), { fontBaseUrl: '/' });
  const read = importHtml(html);
  // the app's own print view always reads; if it ever did not, the plain sections still compare
  return read.ok ? read.report : report;
}

/** The comparison of a signed report with a published copy already read. */
export function checkPublished(signed: ReportData, read: Extract<ImportOutcome, { ok: true }>): PublishedComparison {
  return comparePublished({ signed, signedAsRead: readAsPublished(signed), published: read.report, uncertain: read.uncertain });
}

export function compareHandlers(store: Store): Pick<Handlers, 'published.compare'> {
  return {
    'published.compare': async ({ reportId, source }: Args<'published.compare'>): Promise<PublishedCheck> => {
      const detail = loadReport(store, reportId);
      const latest = signedVersions(store, reportId)[0];
      const version = latest && store.versions.get(reportId, latest.id);
      if (!version) {
        throw new AppError('refused', `${detail.summary.year} 年报告还没有定稿。网上公布的应是定稿版本，请先定稿，再核对公布的版本。`);
      }
      const read = await parseSource(source);
      if (!read.ok) throw new AppError('refused', `公布的版本读不出来：${read.message}`);
      const signed = snapshotReport(version.snapshot, detail.data.agency);
      return {
        signed: signedVersionOf(version),
        format: signed.format,
        cells: signed.cells,
        comparison: checkPublished(signed, read),
        warnings: read.warnings,
      };
    },
  };
}
