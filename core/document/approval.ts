import { tableName } from '../format/index.js';
import { CONFIRMED_TABLES, type ReportData, type TableConfirmation } from '../report/model.js';
import { SIGNOFF_STEPS } from '../report/signoff.js';
import type { ApprovalSheet, DocCell } from './model.js';
import { BLANK_DATE, chineseDate } from './text.js';

export { SIGNOFF_STEPS };

/** 「来源：司法局、法院；核对人：王某（2025年1月10日）；已核对，本年确无」, blank lines to fill by hand when not recorded. */
export function confirmationText(c: TableConfirmation | undefined): string {
  if (!c || (!c.source.trim() && !c.confirmer.trim())) return '来源：＿＿＿＿＿＿　核对人：＿＿＿＿';
  const date = chineseDate(c.date);
  return [
    `来源：${c.source.trim() || '＿＿＿＿＿＿'}`,
    `核对人：${c.confirmer.trim() || '＿＿＿＿'}${date ? `（${date}）` : ''}`,
    ...(c.noneConfirmed ? ['已核对，本年确无'] : []),
  ].join('；');
}

function cell(text: string, role: DocCell['role'], colSpan = 1, align: DocCell['align'] = 'center'): DocCell {
  return { role, text, colSpan, rowSpan: 1, align };
}

/** The full fingerprint in groups of eight, so that it wraps between groups and can be read aloud. */
export function groupedFingerprint(fingerprint: string): string {
  const m = /^([a-z0-9-]+):(.*)$/i.exec(fingerprint);
  const kind = m?.[1] ?? '';
  const groups = (m?.[2] ?? fingerprint).replace(/(.{8})(?=.)/g, '$1 ');
  return kind ? `${kind.toUpperCase()}：${groups}` : groups;
}

/**
 * The 审批单 kept with the signed paper copy: who prepared, reviewed and approved the report,
 * with room for their ink signatures and the agency's seal. Names and dates come from the
 * report's sign-off; what is missing is left blank to be written by hand. A signed copy's sheet
 * names the version and its whole fingerprint, so that the copy on the website (which prints no
 * fingerprint) can be matched to the one that was signed.
 */
export function approvalSheet(
  report: ReportData,
  reportTitle: string,
  signed?: { fingerprint: string; versionLabel?: string },
): ApprovalSheet {
  const signoff = report.signoff;
  const version = signed ? `${signed.versionLabel?.trim() ?? ''}定稿` : '草稿';
  const code = signed ? groupedFingerprint(signed.fingerprint) : '定稿时生成';
  const rows: DocCell[][] = [
    [cell('报告名称', 'header'), cell(reportTitle, 'label', 3, 'left')],
    [cell('版本', 'header'), cell(version, 'label', 3, 'left')],
    [cell('校验码', 'header'), cell(code, 'label', 3, 'left')],
    [cell('环节', 'header'), cell('姓名', 'header'), cell('签字', 'header'), cell('日期', 'header')],
    ...SIGNOFF_STEPS.map((step) => [
      cell(step.label, 'header'),
      cell(signoff?.[step.name]?.trim() ?? '', 'value'),
      cell('', 'empty'),
      cell(chineseDate(signoff?.[step.date]) ?? BLANK_DATE, 'value'),
    ]),
    ...CONFIRMED_TABLES.map((table) => [cell(`${tableName(table)}数据`, 'header'), cell(confirmationText(report.confirmations?.[table]), 'label', 3, 'left')]),
    [cell('机关印章', 'header'), cell('', 'empty', 3)],
  ];
  return {
    title: `${report.year}年政府信息公开工作年度报告审批单`,
    table: {
      id: 'approval',
      widths: [18, 22, 30, 30],
      headerRows: 0,
      keepRows: rows.length,
      fontSizePt: 14,
      rows,
      rowHeightsMm: [16, 10, 16, 12, 18, 18, 18, 12, 12, 44],
    },
  };
}
