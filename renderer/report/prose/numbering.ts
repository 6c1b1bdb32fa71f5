import { headingNumber, headingOf, type HeadingLevel } from '../../../core/report/prose.js';

/**
 * Line structure of stored prose, as the editor's toolbar sees it: each line is plain text, a
 * 公文 numbered line of level 1–4 (一、 / （一） / 1. / （1）: a heading when short, a numbered
 * paragraph when it is a sentence — 「1.加强组织领导。……」), or an item of a simple list
 * (①②③ numbered, • bulleted).
 *
 * Numbering is automatic: every numbered line of a level counts, a higher level starts the count
 * again (as core's renumberHeadings does for headings, extended here to numbered paragraphs and
 * list items so that the toolbar's numbering never leaves two 「1.」 in a row).
 */

export type LineKind = 'paragraph' | 1 | 2 | 3 | 4 | 'numbered' | 'bulleted';

export const BULLET = '• ';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const CIRCLED_RE = /^[①-⑳]/;
const BULLET_RE = /^[•·●▪]\s*/;

/** The widest 公文 number (「（二十）」) plus room for the first character after it. */
const MARKER_PROBE = 8;

export interface Marker {
  kind: LineKind;
  /** the numbering as written at the start of the (left-trimmed) line */
  text: string;
}

/**
 * The numbering a line starts with. core's headingOf decides on the whole line whether it is a
 * heading; asking it about the line's first few characters finds the numbering of a numbered
 * paragraph too. 「一、二季度…」 and 「3、4月份…」 are dates, not numbering (core would renumber
 * such a short line as a heading; the editor never does).
 */
export function markerOf(line: string): Marker | null {
  const t = line.trimStart();
  if (CIRCLED_RE.test(t)) return { kind: 'numbered', text: t[0]! };
  const bullet = BULLET_RE.exec(t);
  if (bullet) return { kind: 'bulleted', text: bullet[0] };
  const h = headingOf(t.slice(0, MARKER_PROBE));
  if (!h) return null;
  const next = t.charAt(h.number.length);
  if (/[0-9０-９一二三四五六七八九十、]/.test(next)) return null;
  return { kind: h.level, text: h.number };
}

export function lineKind(line: string): LineKind {
  return markerOf(line)?.kind ?? 'paragraph';
}

/** A line without its numbering or list mark. */
export function lineBody(line: string): string {
  const m = markerOf(line);
  const t = line.trimStart();
  return m ? t.slice(m.text.length).trimStart() : line;
}

function circled(n: number): string {
  return CIRCLED[Math.min(n, CIRCLED.length) - 1]!;
}

function markFor(kind: LineKind, n = 1): string {
  if (kind === 'paragraph') return '';
  if (kind === 'numbered') return circled(n);
  if (kind === 'bulleted') return BULLET;
  return headingNumber(kind as HeadingLevel, n);
}

/**
 * Numbers every numbered line and list item in order. `keepLine` (the line being typed) keeps its
 * own numbering as typed, so the text never changes under the caret; it still counts.
 */
export function renumberOutline(text: string, keepLine = -1): string {
  const counters = [0, 0, 0, 0, 0];
  let item = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = markerOf(line);
    if (!m || m.kind === 'paragraph') {
      item = 0;
      continue;
    }
    let mark: string;
    if (m.kind === 'numbered') {
      item += 1;
      mark = circled(item);
    } else if (m.kind === 'bulleted') {
      item = 0;
      mark = BULLET;
    } else {
      item = 0;
      const level = m.kind;
      counters[level]! += 1;
      for (let l = level + 1; l <= 4; l++) counters[l] = 0;
      mark = headingNumber(level, counters[level]!);
    }
    if (i === keepLine) continue;
    const next = `${mark}${lineBody(line)}`;
    if (next !== line) lines[i] = next;
  }
  return lines.join('\n');
}

/** Makes line `index` of `text` a line of `kind` (keeping its words), then renumbers. */
export function setLineKind(text: string, index: number, kind: LineKind): string {
  const lines = text.split('\n');
  const line = lines[index];
  if (line === undefined) return text;
  lines[index] = `${markFor(kind)}${lineBody(line)}`;
  return renumberOutline(lines.join('\n'));
}

// ---------- positions ----------

/** Line index and column of an offset. */
export function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start };
}

export function lineStart(text: string, line: number): number {
  let at = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) return text.length;
    at = nl + 1;
  }
  return at;
}

/** Where a column of a line moves when only the line's start (its numbering) was rewritten. */
function mapColumn(before: string, after: string, column: number): number {
  // a marker put in front of the line (a heading level chosen on an empty or plain line): the caret
  // at the line's start goes after the marker, so what the clerk types next is the heading's text
  if (column === 0 && after.length > before.length && after.endsWith(before)) return after.length - before.length;
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  if (column <= head) return column;
  if (column >= before.length - tail) return column + after.length - before.length;
  return after.length - tail;
}

/**
 * An offset of `before` carried into `after`, for transforms that keep the number of lines and
 * change lines only at their start (renumbering, changing a line's kind).
 */
export function mapOffset(before: string, after: string, offset: number): number {
  if (before === after) return offset;
  const { line, column } = lineAt(before, offset);
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return Math.min(offset, after.length);
  return lineStart(after, line) + mapColumn(a[line]!, b[line]!, column);
}

/** The indexes of the lines a selection touches. */
export function linesOf(text: string, start: number, end: number): number[] {
  const first = lineAt(text, start).line;
  const last = lineAt(text, end).line;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
