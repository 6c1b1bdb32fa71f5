import { normaliseNumberText } from '../report/index.js';
import type { TableLabels } from './labels.js';
import type { Line } from './lines.js';
import { rawKey } from './normalize.js';

/**
 * A table's lines as tokens: words (labels, headers, prose), figures, and blanks. The same tokens
 * come out of every source, whether its cells were delimited (a table row, pipes, tabs), separated
 * by spaces (text copied out of a PDF) or run together with the labels (a site's text export:
 * 「（一）予以公开421000043（二）部分公开…」).
 *
 * - `num`: one figure, standing alone (its own cell, or spaces around it).
 * - `run`: digits glued to a label: one figure or several whose separators were lost (split.ts cuts it).
 * - `blank`: a cell with nothing in it, or a placeholder (—, /, 无); `empty` tells the two apart.
 */
export interface Token {
  kind: 'word' | 'num' | 'run' | 'blank';
  text: string;
  /** index of the source line: figures of one row share it where the source had rows */
  line: number;
  /** a blank that is an empty table cell (a merged cell or a cell left empty), not a printed placeholder */
  empty?: boolean;
}

export const UNIT = /(万元|元|件|项|个|条|次)$/;
const UNIT_START = /^(万元|元|件|项|个|条|次)/;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
/** what a published cell holds when it means 「nothing to report」 or 「not applicable」 */
export const PLACEHOLDER = /^[-—–/／\\无空]$|^[-—–]{2}$/;

/** zero written as a character (〇, 零, or the circle ○ that OCR reads it as), alone in its cell, a unit after it or not */
const ZERO_WORD = /^[〇零○](件|项|个|条|次)?$/;

/** A figure's text, normalised (「1，234」 → 「1234」, full-width digits folded), or null when it is not one. */
export function numberText(text: string): string | null {
  if (ZERO_WORD.test(text)) return '0';
  if (!/\d/.test(text)) return null;
  const t = normaliseNumberText(text);
  return NUMBER.test(t.replace(UNIT, '')) ? t : null;
}

/** digits glued to words; a decimal point or a minus sign inside (「1-5」: 1 and −5) belongs to the figures */
const DIGITS = /[-+]?\d(?:[\d.,，]|-(?=\d))*/g;
const CJK_AFTER = /^[.．、][\u3400-\u9fff]/;

/**
 * One cell's text → tokens. Digits glued to words are figures only where a label of this table
 * ends right before them or starts right after them; elsewhere they are part of the words
 * (「2023年」 in a sentence under the table). A digit and a point before a label are its
 * numbering (「…00000002.其他法律…」: the 2 numbers the next row).
 */
function cellTokens(text: string, line: number, labels: TableLabels): Token[] {
  if (PLACEHOLDER.test(text)) return [{ kind: 'blank', text, line }];
  const out: Token[] = [];
  for (const part of text.split(/\s+/)) {
    if (!part) continue;
    const figure = numberText(part);
    if (figure !== null) {
      out.push({ kind: 'num', text: figure, line });
      continue;
    }
    if (PLACEHOLDER.test(part)) {
      out.push({ kind: 'blank', text: part, line });
      continue;
    }
    out.push(...glued(part, line, labels));
  }
  return mergeWords(out);
}

function glued(part: string, line: number, labels: TableLabels): Token[] {
  const chunks: { digits: boolean; text: string }[] = [];
  let last = 0;
  for (const m of part.matchAll(DIGITS)) {
    let digits = m[0];
    let start = m.index!;
    // a sign glued after a word is a dash, not a minus: 「增/减-3」 keeps it, 「收费—」 does not occur here
    if (/^[-+]/.test(digits) && start > 0 && /[\d]/.test(part[start - 1]!)) {
      digits = digits.slice(1);
      start += 1;
    }
    digits = digits.replace(/[.,，]+$/, '');
    let end = start + digits.length;
    // the numbering of the next label: a digit, a point and a Chinese character
    if (CJK_AFTER.test(part.slice(end))) {
      digits = digits.slice(0, -1);
      end -= 1;
    }
    if (!digits || !/\d/.test(digits)) continue;
    if (start > last) chunks.push({ digits: false, text: part.slice(last, start) });
    chunks.push({ digits: true, text: digits });
    last = end;
  }
  if (last < part.length) chunks.push({ digits: false, text: part.slice(last) });

  const out: Token[] = [];
  // 「规章7件0件0件规范性文件…」: a unit after digits ends a figure, as a separator would; a chain of
  // them after a label are that row's figures (after words that are no label, they stay words)
  let unitFigure = false;
  chunks.forEach((c, i) => {
    if (!c.digits) {
      if (c.text) out.push({ kind: 'word', text: c.text, line });
      return;
    }
    const before = chunks[i - 1];
    const after = chunks[i + 1];
    const unit = after && !after.digits ? UNIT_START.exec(after.text)?.[1] : undefined;
    const chained = unitFigure && before !== undefined && before.text === '';
    unitFigure = false;
    if (unit && (chained || (before && !before.digits && endsWithLabel(labels, before.text)))) {
      out.push({ kind: 'num', text: numberText(c.text + unit) ?? c.text, line });
      after!.text = after!.text.slice(unit.length);
      unitFigure = true;
      return;
    }
    const byLabel = (before && !before.digits && endsWithLabel(labels, before.text)) || (after && !after.digits && startsWithLabel(labels, after.text));
    if (byLabel || (!before && !after)) out.push({ kind: 'run', text: normaliseNumberText(c.text), line });
    else out.push({ kind: 'word', text: c.text, line });
  });
  return out;
}

function mergeWords(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out.at(-1);
    if (prev && prev.kind === 'word' && t.kind === 'word' && prev.line === t.line) {
      prev.text += t.text;
    } else out.push({ ...t });
  }
  return out;
}

/** A page number printed in the middle of a table (「— 3 —」, 「第 3 页 共 8 页」, 「3/8」): not a figure. */
const PAGE_FURNITURE = /^[-—–]+\s*\d{1,3}\s*[-—–]+$|^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$|^\d{1,3}\s*\/\s*\d{1,3}$/;

/** Keys that may end a word before figures: labels and headers, with or without their numbering. */
function matchKeys(labels: TableLabels): string[] {
  let keys = matchKeyCache.get(labels);
  if (!keys) matchKeyCache.set(labels, (keys = labels.entries.flatMap((e) => [...e.keys, ...e.weakKeys]).filter((k) => k.length >= 2)));
  return keys;
}

const matchKeyCache = new WeakMap<TableLabels, string[]>();

function endsWithLabel(labels: TableLabels, text: string): boolean {
  const key = rawKey(text);
  // a label, or a label's last part standing alone (「规范性文件」 for 「行政规范性文件」)
  return key.length > 0 && matchKeys(labels).some((k) => key.endsWith(k) || (key.length >= 4 && k.endsWith(key)));
}

function startsWithLabel(labels: TableLabels, text: string): boolean {
  const key = rawKey(text);
  // a label, or the first half of one that a line break tore (「结果」 of 「结果纠正」)
  return key.length >= 2 && matchKeys(labels).some((k) => key.startsWith(k) || k.startsWith(key));
}

/**
 * Lines → tokens. An empty cell of a table row is a blank in its column (a Word page's
 * 「&nbsp;」), so the figures after it keep their columns; empty cells before the row's first
 * text are the row's merged label cells and are dropped.
 */
export function tokenize(lines: readonly Line[], labels: TableLabels): Token[] {
  const tokens: Token[] = [];
  lines.forEach((line, index) => {
    if (line.cells.length === 1 && PAGE_FURNITURE.test(line.cells[0]!.trim())) return;
    let started = false;
    for (const cell of line.cells) {
      const text = cell.trim();
      if (!text) {
        if (line.row && started) tokens.push({ kind: 'blank', text: '', line: index, empty: true });
        continue;
      }
      started = true;
      tokens.push(...cellTokens(text, index, labels));
    }
  });
  return tokens;
}
