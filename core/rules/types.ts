import type { SectionKey } from '../format/index.js';
import type { RuleContext } from './context.js';

/**
 * error: the report is wrong as it stands (the official format or arithmetic is broken).
 * warning: very likely wrong; the clerk confirms or corrects.
 * hint: worth a look; often fine.
 * info: guidance the format asks the clerk to keep in mind; nothing to correct.
 */
export type Severity = 'error' | 'warning' | 'hint' | 'info';

export interface Finding {
  /** the rule id of spec/report-format.md §3, e.g. `A-3` */
  ruleId: string;
  severity: Severity;
  /** the section the finding is shown under */
  section: SectionKey;
  /** ids of the cells involved (may be empty for findings about prose) */
  cells: string[];
  /** what is wrong, in Chinese, naming the cells and the numbers */
  message: string;
  /** a one-click correction: cell id → new value (integer 分 for money; null clears the cell) */
  fix?: { label: string; changes: Record<string, number | null> };
}

/**
 * report: the figures and the structure of one report; prose: what its sections say;
 * cross-year: this year against last year's report.
 */
export type RuleScope = 'report' | 'prose' | 'cross-year';

export interface RuleDef {
  id: string;
  severity: Severity;
  /** what the rule checks, in Chinese, for the UI's rule list */
  title: string;
  scope: RuleScope;
  /** left out, the rule runs on every report its scope allows */
  applies?(ctx: RuleContext): boolean;
  check(ctx: RuleContext): Finding[];
}
