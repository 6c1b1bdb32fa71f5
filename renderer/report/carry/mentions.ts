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

const DIGIT = '0-9０-９';
const CN_NUMERAL = '一二两三四五六七八九十百千万零〇';

/** Parts of a text that are figures from the tables, not the clerk's words: 「⟦名称：数值⟧」 and 「{{cell:…}}」. */
const FIGURE_RE = /⟦[^⟧]*⟧|\{\{cell:[a-z0-9_.]+\}\}/g;

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The pattern of one mention. core/report/carry.ts stores mentions with white space taken out
 * (「2023 年」 → 「2023年」), so any white space may stand between its characters again. A figure
 * does not match inside a longer number: 「5件」 is not found in 「15件」 nor 「2.5件」.
 */
function mentionPattern(mention: string): RegExp {
  const body = [...mention].map(escape).join('\\s*');
  const first = mention[0] ?? '';
  let before = '';
  if (new RegExp(`[${DIGIT}]`).test(first)) before = `(?<![${DIGIT}.,，．])`;
  else if (CN_NUMERAL.includes(first)) before = `(?<![${CN_NUMERAL}])`;
  return new RegExp(before + body, 'g');
}

/** Every place a mention stands in the text, in text order, never inside a figure from the tables. */
export function findMentions(text: string, mentions: readonly string[]): MentionHit[] {
  const skip: [number, number][] = [...text.matchAll(FIGURE_RE)].map((m) => [m.index, m.index + m[0].length]);
  const inFigure = (start: number, end: number) => skip.some(([s, e]) => start < e && end > s);
  const hits: MentionHit[] = [];
  // longer mentions first, so that 「2023年度」 wins over 「2023年」 where both would fit
  for (const mention of [...new Set(mentions)].sort((a, b) => b.length - a.length)) {
    if (!mention) continue;
    for (const m of text.matchAll(mentionPattern(mention))) {
      const start = m.index;
      const end = start + m[0].length;
      if (inFigure(start, end) || hits.some((h) => start < h.end && end > h.start)) continue;
      hits.push({ mention, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
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
