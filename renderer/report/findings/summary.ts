import type { Acknowledgement } from '../../../core/api.js';
import type { SectionKey } from '../../../core/format/index.js';
import { classOf, type Finding, type Severity } from '../../../core/rules/index.js';

/**
 * What the window derives from the rule findings: the key an acceptance is stored under, which
 * findings still need attention, counts per section for the sidebar and the mark on each cell.
 */

/** The key an accepted warning is stored under (core: the back end's export gate reads the same keys). */
export { findingKey } from '../../../core/rules/index.js';
import { canAccept, findingKey } from '../../../core/rules/index.js';

/** 需核对 and 提示 can be accepted with a reason; 必须改正 must be corrected, guidance needs nothing (core's one classification). */
export { canAccept } from '../../../core/rules/index.js';

export function isAccepted(f: Finding, acks: ReadonlyMap<string, Acknowledgement>): boolean {
  return canAccept(f) && acks.has(findingKey(f));
}

/** Findings that still ask something of the clerk: not guidance, not accepted. */
export function isOpen(f: Finding, acks: ReadonlyMap<string, Acknowledgement>): boolean {
  return f.severity !== 'info' && !isAccepted(f, acks);
}

export interface SectionCount {
  /** 必须改正 */
  must: number;
  /** 需核对 and 提示 */
  check: number;
}

export function countsBySection(findings: readonly Finding[], acks: ReadonlyMap<string, Acknowledgement>): Map<SectionKey, SectionCount> {
  const out = new Map<SectionKey, SectionCount>();
  for (const f of findings) {
    if (!isOpen(f, acks)) continue;
    const count = out.get(f.section) ?? { must: 0, check: 0 };
    if (classOf(f) === 'must') count.must += 1;
    else count.check += 1;
    out.set(f.section, count);
  }
  return out;
}

export type CellMark = 'error' | 'warning';

const RANK: Record<Severity, number> = { error: 3, warning: 2, hint: 1, info: 0 };

/**
 * Findings that do not mark their cells: D-4 lists every blank cell, and blank cells already have
 * a look of their own; framing a whole empty table in amber would hide the marks that matter.
 */
const UNMARKED_RULES = new Set(['D-4']);

/** The worst open finding on each cell: red for an error, amber for a warning or hint. */
export function cellMarks(findings: readonly Finding[], acks: ReadonlyMap<string, Acknowledgement>): Map<string, { mark: CellMark; messages: string[] }> {
  const worst = new Map<string, { rank: number; messages: string[] }>();
  for (const f of findings) {
    if (!isOpen(f, acks) || UNMARKED_RULES.has(f.ruleId)) continue;
    for (const id of f.cells) {
      const entry = worst.get(id) ?? { rank: 0, messages: [] };
      entry.rank = Math.max(entry.rank, RANK[f.severity]);
      entry.messages.push(f.message);
      worst.set(id, entry);
    }
  }
  const out = new Map<string, { mark: CellMark; messages: string[] }>();
  for (const [id, { rank, messages }] of worst) out.set(id, { mark: rank === RANK.error ? 'error' : 'warning', messages });
  return out;
}
