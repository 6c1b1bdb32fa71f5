import { sectionHeading, SECTIONS } from '../format/index.js';
import { findingKey, type Finding } from '../rules/index.js';

/**
 * The gate in front of 「定稿」 and of final copies (printed or exported). The same function
 * decides in the back end, which refuses, and in the window, which lists what is in the way.
 *
 * - blocking: every error, and the blank cells (D-4): a final document has no blanks, and a
 *   blank cannot be "accepted" — it is filled with 0 or with the figure.
 * - unconfirmed: warnings the clerk has not accepted with a reason. They do not block, but
 *   signing lists them and asks the clerk to confirm that they were looked at.
 * - accepted: warnings accepted with a reason (shown, nothing to do).
 *
 * Hints and guidance (severity hint / info) never stand in the way.
 */
export interface ExportGate {
  blocking: Finding[];
  unconfirmed: Finding[];
  accepted: Finding[];
}

/** Rules whose findings block even though their severity is 「警告」. */
const BLOCKING_WARNINGS = new Set(['D-4']);

export function exportGate(findings: readonly Finding[], acceptedKeys: ReadonlySet<string>): ExportGate {
  const gate: ExportGate = { blocking: [], unconfirmed: [], accepted: [] };
  for (const f of findings) {
    if (f.severity === 'error' || BLOCKING_WARNINGS.has(f.ruleId)) gate.blocking.push(f);
    else if (f.severity === 'warning') (acceptedKeys.has(findingKey(f)) ? gate.accepted : gate.unconfirmed).push(f);
  }
  return gate;
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
  return [`还有 ${items.length} 个必须改正的问题，不能${what}。请先改正：`, ...lines].join('\n');
}
