import { cellDef, type FormatId } from '../format/index.js';
import { fenToWan } from './money.js';

/**
 * Prose (sections 一、五、六, the 导语, the notes under the tables) is kept as plain text, one
 * paragraph per line, so that the report file's `sections` is readable as it is. Two things
 * are layered on that text:
 *
 * - Headings in the 公文 levels 一、 / （一） / 1. / （1）, recognised by their numbering
 *   at the start of a line (and numbered by `renumberHeadings`).
 * - Figure tokens `{{cell:t3.r1.total}}` that always show a table cell's current value.
 */

export type HeadingLevel = 1 | 2 | 3 | 4;

export type ProseBlock =
  | { kind: 'heading'; level: HeadingLevel; /** the numbering as written, e.g. 「（二）」 */ number: string; text: string }
  | { kind: 'paragraph'; text: string };

const CN_NUM = '一二三四五六七八九十';
const HEADING_PATTERNS: { level: HeadingLevel; re: RegExp }[] = [
  { level: 1, re: new RegExp(`^([${CN_NUM}]{1,3}、)`) },
  { level: 2, re: new RegExp(`^([（(][${CN_NUM}]{1,3}[）)])`) },
  { level: 3, re: /^(\d{1,2}[.．、](?!\d))/ },
  { level: 4, re: /^([（(]\d{1,2}[）)])/ },
];

/**
 * A heading is a short numbered line without a sentence inside it. A long numbered line
 * ending in 。 (「1.加强组织领导……。」) is a numbered paragraph, as in many published reports.
 */
const MAX_HEADING_CHARS = 40;

export function headingOf(line: string): { level: HeadingLevel; number: string; text: string } | null {
  const trimmed = line.trim();
  for (const { level, re } of HEADING_PATTERNS) {
    const m = re.exec(trimmed);
    if (!m) continue;
    const rest = trimmed.slice(m[1]!.length);
    const body = rest.replace(/[。.]$/, '');
    if (trimmed.length > MAX_HEADING_CHARS || /[。；;]/.test(body)) return null;
    return { level, number: m[1]!, text: rest.trim() };
  }
  return null;
}

/** Splits prose into blocks: one per non-empty line. */
export function parseProse(text: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const heading = headingOf(line);
    blocks.push(heading ? { kind: 'heading', ...heading } : { kind: 'paragraph', text: line });
  }
  return blocks;
}

function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n <= 10) return n === 10 ? '十' : digits[n]!;
  if (n < 20) return `十${digits[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${digits[tens]}十${ones ? digits[ones] : ''}`;
}

export function headingNumber(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/**
 * Numbers the headings in order: each level counts from 1 again under a new heading of a
 * higher level. Paragraph lines are left exactly as written.
 */
export function renumberHeadings(text: string): string {
  const counters = [0, 0, 0, 0, 0];
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const h = headingOf(line);
      if (!h) return line;
      counters[h.level]! += 1;
      for (let l = h.level + 1; l <= 4; l++) counters[l] = 0;
      return `${headingNumber(h.level, counters[h.level]!)}${h.text}`;
    })
    .join('\n');
}

/** `{{cell:t3.r1.total}}` */
export const TOKEN_RE = /\{\{cell:([a-z0-9_.]+)\}\}/g;

export function tokenFor(cellId: string): string {
  return `{{cell:${cellId}}}`;
}

/** The text a token shows: the cell's value in its unit's notation, or 「（未填）」 while blank. */
export function tokenValue(format: FormatId, cells: Readonly<Record<string, number>>, cellId: string): string {
  const value = cells[cellId];
  if (value === undefined) return '（未填）';
  return cellDef(format, cellId)?.kind === 'money' ? fenToWan(value) : String(value);
}

/** Replaces every figure token with the cell's current value (exports, checks, 「转为文字」). */
export function resolveTokens(text: string, format: FormatId | 'free', cells: Readonly<Record<string, number>>): string {
  if (format === 'free') return text.replace(TOKEN_RE, '');
  return text.replace(TOKEN_RE, (_, id: string) => tokenValue(format, cells, id));
}

/** Cell ids referenced by tokens in a text. */
export function tokensIn(text: string): string[] {
  return [...text.matchAll(TOKEN_RE)].map((m) => m[1]!);
}
