import { DEADLINES } from '../rules/document.js';
import type { AgencyLevel } from '../report/model.js';

/**
 * Where a unit's report stands for the county (the status board): not in yet, in as a draft,
 * in with errors, signed, published (with its address and date), or sent back. And the
 * publication deadline for its level: the statutory ones of 条例 第四十九条 (departments by 31
 * January, governments by 31 March), and for townships and street offices the county's own date
 * (the 条例 sets none for them; spec §4.2).
 */

export const UNIT_STATES = ['missing', 'draft', 'errors', 'signed', 'published', 'returned'] as const;
export type UnitState = (typeof UNIT_STATES)[number];

export const UNIT_STATE_LABELS: Readonly<Record<UnitState, string>> = {
  missing: '未收到',
  draft: '已收到草稿',
  errors: '有错误',
  signed: '已定稿',
  published: '已公布',
  returned: '已退回',
};

/** What the county knows of one unit's report of the year. */
export interface Received {
  /** a paper copy 「纸质已收」 is signed and sealed: it counts as signed */
  state: 'draft' | 'signed';
  receivedAt: string;
  errors: number;
  /** ISO date the unit published it, when known */
  publishedOn?: string;
  /** when the county last sent it back; a report received after that is the answer */
  returnedAt?: string;
}

export function unitState(r: Received | undefined): UnitState {
  if (!r) return 'missing';
  if (r.returnedAt && r.returnedAt >= r.receivedAt) return 'returned';
  if (r.errors > 0) return 'errors';
  if (r.publishedOn) return 'published';
  return r.state === 'signed' ? 'signed' : 'draft';
}

/** The county's own deadline for townships and street offices, month and day (default 31 January). */
export type LocalDeadline = readonly [month: number, day: number];
export const DEFAULT_LOCAL_DEADLINE: LocalDeadline = [1, 31];

/** The last day a unit of this level may publish its report of `year`, as an ISO date. */
export function deadlineFor(level: AgencyLevel, year: number, local: LocalDeadline = DEFAULT_LOCAL_DEADLINE): string {
  const [m, d] = DEADLINES[level] ?? local;
  return `${year + 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Published on or before the deadline. */
export function onTime(publishedOn: string | undefined, deadline: string): boolean {
  return publishedOn !== undefined && publishedOn <= deadline;
}

/** 按时公布率: the units that must report and published on time, over the units that must report. */
export function onTimeRate(rows: readonly { mustReport: boolean; publishedOn?: string; deadline: string }[]): { onTime: number; of: number; rate: number } {
  const must = rows.filter((r) => r.mustReport);
  const ok = must.filter((r) => onTime(r.publishedOn, r.deadline)).length;
  return { onTime: ok, of: must.length, rate: must.length ? ok / must.length : 1 };
}
