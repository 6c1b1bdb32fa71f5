import type { ReportSummary } from '../core/api.js';
import { FORMATS } from '../core/format/index.js';
import type { ReportFormat } from '../core/report/model.js';

export function formatLabel(format: ReportFormat): string {
  return format === 'free' ? '自由格式（2019 年以前）' : FORMATS[format].name;
}

export function stateLabel(report: Pick<ReportSummary, 'state' | 'origin' | 'manual'>): string {
  // typed in to start the next year from: what it is, not an unfinished report
  if (report.manual) return '上年数字（手工录入）';
  const state = report.state === 'signed' ? '已定稿' : '草稿';
  return report.origin === 'imported' ? `${state}（导入）` : state;
}
