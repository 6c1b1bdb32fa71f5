import { sectionHeading, SECTIONS } from '../format/index.js';
import { classify, CLASS_LABELS, type Finding } from '../rules/index.js';

/**
 * The gate in front of 「定稿」 and of final copies (printed or exported). The same function
 * decides in the back end, which refuses, and in the window, which lists what is in the way.
 * It reads the one classification of findings (core/rules/classify.ts):
 *
 * - blocking: what must be corrected (必须改正): every error, blank cells and 「/」.
 * - unconfirmed: what is to be checked (需核对) and not yet accepted with a reason. It does not
 *   block, but signing lists it and asks the clerk to confirm that it was looked at.
 * - accepted: warnings and hints accepted with a reason (shown, nothing to do).
 *
 * Hints and guidance (提示, 说明) never stand in the way.
 */
export interface ExportGate {
  blocking: Finding[];
  unconfirmed: Finding[];
  accepted: Finding[];
}

export function exportGate(findings: readonly Finding[], acceptedKeys: ReadonlySet<string>): ExportGate {
  const c = classify(findings, acceptedKeys);
  return { blocking: c.must, unconfirmed: c.check, accepted: c.accepted };
}

const HEADINGS = new Map(SECTIONS.map((s) => [s.key, sectionHeading(s)]));

/** How many findings a refusal names before it says how many more there are. */
const LISTED = 8;

/** One finding as a line of a message: 「〔表三 A-3〕…」 */
export function findingLine(f: Finding): string {
  return `〔${HEADINGS.get(f.section) ?? f.section} ${f.ruleId}〕${f.message}`;
}

/**
 * The refusal a clerk reads when the gate is closed: what was refused, then the findings, one a
 * line, numbered. `what` names the action, e.g. 「定稿」 or 「导出正式版」.
 */
export function gateRefusal(gate: ExportGate, what: string): string {
  const items = gate.blocking;
  const lines = items.slice(0, LISTED).map((f, i) => `${i + 1}. ${findingLine(f)}`);
  if (items.length > LISTED) lines.push(`……另有 ${items.length - LISTED} 个问题，请在「检查结果」中查看`);
  return [`还有 ${items.length} 个${CLASS_LABELS.must}的问题，不能${what}。请先改正：`, ...lines].join('\n');
}
