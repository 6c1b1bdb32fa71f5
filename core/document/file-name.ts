import type { ReportData } from '../report/model.js';
import { reportTitle } from './build.js';

export type ExportFormat = 'docx' | 'pdf';

/** Characters Windows refuses in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** Long enough for any real agency name; Windows paths are limited to 260 characters in all. */
const MAX_STEM = 120;

/**
 * The name an exported file is offered under: the report's title, 「（草稿）」 for a draft —
 * 「某某镇人民政府2024年政府信息公开工作年度报告（草稿）.docx」. Safe on Windows.
 */
export function exportFileName(report: ReportData, draft: boolean, format: ExportFormat): string {
  const title = reportTitle(report).replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '') || '政府信息公开工作年度报告';
  const stem = `${title.slice(0, MAX_STEM)}${draft ? '（草稿）' : ''}`;
  return `${stem}.${format}`;
}

export const EXPORT_MIME: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
