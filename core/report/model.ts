import type { FormatId, SectionKey } from '../format/index.js';

/** Levels of the bodies that publish a report (spec/report-json.md); `other` is the form's 「其他」. */
export const AGENCY_LEVELS = ['township', 'street', 'county', 'department', 'city', 'province', 'other'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const AGENCY_LEVEL_LABELS: Readonly<Record<AgencyLevel, string>> = {
  township: '乡镇',
  street: '街道',
  county: '县级人民政府',
  department: '县级政府部门',
  city: '市级',
  province: '省级',
  other: '其他',
};

/** People's governments must also report 工作考核、社会评议和责任追究 (条例 第五十条). */
export function isPeoplesGovernment(level: AgencyLevel): boolean {
  return level === 'township' || level === 'street' || level === 'county' || level === 'city' || level === 'province';
}

export interface Contact {
  address: string;
  postcode: string;
  phone: string;
  email: string;
}

export interface Agency {
  name: string;
  level: AgencyLevel;
  region: string;
  contact: Contact;
  website: string;
}

export interface Signoff {
  preparer: string;
  preparerDate?: string;
  reviewer: string;
  reviewerDate?: string;
  approver: string;
  approverDate?: string;
  /** the date printed under the agency name (落款), ISO yyyy-mm-dd */
  date?: string;
}

export type ReportFormat = FormatId | 'free';

/** Prose parts of a report: the three prose sections, the 导语 and the notes under the tables. */
export const PROSE_KEYS = ['intro', 's1', 's5', 's6', 'note_t2', 'note_t3', 'note_t4'] as const;
export type ProseKey = (typeof PROSE_KEYS)[number];

/**
 * A report as the domain sees it, independent of how it is stored.
 * Cell values are integers: counts as such, money as exact 分 (shown in 万元).
 * A cell absent from `cells` is blank: not yet filled, which is not 0.
 */
export interface ReportData {
  format: ReportFormat;
  year: number;
  agency: Agency;
  cells: Record<string, number>;
  sections: Partial<Record<ProseKey | 's2' | 's3' | 's4', string>>;
  notes: Record<string, string>;
  signoff?: Signoff;
  /**
   * `app`: totals are computed by the app. `imported`: figures as published, totals included,
   * so that the rules can show where the published report does not add up.
   */
  origin: 'app' | 'imported';
  /**
   * Imported reports only: the section headings as the published report printed them (without
   * the numeral); a section the report left out has no entry. Lets rule G-1 check titles and
   * order of a report the app did not lay out itself.
   */
  publishedTitles?: Partial<Record<SectionKey, string>>;
  /** Set on a report started from last year's: what came across, so that it can be checked and highlighted. */
  carry?: CarryInfo;
  /** 表三/表四: where the figures come from and who confirmed them (issue 12) */
  confirmations?: Partial<Record<ConfirmedTable, TableConfirmation>>;
}

/**
 * Who confirmed 表三 or 表四 against the registers they come from (信访/政务服务 for applications,
 * 司法局 for 行政复议, 法院 for 行政诉讼), printed on the 审批单. `noneConfirmed`: the table is all
 * zeros and that was checked (「已与…核对，本年确无」).
 */
export interface TableConfirmation {
  source: string;
  confirmer: string;
  /** ISO yyyy-mm-dd */
  date?: string;
  noneConfirmed?: boolean;
}

/** The tables whose figures come from other offices' registers. */
export const CONFIRMED_TABLES = ['t3', 't4'] as const;
export type ConfirmedTable = (typeof CONFIRMED_TABLES)[number];

/** A report without its prose: what tables, carried figures and comparisons read. */
export type ReportFigures = Omit<ReportData, 'sections'>;

/**
 * What carrying last year forward brought into this report (core/report/carry.ts).
 * Kept with the report so the window can mark carried figures and text until the clerk has looked at them.
 */
export interface CarryInfo {
  fromYear: number;
  /** cells filled from last year's report, with the value carried */
  cells: Record<string, number>;
  /** last year's figures shown beside this year's as a base, not filled in (e.g. 现行有效件数, X-2) */
  base: Record<string, number>;
  /** per prose part: years and figures in the carried text still to be updated or confirmed (「待更新」) */
  pending: Partial<Record<ProseKey, string[]>>;
  /** what could not be carried and why, for the clerk */
  notices: string[];
}

/** The report was prepared in the app, not read from a published one (its figures were typed and kept here). */
export function madeInApp(report: Pick<ReportData, 'origin'>): boolean {
  return report.origin === 'app';
}

export function emptyAgency(name = ''): Agency {
  return { name, level: 'township', region: '', contact: { address: '', postcode: '', phone: '', email: '' }, website: '' };
}
