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

/** Topics none of whose keywords the text contains yet. */
export function uncoveredOverviewTopics(text: string, level: AgencyLevel): OverviewTopic[] {
  return overviewTopicsFor(level).filter((t) => !t.keywords.some((k) => text.includes(k)));
}
