import { findingKey } from './finding-key.js';
import type { Finding, Severity } from './types.js';

/**
 * The one classification of findings, read by the findings panel, the 定稿 gate, the print
 * preview and `nianbao check`, so that all of them count and word a report's problems alike.
 *
 * - must (必须改正): every error, and the rules whose findings cannot be accepted although the
 *   spec rates them a warning: a final copy has no blank cells (D-4; a 「/」 is refused at the
 *   cell, and read as a blank from a published report). These block 定稿 and final copies.
 * - check (需核对): warnings. Each is corrected, or accepted with a written reason; signing lists
 *   those still open and asks the clerk to confirm they were looked at.
 * - hint (提示): worth a look, often fine; can be accepted too; never in the way.
 * - info (说明): guidance the format asks the clerk to keep in mind; nothing to do.
 */
export type FindingClass = 'must' | 'check' | 'hint' | 'info';

export const CLASS_ORDER: readonly FindingClass[] = ['must', 'check', 'hint', 'info'];

/** What each class is called, everywhere: panel, gate, print preview, command line. */
export const CLASS_LABELS: Readonly<Record<FindingClass, string>> = {
  must: '必须改正',
  check: '需核对',
  hint: '提示',
  info: '说明',
};

/** Rules whose findings block 定稿 although their severity is 「警告」: a blank cannot be accepted. */
export const BLOCKING_RULES: ReadonlySet<string> = new Set(['D-4']);

export function classOf(f: Pick<Finding, 'ruleId' | 'severity'>): FindingClass {
  if (f.severity === 'error' || BLOCKING_RULES.has(f.ruleId)) return 'must';
  const bySeverity: Record<Exclude<Severity, 'error'>, FindingClass> = { warning: 'check', hint: 'hint', info: 'info' };
  return bySeverity[f.severity];
}

/** Whether a finding blocks 定稿 and final copies. */
export function blocks(f: Pick<Finding, 'ruleId' | 'severity'>): boolean {
  return classOf(f) === 'must';
}

/** Whether a finding can be accepted with a reason instead of corrected. */
export function acceptable(f: Pick<Finding, 'ruleId' | 'severity'>): boolean {
  const c = classOf(f);
  return c === 'check' || c === 'hint';
}

export interface Classified {
  must: Finding[];
  check: Finding[];
  hint: Finding[];
  info: Finding[];
  /** warnings and hints accepted with a reason: shown, counted nowhere else */
  accepted: Finding[];
}

/** Sorts findings into the classes; an accepted warning or hint goes to `accepted` instead. */
export function classify(findings: readonly Finding[], acceptedKeys: ReadonlySet<string> = new Set()): Classified {
  const out: Classified = { must: [], check: [], hint: [], info: [], accepted: [] };
  for (const f of findings) {
    const c = classOf(f);
    if (acceptable(f) && acceptedKeys.has(findingKey(f))) out.accepted.push(f);
    else out[c].push(f);
  }
  return out;
}

/**
 * 「2 个必须改正，8 个需核对，1 个提示」 — the one summary of what is open; guidance is not
 * counted. 「没有需要处理的问题」 when nothing is open.
 */
export function summaryText(c: Pick<Classified, 'must' | 'check' | 'hint'>): string {
  const parts = (['must', 'check', 'hint'] as const).filter((k) => c[k].length).map((k) => `${c[k].length} 个${CLASS_LABELS[k]}`);
  return parts.length ? parts.join('，') : '没有需要处理的问题';
}
