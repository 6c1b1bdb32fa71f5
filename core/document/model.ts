import type { GridRole, TableId } from '../format/index.js';
import type { HeadingLevel } from '../report/prose.js';

/**
 * The report document: what is printed, in order, already worded and formatted. Both writers
 * (DOCX and the HTML print view) read only this, so what the DOCX says and what the PDF says
 * are the same, cell for cell. Nothing here knows about fonts files, twips or CSS.
 */

export interface DocumentOptions {
  /** a draft carries the 「草稿」 watermark and may have blank cells */
  draft: boolean;
  /** the signed version's fingerprint: on the 审批单 and in the file's properties */
  fingerprint?: string;
  /** the signed version's label, e.g. 「第2版」 */
  versionLabel?: string;
  /**
   * print the version and the short fingerprint in the footer, beside the page number: for
   * copies kept inside the office. The copy for the website carries the page number only.
   */
  footerFingerprint?: boolean;
  /** fixed line spacing of the body text in points (GB/T 9704 guides: 28) */
  lineSpacingPt?: number;
  /** bold 楷体 second-level and 仿宋 third-level headings, as some local guides ask */
  boldHeadings?: boolean;
  /** decimals printed for 万元 amounts, at least; null or absent: as entered (up to 6, to the 分) */
  feeDecimals?: number | null;
  /** append the 审批单 (preparer, reviewer, approver, seal) as a last page */
  approvalSheet?: boolean;
}

export interface DocLayout {
  lineSpacingPt: number;
  boldHeadings: boolean;
}

export interface DocCell {
  role: GridRole;
  text: string;
  colSpan: number;
  rowSpan: number;
  /** the value cell's id (role `value`) */
  cellId?: string;
  align: 'left' | 'center';
}

export interface DocTable {
  /** the format's table, or `approval` for the 审批单 */
  id: TableId | 'approval';
  /** relative widths of the grid columns */
  widths: number[];
  /** leading rows repeated at the top of each page when the table breaks */
  headerRows: number;
  /** leading rows (header rows included) kept on the page of the heading above the table */
  keepRows: number;
  /** type size of the cells in points */
  fontSizePt: number;
  rows: DocCell[][];
  /** minimum row heights in millimetres (ink signatures and the seal need room) */
  rowHeightsMm?: (number | undefined)[];
}

/** 落款 without a seal (GB/T 9704 §7.3.5.2): both lines right-aligned, indents in characters. */
export interface DocSignature {
  agency: string;
  date: string;
  agencyRightChars: number;
  dateRightChars: number;
}

export type DocBlock =
  | { kind: 'heading'; level: HeadingLevel; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; table: DocTable }
  /** the note printed under a table, e.g. 「注：…」 */
  | { kind: 'note'; text: string }
  | { kind: 'signature'; signature: DocSignature };

export interface ApprovalSheet {
  title: string;
  table: DocTable;
}

export interface ReportDocument {
  /** the title, already broken into lines (agency name first when it does not fit on one) */
  titleLines: string[];
  /** plain title, for file metadata */
  title: string;
  year: number;
  agency: string;
  draft: boolean;
  /** the signed version's fingerprint (「sha256:…」): on the 审批单 and in the file's properties */
  fingerprint?: string;
  /** the signed version, e.g. 「第2版」 */
  versionLabel?: string;
  /** printed in the footer of internal copies, e.g. 「第2版　校验码 3F9A-1C0B-22D4」 */
  footerNote?: string;
  layout: DocLayout;
  blocks: DocBlock[];
  approval?: ApprovalSheet;
}

/**
 * A row of headings only (表二's 「第二十条第（一）项」, header rows): both writers keep it on the
 * same page as the row below it.
 */
export function isLeadIn(row: readonly DocCell[]): boolean {
  return row.every((c) => c.role === 'block' || c.role === 'header' || c.role === 'corner');
}
