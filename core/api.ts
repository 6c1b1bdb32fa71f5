import { z } from 'zod';
// the schema library's messages in Chinese, for every host
import './schema-messages.js';
import { AGENCY_LEVELS, PROSE_KEYS, type Agency, type ReportData, type Signoff } from './report/model.js';
import type { ReportSnapshot, SnapshotComparison } from './report/versions.js';
import type { ExportGate } from './document/gate.js';
import { IMPORT_LIMITS } from './import/bytes.js';
import type { ImportDetected } from './import/index.js';
import type { Finding } from './rules/types.js';
import { parseDeadline } from './rules/context.js';
import type { PublishedComparison } from './report/published.js';
import { countySchemas, type CountyResults, type ReviewState } from './api-county.js';
import { plainText } from './plain-text.js';

export { plainText };

export * from './api-county.js';

/**
 * The one contract between the window and the back end. Every method has a runtime schema for
 * its argument (checked before any service sees it, in both hosts) and a result type. Errors
 * travel as a typed envelope carrying a Chinese message for the clerk.
 */

// ---------- results ----------

export type ErrorCode =
  | 'invalid_args'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  /** a save made on a revision of the report that is no longer the latest (another window or the command line saved meanwhile) */
  | 'stale'
  | 'refused'
  | 'storage'
  /** the data file is damaged: the back end has stopped writing; the window shows the fault screen */
  | 'damaged'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface AgencyRecord extends Agency {
  id: number;
  createdAt: string;
  updatedAt: string;
}

/** An agency's publication deadline: the one local rules set, and the statutory one of its level. */
export interface AgencyDeadline {
  /** 「1-20」 as set; '' when none is set */
  deadline: string;
  /** 「1月31日」 for its level under the 条例; '' for townships and streets, which have only local deadlines */
  statutory: string;
}

export type ReportState = 'draft' | 'signed';

export interface ReportSummary {
  id: number;
  agencyId: number;
  year: number;
  format: ReportData['format'];
  state: ReportState;
  origin: ReportData['origin'];
  createdAt: string;
  updatedAt: string;
  /**
   * Counts the saved changes to the report's content: every save moves it one up. A window that
   * holds revision n knows nobody else has changed the report while the store still says n.
   */
  revision: number;
  /** how many cells hold a value */
  filledCells: number;
  /** only last year's figures, typed in by hand to start the next year from (not a report to finish) */
  manual?: true;
}

/** A warning the clerk accepted, with the written reason. `key` is the finding's key (rule id and cells). */
export interface Acknowledgement {
  key: string;
  reason: string;
  createdAt: string;
}

export interface ReportDetail {
  summary: ReportSummary;
  agency: AgencyRecord;
  data: ReportData;
  acknowledgements: Acknowledgement[];
  /** last year's report of the same agency, when the store has it: for the cross-year rules and comparisons */
  previous?: { reportId: number; data: ReportData; madeInApp: boolean };
  /** the publication deadline local rules set the agency (「1-20」), when one is set: rule G-3 checks against it */
  deadline?: string;
  /** a report collected by the county workspace (issue 15): shown read-only, never saved */
  readOnly?: true;
  /** the county's remarks on this report, from a review package opened here (issue 15) */
  review?: ReviewState;
}

/** What starting a year from the year before would bring across, shown before creating the report. */
export interface CarryPreview {
  /** last year's report exists in the store */
  available: boolean;
  fromYear: number;
  cells: Record<string, number>;
  base: Record<string, number>;
  notices: string[];
  sections: string[];
}

/** A saved version of a report (「保存版本」), newest first in lists. Never changed once written. */
export interface VersionSummary {
  id: number;
  reportId: number;
  label: string;
  author: string;
  /** manual: saved by the clerk; auto: saved by the app before a restore; restore: what a restore produced */
  kind: string;
  /** `fnv1a:…` quick content hash (not the sign-off SHA-256) */
  fingerprint: string;
  createdAt: string;
}

export interface VersionDetail extends VersionSummary {
  snapshot: ReportSnapshot;
}

/** One side of a comparison: a saved version, or the draft as it is now. */
export type VersionSide = { kind: 'version'; version: VersionSummary } | { kind: 'current'; fingerprint: string };

export interface VersionComparison extends SnapshotComparison {
  from: VersionSide;
  to: VersionSide;
  format: ReportData['format'];
}

export interface VersionRestored {
  /** the version holding the content as it was just before the restore (absent when the latest version already held it) */
  before?: VersionSummary;
  /** the new version the restore produced, labelled 「恢复自：…」 */
  restored: VersionSummary;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  dataDir: string;
  dbFile: string;
  /** set when the data cannot be used (damaged, held by another program…): the window shows the fault screen */
  fault?: StoreFaultInfo;
}

/** Why the data cannot be used, and what the clerk can do (electron/store/open.ts). */
export interface StoreFaultInfo {
  kind: 'unwritable' | 'corrupt' | 'newer' | 'locked';
  message: string;
}

/** A backup in the data folder's backups/ (electron/store/backup.ts). */
export interface BackupEntry {
  /** the file name: how a backup is named to the back end */
  name: string;
  kind: 'daily' | 'pre-sign' | 'pre-migration' | 'manual' | 'pre-restore' | 'damaged';
  /** 「每日自动备份」「定稿前的备份」… */
  label: string;
  createdAt: string;
  size: number;
  /** the agencies and report years inside, when the file could be read */
  contents?: { agencies: { name: string; reports: { year: number; state: ReportState }[] }[] };
  /** why the file could not be read */
  problem?: string;
}

export interface BackupList {
  /** the folder the backups are in */
  folder: string;
  /** newest first */
  entries: BackupEntry[];
  /** how many daily backups are kept (the other kinds are all kept) */
  dailyKept: number;
  /** with `checkNewest`: the newest backup that passed the integrity check, offered by the fault screen */
  newestGood?: string;
}

/** 「核对网上公布版」: the published copy against the signed version. */
export interface PublishedCheck {
  /** the signed version compared with (the latest) */
  signed: SignedVersion;
  format: ReportData['format'];
  /** the signed figures, totals included: the tables are drawn with them, the differences marked */
  cells: Record<string, number>;
  comparison: PublishedComparison;
  /** what the importer noted while reading the published copy */
  warnings: string[];
}

/** 「从 Excel 填入表格」: the figures a workbook holds for the open report (nothing is stored by reading them). */
export interface XlsxTables {
  format: ReportData['format'];
  /** cell values to fill in (money in 分); computed totals of the app's own reports left out */
  cells: Record<string, number>;
  /** cells read without confidence */
  uncertain: string[];
  warnings: string[];
}

/** 「导出报送包」: where the package went and what it holds. */
export interface PackageExported {
  delivery: ExportDelivery;
  /** the seal, short: 「3F9A-1C0B-22D4」 */
  seal: string;
  /** 「某某镇人民政府 2024 年报告（第1版定稿，校验码 …）；包含：报告文件、Word 正式版、PDF 正式版」 */
  summary: string;
  state: ReportState;
  /** what could not be included (no browser for the PDF…) */
  warnings: string[];
}

export interface BackupRestored {
  restored: BackupEntry;
  /** the data as it was before the restore, kept as a backup of its own */
  kept?: BackupEntry;
}

export interface SaveAck {
  savedAt: string;
  /** the report's revision after this save (ReportSummary.revision) */
  revision: number;
}

/** A signed version (「定稿」, issue 5): immutable, with the SHA-256 fingerprint of its content. */
export interface SignedVersion {
  versionId: number;
  /** 「第2版定稿」 */
  label: string;
  /** as printed in the footer of signed copies: 「第2版」 */
  footerLabel: string;
  /** `sha256:…` of the signed content (core/report/fingerprint.ts) */
  fingerprint: string;
  /** 「3F9A-1C0B-22D4」: what the header and the footer show */
  short: string;
  author: string;
  createdAt: string;
}

/** What the sign-off panel shows: who signs, what stands in the way, the signed versions. */
export interface SignoffStatus {
  state: ReportState;
  /** the report's sign-off people and dates; names the report lacks come from the agency's last sign-off */
  signoff: Signoff;
  /** the gate on the report as it is now (with last year's report when the store has it) */
  gate: ExportGate;
  /** the latest signed version, when there is one */
  signed?: SignedVersion;
  /** every signed version, newest first */
  signedVersions: SignedVersion[];
}

export interface SignResult {
  summary: ReportSummary;
  signed: SignedVersion;
}

export interface ReopenResult {
  summary: ReportSummary;
  /** the version that keeps the signed content and the reason for changing it */
  version: VersionSummary;
}

/** The print view of a report, served from the app's own origin for the preview frame. */
export interface ExportPreview {
  /** same-origin address of the print view, e.g. `/preview/3f…` (valid for a while, then gone) */
  url: string;
  draft: boolean;
  /** the name an export of these options is offered under, without the extension */
  fileName: string;
  /** the footer note of a final copy: 「第1版　校验码 …」 */
  footerNote?: string;
}

/** The pages of a print view as they will print: the PDF itself, for the preview to draw page by page. */
export interface ExportPages {
  base64: string;
  size: number;
}

/** Where an exported file went. */
export type ExportDelivery =
  /** browser mode and command line: the bytes, for the window to download */
  | { kind: 'download'; fileName: string; mime: string; base64: string; size: number }
  /** desktop: saved where the clerk chose in the save dialog */
  | { kind: 'saved'; fileName: string; path: string; size: number }
  /** the clerk closed the save dialog */
  | { kind: 'cancelled' };

export type PrintOutcome =
  /** browser mode: the window prints this same-origin print view itself (window.print) */
  | { kind: 'in-window'; url: string }
  /** desktop: the system print dialog was shown and the clerk printed */
  | { kind: 'printed' }
  | { kind: 'cancelled' };

/** A published report read for review (issue 7): nothing is stored until `import.confirm`. */
export interface ImportParsed {
  /** origin 'imported': figures as published, totals included */
  report: ReportData;
  /** what the clerk should check, in Chinese */
  warnings: string[];
  /** cells read without confidence (placed by position, or left blank) */
  uncertain: string[];
  detected: ImportDetected;
  /** the source after normalisation, shown beside the tables */
  normalizedText: string;
  /** the rules on the figures as published */
  findings: Finding[];
}

export interface ImportConfirmed {
  summary: ReportSummary;
  agency: AgencyRecord;
  /** an existing report of that year was replaced (the clerk confirmed it) */
  replaced: boolean;
}

/**
 * What the window sends of a file to import. A file larger than maxFileBytes goes as its size and
 * first headBytes only: enough for the importer to refuse it by size or kind, without the
 * transport carrying megabytes (browser mode takes at most 16 MB a request).
 */
export const IMPORT_SEND = { maxFileBytes: 11 * 1024 * 1024, headBytes: 4096 } as const;

// ---------- argument schemas ----------

// plainText (control characters refused) lives in ./plain-text.ts: the county's part of the contract uses it too
const shortText = (max: number) => plainText(max).trim();
const id = z.number().int().positive();

/** Form rules for an agency; messages appear inline under the field. */
export const agencySchema = z
  .object({
    name: shortText(100).min(1, '请填写机关全称'),
    level: z.enum(AGENCY_LEVELS, { message: '请选择机关类型' }),
    region: shortText(100),
    contact: z
      .object({
        address: shortText(200),
        postcode: z.string().trim().regex(/^(\d{6})?$/, '邮政编码应为 6 位数字'),
        phone: z
          .string()
          .trim()
          .regex(/^([0-9０-９()（）+\- ]{5,30})?$/, '电话号码格式不对，例如 0731-83000000'),
        email: z
          .string()
          .trim()
          .regex(/^([^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+)?$/u, '电子邮箱格式不对，例如 gkb@example.gov.cn'),
      })
      .strict(),
    website: shortText(300),
  })
  .strict();

const cellValue = z.number().int().min(-999_999_999_999_9).max(999_999_999_999_9).nullable();
const cellId = z.string().regex(/^t[234]\.[a-z0-9_]+\.[a-z_]+$/, '单元格编号不对');

const none = z.object({}).strict();

const isoDate = z.string().trim().regex(/^(\d{4}-\d{2}-\d{2})?$/, '日期格式应为 2025-01-20');
/** 编制人、审核人、签发人 with their dates, and the 落款 date (ISO yyyy-mm-dd; empty: not yet). */
const signoffSchema = z
  .object({
    preparer: shortText(40),
    preparerDate: isoDate.optional(),
    reviewer: shortText(40),
    reviewerDate: isoDate.optional(),
    approver: shortText(40),
    approverDate: isoDate.optional(),
    date: isoDate.optional(),
  })
  .strict();

/** What to print or export: the report as it is now or one of its versions, draft or final, and how. */
const exportOptions = z
  .object({
    reportId: id,
    /** a saved version; left out: the report as it is now (draft) or its latest signed version (final) */
    versionId: id.optional(),
    /** a draft carries the 「草稿」 watermark and is always allowed; a final copy must be a signed version */
    draft: z.boolean(),
    /** append the 审批单 page */
    approvalSheet: z.boolean().optional(),
    /** print version and short fingerprint in the footer (copies kept in the office; the website copy has the page number only) */
    footerFingerprint: z.boolean().optional(),
    /** fixed line spacing of the body text in points (GB/T 9704 guides: 28) */
    lineSpacingPt: z.number().min(20).max(40).optional(),
  })
  .strict();

const importSource = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('text'),
      text: z.string().max(IMPORT_LIMITS.maxTextChars),
      /** the clipboard's text/html, when the paste had it: it keeps the tables' cells apart */
      html: z.string().max(IMPORT_LIMITS.maxTextChars * 2).optional(),
      /** set when the window held back a paste too long to send: its length in characters */
      length: z.number().int().min(0).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('file'),
      name: z.string().max(500),
      size: z.number().int().min(0),
      /** the whole file, or only its first IMPORT_SEND.headBytes when it is larger than IMPORT_SEND.maxFileBytes */
      base64: z.string().max(Math.ceil(IMPORT_SEND.maxFileBytes / 3) * 4),
    })
    .strict(),
]);

const SECTION_IDS = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;

/** A backup is named by its file name in backups/, never by a path. */
const backupName = z.string().regex(/^nianbao-[0-9-]+-[a-z-]+\.db$/, '备份文件名不对');
const ackReason = plainText(2000, { lines: true }).trim().min(1, '请写明接受这条提醒的理由');
/** a finding's key (core/rules findingKey): the back end stores it only for a finding the report has */
const ackKey = plainText(8000).min(1);
const proseText = plainText(2_000_000, { lines: true });
const noteText = plainText(2000, { lines: true });

/**
 * One change to an open report, as the window's save queue sends it (renderer/report/state): a
 * figure, a prose part, a cell's note, a warning accepted (reason) or withdrawn (null), a carried
 * year or figure confirmed as still right. A save holds any mix of them and is stored whole.
 */
const reportEdit = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cell'), cellId, value: cellValue }).strict(),
  z.object({ kind: z.literal('section'), key: z.enum(PROSE_KEYS), text: proseText }).strict(),
  z.object({ kind: z.literal('note'), cellId, note: noteText.trim() }).strict(),
  z.object({ kind: z.literal('ack'), key: ackKey, reason: ackReason.nullable() }).strict(),
  z.object({ kind: z.literal('confirm'), key: z.enum(PROSE_KEYS), mention: plainText(100).min(1) }).strict(),
  // 表三/表四: the source and who confirmed it; null clears
  z
    .object({
      kind: z.literal('table-confirmation'),
      table: z.enum(['t3', 't4']),
      value: z
        .object({
          source: plainText(200).trim(),
          confirmer: plainText(100).trim(),
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期请写成 年-月-日').optional(),
          noneConfirmed: z.boolean().optional(),
        })
        .strict()
        .nullable(),
    })
    .strict(),
]);

export type ReportEdit = z.infer<typeof reportEdit>;

/** A report read from a published one, as the clerk corrected it on the review screen. */
const importedReportSchema = z
  .object({
    format: z.enum(['2021', '2019', 'free']),
    year: z.number().int().min(2008, '请填写报告年度').max(2100),
    cells: z.record(cellId, cellValue.unwrap()),
    sections: z.partialRecord(z.enum([...PROSE_KEYS, 's2', 's3', 's4']), proseText),
    notes: z.record(cellId, noteText),
    publishedTitles: z.partialRecord(z.enum(SECTION_IDS), plainText(200)).optional(),
    signoff: signoffSchema.optional(),
  })
  .strict();

export const apiSchemas = {
  'app.info': none,
  'agency.list': none,
  'agency.create': z.object({ agency: agencySchema }).strict(),
  'agency.update': z.object({ id, agency: agencySchema }).strict(),
  /** the publication deadline local rules set an agency (rule G-3); '' when the statutory one applies */
  'agency.deadline': z.object({ agencyId: id }).strict(),
  'agency.deadline.save': z
    .object({
      agencyId: id,
      deadline: z
        .string()
        .trim()
        .max(20)
        .refine((t) => t === '' || parseDeadline(t) !== null, '发布期限请写成 月-日，例如 1-20；不填就按条例规定的期限'),
    })
    .strict(),
  'report.list': z.object({ agencyId: id }).strict(),
  'report.create': z
    .object({
      agencyId: id,
      year: z.number().int().min(2008).max(2100),
      /** start from last year's report in the store */
      carry: z.boolean().optional(),
      /** no report for last year in the store: its 四、结转下年度 row and 现行有效件数 typed in by hand */
      lastYearFigures: z.record(cellId, z.number().int().min(0).max(999_999_999)).optional(),
    })
    .strict(),
  'report.carryPreview': z.object({ agencyId: id, year: z.number().int().min(2008).max(2100) }).strict(),
  'report.open': z.object({ reportId: id }).strict(),
  'report.delete': z.object({ reportId: id, confirm: z.literal(true) }).strict(),
  /** the window's one way to save its edits: any mix of them, stored in one transaction */
  'report.save': z
    .object({
      reportId: id,
      edits: z.array(reportEdit).min(1).max(2000),
      /** the revision the window holds: the save is refused ('stale') when the store has moved past it */
      baseRevision: z.number().int().min(0).optional(),
    })
    .strict(),
  'cells.set': z
    .object({
      reportId: id,
      changes: z.array(z.object({ cellId, value: cellValue }).strict()).min(1).max(2000),
    })
    .strict(),
  'section.set': z
    .object({ reportId: id, key: z.enum(PROSE_KEYS), text: proseText })
    .strict(),
  'ack.set': z.object({ reportId: id, key: ackKey, reason: ackReason }).strict(),
  'ack.clear': z.object({ reportId: id, key: ackKey }).strict(),
  'cell.note': z.object({ reportId: id, cellId, note: noteText.trim() }).strict(),
  'carry.confirm': z.object({ reportId: id, key: z.enum(PROSE_KEYS), mention: plainText(100).min(1) }).strict(),
  'version.list': z.object({ reportId: id }).strict(),
  'version.create': z
    .object({ reportId: id, label: shortText(60).min(1, '请给这个版本起个名字，例如「初稿」「送审稿」'), author: shortText(40) })
    .strict(),
  'version.get': z.object({ reportId: id, versionId: id }).strict(),
  'version.compare': z
    .object({ reportId: id, from: z.union([id, z.literal('current')]), to: z.union([id, z.literal('current')]) })
    .strict(),
  'version.restore': z.object({ reportId: id, versionId: id, author: shortText(40) }).strict(),
  'signoff.status': z.object({ reportId: id }).strict(),
  'signoff.save': z.object({ reportId: id, signoff: signoffSchema }).strict(),
  'report.sign': z
    .object({
      reportId: id,
      signoff: signoffSchema,
      /** the clerk has looked at the warnings the gate listed and confirms the figures */
      confirmWarnings: z.boolean(),
      author: shortText(40),
    })
    .strict(),
  'report.reopen': z
    .object({ reportId: id, reason: shortText(500).min(1, '请写明修改定稿的理由'), author: shortText(40) })
    .strict(),
  'export.preview': exportOptions,
  'export.pages': exportOptions,
  /** xlsx: the three tables (issue 14) */
  'export.file': exportOptions.extend({ format: z.enum(['docx', 'pdf', 'xlsx']) }).strict(),
  'export.print': exportOptions,
  'export.prewarm': none,
  'import.parse': z.object({ source: importSource }).strict(),
  'import.confirm': z
    .object({
      report: importedReportSchema,
      /** the current agency, or a new one made from the name and level the report gives */
      target: z.union([z.object({ agencyId: id }).strict(), z.object({ newAgency: agencySchema }).strict()]),
      /** replace the report of that year the agency already has (asked of the clerk first) */
      replace: z.literal(true).optional(),
    })
    .strict(),
  'package.export': z.object({ reportId: id }).strict(),
  'published.compare': z.object({ reportId: id, source: importSource }).strict(),
  'xlsx.read': z.object({ reportId: id, source: importSource.options[1] }).strict(),
  'backup.list': z.object({ checkNewest: z.boolean().optional() }).strict(),
  'backup.create': none,
  'backup.restore': z.object({ name: backupName, confirm: z.literal(true) }).strict(),
  'backup.save': z.object({ name: backupName }).strict(),
  ...countySchemas,
} as const;

export type Method = keyof typeof apiSchemas;
export const METHODS = Object.keys(apiSchemas) as Method[];

export type Args<M extends Method> = z.infer<(typeof apiSchemas)[M]>;

export interface Results extends CountyResults {
  'app.info': AppInfo;
  'agency.list': AgencyRecord[];
  'agency.create': AgencyRecord;
  'agency.update': AgencyRecord;
  'agency.deadline': AgencyDeadline;
  'agency.deadline.save': AgencyDeadline;
  'report.list': ReportSummary[];
  'report.create': ReportSummary;
  'report.carryPreview': CarryPreview;
  'report.open': ReportDetail;
  'report.delete': { deleted: true };
  'report.save': SaveAck;
  'cells.set': SaveAck;
  'section.set': SaveAck;
  'ack.set': SaveAck;
  'ack.clear': SaveAck;
  'cell.note': SaveAck;
  'carry.confirm': SaveAck;
  'version.list': VersionSummary[];
  'version.create': VersionSummary;
  'version.get': VersionDetail;
  'version.compare': VersionComparison;
  'version.restore': VersionRestored;
  'signoff.status': SignoffStatus;
  'signoff.save': SaveAck;
  'report.sign': SignResult;
  'report.reopen': ReopenResult;
  'export.preview': ExportPreview;
  'export.pages': ExportPages;
  'export.file': ExportDelivery;
  'export.print': PrintOutcome;
  'export.prewarm': { started: boolean };
  'import.parse': ImportParsed;
  'import.confirm': ImportConfirmed;
  'package.export': PackageExported;
  'published.compare': PublishedCheck;
  'xlsx.read': XlsxTables;
  'backup.list': BackupList;
  'backup.create': BackupEntry;
  'backup.restore': BackupRestored;
  'backup.save': ExportDelivery;
}

export type Result<M extends Method> = Results[M];

/** What a host implements: one function per method, given checked arguments. */
export type Handlers = { [M in Method]: (args: Args<M>) => Result<M> | Promise<Result<M>> };

/** Thrown by services; turned into the error envelope by `dispatch`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `「${issue.path.join('.')}」` : '';
  if (issue.code === 'unrecognized_keys') return `多余的参数：${issue.keys.join('、')}`;
  if (issue.code === 'invalid_type') return `参数${where}缺失或类型不对`;
  return `${where}${issue.message}`;
}

/** Checks a call's argument against the contract. Never throws. */
export function checkArgs<M extends Method>(method: M, raw: unknown): Envelope<Args<M>> {
  const schema = apiSchemas[method];
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as Args<M> };
  const details = parsed.error.issues.slice(0, 3).map(describeIssue).join('；');
  return { ok: false, error: { code: 'invalid_args', message: `请求参数不正确：${details}` } };
}

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name);
}

/**
 * The single entry every host uses: unknown methods and bad arguments are refused before a
 * service is called, and every failure comes back as the envelope, never as a thrown error.
 */
export async function dispatch(handlers: Handlers, method: string, raw: unknown): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `没有这个功能：${method}` } };
  }
  const args = checkArgs(method, raw);
  if (!args.ok) return args;
  try {
    const handler = handlers[method] as (a: unknown) => unknown;
    return { ok: true, value: await handler(args.value) };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
    return {
      ok: false,
      error: { code: 'internal', message: `操作没有完成：${err instanceof Error ? err.message : String(err)}。已保存的内容不受影响。` },
    };
  }
}
