import type { AgencyLevel } from '../../../core/report/model.js';
import { overviewTopicsFor, uncoveredOverviewTopics, unmentionedOverviewTopics } from '../../../core/report/overview.js';
import { headingNumber } from '../../../core/report/prose.js';
import { renumberOutline } from './numbering.js';

/**
 * The starting outline of 一、总体情况: the sub-topics the 2021 notice names (spec §1.2,
 * core/format OVERVIEW_TOPICS) as （一）… headings. A people's government must also report its
 * 工作考核、社会评议和责任追究结果; that goes under 监督保障, where the notice puts it.
 */

export { overviewTopicsFor as topicsFor, uncoveredOverviewTopics as uncoveredTopics };

/** Headings with an empty line under each, to write into. */
export function outlineText(level: AgencyLevel): string {
  const lines: string[] = [];
  for (const t of overviewTopicsFor(level)) {
    lines.push(t.governmentsOnly ? `${headingNumber(3, 1)}${t.title}` : `${headingNumber(2, 1)}${t.title}`, '');
  }
  return renumberOutline(lines.join('\n'));
}

/** The text with a heading added at its end for each topic it has no heading or text for (a heading already there is not repeated). */
export function withMissingTopics(text: string, level: AgencyLevel): string {
  const missing = unmentionedOverviewTopics(text, level);
  if (!missing.length) return text;
  const added = missing.map((t) => `${headingNumber(2, 1)}${t.title}\n`).join('\n');
  const base = text.replace(/\s+$/, '');
  return renumberOutline(`${base}${base ? '\n' : ''}${added}`);
}
