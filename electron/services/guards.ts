import { AppError, type ReportSummary } from '../../core/api.js';
import type { Store } from '../store/index.js';

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
