export type { Finding, RuleDef, RuleScope, Severity } from './types.js';
export type { CheckOptions, RuleContext } from './context.js';
export { checkReport, compareRuleIds, RULES, RULE_DEFS, type RuleInfo } from './engine.js';
export { formatFindings, SEVERITY_LABELS } from './format-findings.js';
export { extractNumbers, isYear, normaliseDigits, parseChineseNumeral, type NumberMention } from './prose-numbers.js';
export { breakdowns, quotedFigures, type Breakdown, type QuotedFigure } from './narrative-figures.js';
export { textSimilarity } from './similarity.js';
export { findingKey } from './finding-key.js';
// one classification: what can be accepted with a reason is what it says (core/rules/classify.ts)
export { acceptable as canAccept, acceptable, blocks, classify, classOf, summaryText, BLOCKING_RULES, CLASS_LABELS, CLASS_ORDER, type Classified, type FindingClass } from './classify.js';
export { parseDeadline, type PublicationDeadline } from './context.js';
export { isJump, plausibleMax, repeatedText, REPEATED_SHARE_LIMIT, type RepeatedText } from './review.js';
