import { OVERVIEW_TOPICS } from '../format/index.js';
import { isPeoplesGovernment, type AgencyLevel } from './model.js';

/**
 * Which 一、总体情况 sub-topics (core/format OVERVIEW_TOPICS) an agency must write about, and
 * which of them a text already mentions. The G-7 check and the window's outline both read
 * these, so a heading the outline adds is always one the check stops asking for.
 */

export type OverviewTopic = (typeof OVERVIEW_TOPICS)[number];

/** The topics for this level: 工作考核、社会评议和责任追究 only for people's governments. */
export function overviewTopicsFor(level: AgencyLevel): OverviewTopic[] {
  const government = isPeoplesGovernment(level);
  return OVERVIEW_TOPICS.filter((t) => government || !t.governmentsOnly);
}

/**
 * A heading line of the outline: 「（一）主动公开」, 「一、总体情况」 — a numbered short line that is
 * not a sentence (no 。；！？ inside). 「1.」 items are list items, written content, except the
 * outline's own sub-heading for a topic (「1.工作考核、社会评议和责任追究结果情况」).
 */
const HEADING_RE = /^(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^。；;！!？?]{0,30}$/;
const ITEM_RE = /^\d{1,2}[.．、]\s*(.*)$/;

export function isHeadingLine(line: string): boolean {
  const t = line.trim();
  if (HEADING_RE.test(t)) return true;
  const item = ITEM_RE.exec(t);
  return Boolean(item && OVERVIEW_TOPICS.some((topic) => topic.title === item[1]));
}

/** A text's blocks: each heading with the body text under it (the text before the first heading has none). */
export function contentBlocks(text: string): { heading: string; body: string }[] {
  const blocks: { heading: string; body: string }[] = [{ heading: '', body: '' }];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (isHeadingLine(line)) blocks.push({ heading: line, body: '' });
    else blocks.at(-1)!.body += line;
  }
  return blocks.filter((b) => b.heading || b.body);
}

/** The text without headings: what a section says. Empty for a section that is only headings. */
export function bodyText(text: string): string {
  return contentBlocks(text)
    .map((b) => b.body)
    .join('');
}

/**
 * Topics not yet covered: a topic is covered by body text that names it, or by a heading that
 * names it with text under it. A heading alone covers nothing (inserting the outline is not writing).
 */
export function uncoveredOverviewTopics(text: string, level: AgencyLevel): OverviewTopic[] {
  const written = contentBlocks(text)
    .filter((b) => b.body)
    .map((b) => b.heading + b.body)
    .join('\n');
  return overviewTopicsFor(level).filter((t) => !t.keywords.some((k) => written.includes(k)));
}

/** Topics whose keywords appear nowhere, not even in a heading (where the outline still has to add one). */
export function unmentionedOverviewTopics(text: string, level: AgencyLevel): OverviewTopic[] {
  return overviewTopicsFor(level).filter((t) => !t.keywords.some((k) => text.includes(k)));
}
