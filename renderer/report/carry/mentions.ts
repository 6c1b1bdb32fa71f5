import { staleSpots, type StaleSpot } from '../../../core/report/index.js';

/**
 * Where last year's years and figures (CarryInfo.pending, found by core's staleMentions) still
 * stand in a carried text. A mention stays 「待更新」 while the text still says it and the clerk
 * has not confirmed it; editing it away is enough. The places are core's staleSpots — the same
 * list rule X-6 counts — so the window's count, its highlights and the rule cannot disagree.
 */

export type MentionHit = StaleSpot;

/** Every place a mention stands in the text, in text order, never inside a figure from the tables. */
export function findMentions(text: string, mentions: readonly string[]): MentionHit[] {
  return staleSpots(text, mentions);
}

/** The mentions the text still says, in the order given. */
export function stillPending(text: string, mentions: readonly string[]): string[] {
  const found = new Set(findMentions(text, mentions).map((h) => h.mention));
  return mentions.filter((m) => found.has(m));
}

/** The hit the caret stands in or touches, if any. */
export function hitAt(hits: readonly MentionHit[], caret: number): MentionHit | undefined {
  return hits.find((h) => caret >= h.start && caret <= h.end);
}
