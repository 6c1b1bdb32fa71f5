import { z } from 'zod';
import { plainText } from './plain-text.js';
import { AGENCY_LEVELS, type AgencyLevel, type ReportData } from './report/model.js';
import type { CommentThread } from './package/comments.js';
import type { CrossFinding, CopyPair, SplitKey, UnitState } from './rollup/index.js';
import type { Finding } from './rules/types.js';

/**
 * The county workspace's part of the contract (issue 15): units, collecting their reports,
 * the status board, the checks across units, the roll-up and its outputs, sending a report back
 * with remarks — and, on the unit's side, the remarks of a review package and their answers.
 * core/api.ts merges these into the one contract.
 */

const id = z.number().int().positive();
const year = z.number().int().min(2008).max(2100);
const text = (max: number) => plainText(max).trim();
const isoDate = z.string().trim().regex(/^(\d{4}-\d{2}-\d{2})?$/, '日期格式应为 2025-01-20');
const cellId = z.string().regex(/^t[234]\.[a-z0-9_]+\.[a-z_]+$/, '单元格编号不对');

/** A file the window sends (as 「导入」 does): name, size and the bytes. */
const fileSource = z
  .object({ name: plainText(500), size: z.number().int().min(0), base64: z.string().max(Math.ceil((24 * 1024 * 1024) / 3) * 4) })
  .strict();

export const unitSchema = z
  .object({
    name: text(100).min(1, '请填写单位全称'),
    level: z.enum(AGENCY_LEVELS, { message: '请选择单位类型' }),
    parentId: id.optional(),
    code: text(60),
    mustReport: z.boolean(),
    contact: text(200),
  })
  .strict();

const remarkTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report') }).strict(),
  z.object({ kind: z.literal('section'), key: z.enum(['s1', 's2', 's3', 's4', 's5', 's6', 'intro', 'note_t2', 'note_t3', 'note_t4']) }).strict(),
  z.object({ kind: z.literal('cell'), cellId }).strict(),
]);

export const countySchemas = {
  'county.settings': z.object({}).strict(),
  'county.settings.save': z
    .object({
      name: text(100).min(1, '请填写本级名称，例如「某某县」'),
      /** 乡镇、街道的发布期限 (月-日)：条例没有规定，由本级定 */
      townshipDeadline: z.string().trim().regex(/^(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])$/, '期限写成「月-日」，例如 1-31'),
      /** an inbox folder read on demand (a USB stick, a shared folder); empty: none */
      inbox: text(500),
    })
    .strict(),
  'county.units': z.object({}).strict(),
  'county.unit.save': z.object({ id: id.optional(), unit: unitSchema }).strict(),
  'county.unit.remove': z.object({ id, confirm: z.literal(true) }).strict(),
  'county.roster.import': z.object({ file: fileSource }).strict(),
  'county.collect': z.object({ year, files: z.array(fileSource).min(1).max(100) }).strict(),
  'county.inbox': z.object({ year }).strict(),
  'county.paper': z
    .object({
      unitId: id,
      year,
      /** the figures typed from the paper copy (money in 分); totals are computed */
      cells: z.record(cellId, z.number().int().min(-999_999_999_999).max(999_999_999_999)),
      receivedOn: isoDate,
    })
    .strict(),
  'county.board': z.object({ year }).strict(),
  'county.checks': z.object({ year }).strict(),
  'county.published': z.object({ collectedId: id, publishedOn: isoDate, publishedUrl: text(500) }).strict(),
  'county.open': z.object({ collectedId: id }).strict(),
  'county.rollup': z.object({ year, unitIds: z.array(id).max(5000).optional() }).strict(),
  'county.export': z
    .object({
      year,
      what: z.enum(['rollup-docx', 'rollup-pdf', 'rollup-xlsx', 'note-docx', 'issues-xlsx', 'units-pdf']),
      unitIds: z.array(id).max(5000).optional(),
    })
    .strict(),
  'county.sendBack': z
    .object({
      collectedId: id,
      author: text(100),
      remarks: z.array(z.object({ target: remarkTarget, text: plainText(4000, { lines: true }).trim().min(1, '请写出意见') }).strict()).min(1, '请至少写一条意见').max(200),
    })
    .strict(),
  'county.resolve': z.object({ collectedId: id, commentId: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict(),
  /** the unit's side: a review package of the county opened for one of its reports */
  'review.open': z.object({ reportId: id, file: fileSource }).strict(),
  'review.answer': z.object({ reportId: id, commentId: z.string().regex(/^[a-z0-9-]{1,40}$/), text: plainText(4000, { lines: true }).trim().min(1, '请写出答复'), author: text(100) }).strict(),
} as const;

export interface CountySettings {
  name: string;
  townshipDeadline: string;
  inbox: string;
}

export interface UnitRecord {
  id: number;
  name: string;
  level: AgencyLevel;
  parentId?: number;
  code: string;
  mustReport: boolean;
  contact: string;
}

export interface RosterImported {
  added: number;
  updated: number;
  /** rows not taken, with why */
  problems: string[];
}

/** What became of one file given to 「收取」. */
export interface CollectOutcome {
  fileName: string;
  ok: boolean;
  /** the unit it was filed under */
  unitName?: string;
  year?: number;
  /** a unit the roster did not have, added from what the report says */
  learned?: boolean;
  /** answers to the county's remarks came with it */
  answers?: number;
  /** in Chinese: what was done, or why it was refused */
  message: string;
}

export interface BoardRow {
  unit: UnitRecord;
  parentName?: string;
  state: UnitState;
  /** 「未收到」… */
  stateLabel: string;
  collectedId?: number;
  source?: 'package' | 'import' | 'paper';
  receivedAt?: string;
  errors: number;
  warnings: number;
  publishedOn?: string;
  publishedUrl?: string;
  /** the last day it may be published, for its level */
  deadline: string;
  onTime: boolean;
  /** the county's remarks: how many, how many answered, how many still open */
  remarks?: { total: number; answered: number; open: number };
}

export interface Board {
  year: number;
  county: CountySettings;
  rows: BoardRow[];
  onTime: { onTime: number; of: number; rate: number };
  counts: Partial<Record<UnitState, number>>;
}

export interface CountyChecks {
  year: number;
  /** parent ≠ Σ units, units far from their peers, copied text */
  findings: CrossFinding[];
  copies: (CopyPair & { aName: string; bName: string; sectionLabel: string })[];
}

export interface RollupResult {
  year: number;
  format: '2021' | '2019';
  title: string;
  /** the roll-up as a report (figures as summed, so that the table rules see its totals) */
  report: ReportData;
  splits: Record<SplitKey, Record<string, number>>;
  splitUnits: Record<SplitKey, number>;
  included: { id: number; name: string }[];
  skipped: { id: number; name: string; reason: string }[];
  /** the units that must report and have not */
  missing: string[];
  findings: Finding[];
  rates: { id: string; label: string; formula: string; meaning: string; numerator: number; denominator: number; ratio: number | null; shown: string }[];
}

/** The unit's side: the county's remarks on one of its reports. */
export interface ReviewState {
  from: string;
  createdAt: string;
  thread: CommentThread;
}

export interface CountyResults {
  'county.settings': CountySettings;
  'county.settings.save': CountySettings;
  'county.units': UnitRecord[];
  'county.unit.save': UnitRecord;
  'county.unit.remove': { removed: true };
  'county.roster.import': RosterImported;
  'county.collect': CollectOutcome[];
  'county.inbox': { folder: string; outcomes: CollectOutcome[] };
  'county.paper': CollectOutcome;
  'county.board': Board;
  'county.checks': CountyChecks;
  'county.published': { saved: true };
  'county.open': import('./api.js').ReportDetail;
  'county.rollup': RollupResult;
  'county.export': import('./api.js').ExportDelivery;
  'county.sendBack': { delivery: import('./api.js').ExportDelivery; seal: string; remarks: number };
  'county.resolve': CommentThread;
  'review.open': ReviewState;
  'review.answer': ReviewState;
}
