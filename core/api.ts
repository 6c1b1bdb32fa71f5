import { z } from 'zod';
import { AGENCY_LEVELS, PROSE_KEYS, type Agency, type ReportData } from './report/model.js';
import type { ReportSnapshot, SnapshotComparison } from './report/versions.js';

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
  | 'refused'
  | 'storage'
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
  /** how many cells hold a value */
  filledCells: number;
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
}

export interface SaveAck {
  savedAt: string;
}

// ---------- argument schemas ----------

const shortText = (max: number) => z.string().trim().max(max);
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
          .regex(/^([^\s@]+@[^\s@]+\.[^\s@]+)?$/, '电子邮箱格式不对，例如 gkb@example.gov.cn'),
      })
      .strict(),
    website: shortText(300),
  })
  .strict();

const cellValue = z.number().int().min(-999_999_999_999_9).max(999_999_999_999_9).nullable();
const cellId = z.string().regex(/^t[234]\.[a-z0-9_]+\.[a-z_]+$/, '单元格编号不对');

const none = z.object({}).strict();

export const apiSchemas = {
  'app.info': none,
  'agency.list': none,
  'agency.create': z.object({ agency: agencySchema }).strict(),
  'agency.update': z.object({ id, agency: agencySchema }).strict(),
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
  'cells.set': z
    .object({
      reportId: id,
      changes: z.array(z.object({ cellId, value: cellValue }).strict()).min(1).max(2000),
    })
    .strict(),
  'section.set': z
    .object({ reportId: id, key: z.enum(PROSE_KEYS), text: z.string().max(2_000_000) })
    .strict(),
  'ack.set': z
    .object({ reportId: id, key: z.string().min(1).max(500), reason: z.string().trim().min(1, '请写明接受这条提醒的理由').max(2000) })
    .strict(),
  'ack.clear': z.object({ reportId: id, key: z.string().min(1).max(500) }).strict(),
  'cell.note': z.object({ reportId: id, cellId, note: z.string().trim().max(2000) }).strict(),
  'carry.confirm': z.object({ reportId: id, key: z.enum(PROSE_KEYS), mention: z.string().min(1).max(100) }).strict(),
  'version.list': z.object({ reportId: id }).strict(),
  'version.create': z
    .object({ reportId: id, label: shortText(60).min(1, '请给这个版本起个名字，例如「初稿」「送审稿」'), author: shortText(40) })
    .strict(),
  'version.get': z.object({ reportId: id, versionId: id }).strict(),
  'version.compare': z
    .object({ reportId: id, from: z.union([id, z.literal('current')]), to: z.union([id, z.literal('current')]) })
    .strict(),
  'version.restore': z.object({ reportId: id, versionId: id, author: shortText(40) }).strict(),
} as const;

export type Method = keyof typeof apiSchemas;
export const METHODS = Object.keys(apiSchemas) as Method[];

export type Args<M extends Method> = z.infer<(typeof apiSchemas)[M]>;

export interface Results {
  'app.info': AppInfo;
  'agency.list': AgencyRecord[];
  'agency.create': AgencyRecord;
  'agency.update': AgencyRecord;
  'report.list': ReportSummary[];
  'report.create': ReportSummary;
  'report.carryPreview': CarryPreview;
  'report.open': ReportDetail;
  'report.delete': { deleted: true };
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
