import { staleMentionSpans } from '../../../core/report/index.js';

/**
 * Where last year's years and figures (CarryInfo.pending, found by core's staleMentions) still
 * stand in a carried text. A mention stays 「待更新」 while the text still says it and the clerk
 * has not confirmed it; editing it away is enough.
 */

export interface MentionHit {
  mention: string;
  start: number;
  end: number;
}

/** Parts of a text that are figures from the tables, not the clerk's words: 「⟦名称：数值⟧」 and 「{{cell:…}}」. */
const FIGURE_RE = /⟦[^⟧]*⟧|\{\{cell:[a-z0-9_.]+\}\}/g;

/**
 * Every place a mention stands in the text, in text order, never inside a figure from the tables.
 * The text is read once with the same pattern that found the mentions in last year's text
 * (core's staleMentionSpans), so a figure matches whole: 「5件」 is not found in 「15件」 nor
 * 「2.5件」, and white space may stand where the stored mention has none (「2023 年」).
 */
export function findMentions(text: string, mentions: readonly string[]): MentionHit[] {
  if (!mentions.length) return [];
  const wanted = new Set(mentions);
  const figures = [...text.matchAll(FIGURE_RE)].map((m) => [m.index, m.index + m[0].length] as const);
  const hits: MentionHit[] = [];
  let f = 0;
  for (const span of staleMentionSpans(text)) {
    if (!wanted.has(span.mention)) continue;
    // both lists run in text order: skip the figures that end before this span
    while (f < figures.length && figures[f]![1] <= span.start) f++;
    const figure = figures[f];
    if (figure && figure[0] < span.end) continue;
    hits.push(span);
  }
  return hits;
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
