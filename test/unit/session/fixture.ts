import type { Acknowledgement, ReportDetail, ReportEdit } from '../../../core/api.js';
import { emptyAgency, type ReportData } from '../../../core/report/index.js';
import { checkReport } from '../../../core/rules/index.js';
import { ReportSession, type SessionDeps } from '../../../renderer/report/state/ReportSession.js';
import type { CellChange } from '../../../renderer/report/state/history.js';

export function report(cells: Record<string, number> = {}, origin: ReportData['origin'] = 'app'): ReportData {
  return { format: '2021', year: 2024, agency: emptyAgency('某镇人民政府'), cells, sections: {}, notes: {}, origin };
}

/** What report.open would answer for a report (and last year's, when given). */
export function detailOf(data: ReportData, opts: { readOnly?: boolean; acks?: Acknowledgement[]; previous?: ReportData } = {}): ReportDetail {
  const now = '2025-01-10T08:00:00.000Z';
  return {
    summary: { id: 1, agencyId: 1, year: data.year, format: data.format, state: opts.readOnly ? 'signed' : 'draft', origin: data.origin, createdAt: now, updatedAt: now, revision: 3, filledCells: 0 },
    agency: { id: 1, createdAt: now, updatedAt: now, ...data.agency },
    data,
    acknowledgements: opts.acks ?? [],
    ...(opts.previous ? { previous: { reportId: 2, data: opts.previous, madeInApp: true } } : {}),
  };
}

/**
 * A session over a store that answers at once: every save is recorded (`saves`), its cells also
 * as the plain changes the tables made (`sent`).
 */
export function makeSession(data: ReportData, opts: { readOnly?: boolean; acks?: Acknowledgement[]; previous?: ReportData } & Partial<SessionDeps> = {}) {
  const sent: CellChange[][] = [];
  const saves: ReportEdit[][] = [];
  let revision = 3;
  const previous = opts.previous;
  const session = new ReportSession({
    detail: detailOf(data, opts),
    check: (d) => checkReport(d, previous ? { previous } : {}),
    send: async (edits) => {
      saves.push(edits);
      sent.push(edits.flatMap((e) => (e.kind === 'cell' ? [{ cellId: e.cellId, value: e.value }] : [])));
      revision += 1;
      return { savedAt: '2025-01-10T08:00:00.000Z', revision };
    },
    ...opts,
  });
  return { session, sent, saves };
}
