import type { Args } from '../../core/api.js';
import type { ReportData } from '../../core/report/model.js';

/**
 * The report as `import.confirm` takes it: what the clerk reviewed, without the agency (the
 * target says whose report it becomes) and without the origin (always 'imported').
 */
export function confirmReport(report: ReportData): Args<'import.confirm'>['report'] {
  return {
    format: report.format,
    year: report.year,
    cells: report.cells,
    sections: report.sections,
    notes: report.notes,
    ...(report.publishedTitles ? { publishedTitles: report.publishedTitles } : {}),
    ...(report.signoff ? { signoff: report.signoff } : {}),
  };
}
