/**
 * Small wording helpers shared by the document builder and the 导语 generator.
 */

/** 「2024-02-05」 → 「2024年2月5日」 (GB/T 9704: Arabic numerals, no leading zeros). Null when not a date. */
export function chineseDate(iso: string | undefined): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso?.trim() ?? '');
  if (!m) return null;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** What is printed where a date is still to be written by hand. */
export const BLANK_DATE = '　　年　　月　　日';

/**
 * Printed width in character cells of the body font: CJK and full-width characters take one,
 * ASCII (digits in Times New Roman) half of one. Used to place the 落款 and to break the title.
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

/** A stretch of text, and whether a line may break between any two of its characters. */
export interface TextPiece {
  text: string;
  breakAnywhere: boolean;
}

/**
 * Web addresses, e-mail addresses and phone numbers are single "words" to a line breaker: in a
 * justified Chinese line, one that does not fit is pushed whole to the next line and the line
 * before it is spread out over the full width. Runs of 12 or more such characters may break
 * anywhere instead, as Word's 「允许西文在单词中间换行」 does; shorter ones (figures, years) stay whole.
 */
const LONG_RUN = /[A-Za-z0-9@._:/\\\-?=&#%+~]{12,}/g;

export function textPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(LONG_RUN)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), breakAnywhere: false });
    pieces.push({ text: m[0], breakAnywhere: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), breakAnywhere: false });
  return pieces;
}
