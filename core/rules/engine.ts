import { SECTIONS } from '../format/index.js';
import type { ReportData } from '../report/index.js';
import { APPLICATION_RULES } from './applications.js';
import { buildContext, type CheckOptions } from './context.js';
import { CARRIED_RULES } from './carried.js';
import { CROSS_YEAR_RULES } from './cross-year.js';
import { DOCUMENT_RULES } from './document.js';
import { DOMAIN_RULES } from './domain.js';
import { LITIGATION_RULES } from './litigation.js';
import { NARRATIVE_RULES } from './narrative.js';
import { PUBLICATION_RULES } from './publication.js';
import { REVIEW_RULES } from './review.js';
import type { Finding, RuleDef, RuleScope, Severity } from './types.js';

/** Every rule, grouped as spec §3 lists them. */
export const RULE_DEFS: readonly RuleDef[] = [
  ...DOMAIN_RULES,
  ...APPLICATION_RULES,
  ...LITIGATION_RULES,
  ...PUBLICATION_RULES,
  ...CROSS_YEAR_RULES,
  ...CARRIED_RULES,
  ...DOCUMENT_RULES,
  ...NARRATIVE_RULES,
  ...REVIEW_RULES,
];

export interface RuleInfo {
  id: string;
  severity: Severity;
  title: string;
  scope: RuleScope;
}

/** The rules as plain data, for the UI's list of checks. */
export const RULES: readonly RuleInfo[] = RULE_DEFS.map(({ id, severity, title, scope }) => ({ id, severity, title, scope }));

const SECTION_ORDER = new Map(SECTIONS.map((s, i) => [s.key, i]));

/** 「A-3」 < 「A-10」 < 「D-1」: letters, then the number. */
export function compareRuleIds(a: string, b: string): number {
  const [la = '', na = '0'] = a.split('-');
  const [lb = '', nb = '0'] = b.split('-');
  return la === lb ? Number(na) - Number(nb) : la < lb ? -1 : 1;
}

/**
 * Checks a report with every rule that applies to it. Findings come out by section, then by
 * rule id, and within one rule in table order — the same report always gives the same list.
 *
 * For a report made in the app the totals are computed first, so the rules that compare a
 * total with its parts (A-1, A-2, L-1…L-3) can only fire on an imported, as-published report.
 */
export function checkReport(report: ReportData, options: CheckOptions = {}): Finding[] {
  const ctx = buildContext(report, options);
  const out: Finding[] = [];
  for (const rule of RULE_DEFS) {
    if (rule.scope === 'cross-year' && !ctx.previous) continue;
    if (rule.applies && !rule.applies(ctx)) continue;
    out.push(...rule.check(ctx));
  }
  // Array.prototype.sort is stable: findings of one rule keep their table order
  return out.sort(
    (a, b) => SECTION_ORDER.get(a.section)! - SECTION_ORDER.get(b.section)! || compareRuleIds(a.ruleId, b.ruleId),
  );
}
