import { cellDef, cellName, tableName, type CellDef, type FormatId } from '../format/index.js';
import { MAX_VALUE, normaliseNumberText, wanToYuan } from '../report/index.js';
import { tableLabels, type LabelEntry, type TableLabels } from './labels.js';
import type { Line } from './lines.js';
import { labelKey, rawKey, withoutNote, withoutNumbering } from './normalize.js';

/**
 * Reads the three tables out of lines by their labels, not by position (spec §7): a row label
 * is found, and the figures that follow it up to the next label are that row's. Table 三 takes
 * the trailing seven (a lost label leaves a stray figure in front, seed 001), table 二 the leading
 * ones, table 四 the fifteen figures after its headers. Values are kept as published: totals are
 * read, never computed. What cannot be read with confidence is left blank and listed.
 */

export interface TableRead {
  cells: Record<string, number>;
  uncertain: string[];
  warnings: string[];
  /** figures found in the table's region at all (0: the table is missing or is a picture) */
  figures: number;
}

interface Token {
  kind: 'num' | 'blank' | 'word';
  text: string;
  /** index of the source line: figures of one row share it where the source had rows */
  line: number;
}

const UNIT = /(万元|元|件|项|个|条|次)$/;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;
/** what a published cell holds when it means 「nothing to report」 or 「not applicable」 */
const PLACEHOLDER = /^[-—–/／\\无空]$|^[-—–]{2}$/;

/** A figure's text, normalised (「1，234」 → 「1234」, full-width digits folded), or null when it is not one. */
function numberText(text: string): string | null {
  if (!/\d/.test(text)) return null;
  const t = normaliseNumberText(text);
  return NUMBER.test(t.replace(UNIT, '')) ? t : null;
}

/**
 * Cells → tokens. A cell that holds a label and its figures separated by spaces (text copied out
 * of a PDF: 「一、本年新收政府信息公开申请数量 4 0 0 0 0 0 4」) is split when the label is known.
 */
function tokenize(lines: readonly Line[], isLabel: (text: string) => boolean): Token[] {
  const tokens: Token[] = [];
  lines.forEach((line, index) => {
    for (const cell of line.cells) {
      const text = cell.trim();
      if (!text) continue;
      if (PLACEHOLDER.test(text)) {
        tokens.push({ kind: 'blank', text, line: index });
        continue;
      }
      const parts = text.split(/\s+/);
      const figures = parts.map(numberText);
      let split = parts.length;
      while (split > 0 && figures[split - 1] !== null) split--;
      const head = parts.slice(0, split).join(' ');
      if (split === 0 && parts.length === 1) {
        tokens.push({ kind: 'num', text: figures[0]!, line: index });
        continue;
      }
      if (split === parts.length || (head && !isLabel(head))) {
        tokens.push({ kind: 'word', text, line: index });
        continue;
      }
      if (head) tokens.push({ kind: 'word', text: head, line: index });
      for (const f of figures.slice(split)) tokens.push({ kind: 'num', text: f!, line: index });
    }
  });
  return tokens;
}

function tokenKeys(text: string): string[] {
  return [...new Set([labelKey(text), labelKey(withoutNote(text))])];
}

/** How many labels ahead a label written without its numbering may be, and still be taken. */
const WEAK_WINDOW = 4;

function matchLabel(labels: TableLabels, text: string, pointer: number): LabelEntry | null {
  const keys = tokenKeys(text);
  if (!keys[0]) return null;
  for (const e of labels.entries) {
    if (e.order >= pointer && e.keys.some((k) => keys.includes(k))) return e;
  }
  const weak = new Set([...keys, ...keys.map(withoutNumbering)]);
  for (const e of labels.entries) {
    if (e.order >= pointer && e.order < pointer + WEAK_WINDOW && e.kind !== 'boundary' && e.weakKeys.some((k) => weak.has(k))) {
      return e;
    }
  }
  return null;
}

interface Segment {
  entry: LabelEntry;
  figures: Token[];
}

/** Labels in order, each with the figures up to the next label. Labels broken over two or three cells are joined. */
function segments(labels: TableLabels, tokens: readonly Token[]): Segment[] {
  const out: Segment[] = [];
  let pointer = 0;
  let current: Segment | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.kind !== 'word') {
      current?.figures.push(tok);
      continue;
    }
    let entry = matchLabel(labels, tok.text, pointer);
    let used = 0;
    for (let extra = 1; !entry && extra <= 2; extra++) {
      const parts = tokens.slice(i, i + extra + 1);
      if (parts.length <= extra || parts.some((p) => p.kind !== 'word')) break;
      entry = matchLabel(labels, parts.map((p) => p.text).join(''), pointer);
      if (entry) used = extra;
    }
    if (!entry) continue;
    i += used;
    pointer = entry.order + 1;
    current = { entry, figures: [] };
    out.push(current);
  }
  return out;
}

type Parsed = { ok: true; value: number } | { ok: false; why: string };

/** A published figure → the cell's integer. Money is read in 万元 unless the figure or its header says 元. */
function parseFigure(def: CellDef, tok: Token, moneyInYuan: boolean): Parsed {
  if (tok.kind === 'blank') return { ok: false, why: `填的是「${tok.text}」` };
  const text = tok.text;
  const unit = UNIT.exec(text)?.[1];
  const digits = text.replace(UNIT, '');
  if (def.kind === 'money') {
    const yuanText = unit === '元' || (unit !== '万元' && moneyInYuan);
    if (yuanText) {
      const m = /^(\d+)(?:\.(\d+))?$/.exec(digits);
      if (!m || (m[2] && /[1-9]/.test(m[2]))) return { ok: false, why: `金额「${text}」不是整元` };
      return { ok: true, value: Number(m[1]) };
    }
    const yuan = wanToYuan(digits);
    if (yuan === null || yuan < 0) return { ok: false, why: `金额「${text}」超过 4 位小数或不是有效金额` };
    return { ok: true, value: yuan };
  }
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(digits);
  if (!m) return { ok: false, why: `「${text}」不是数字` };
  if (m[3] && /[1-9]/.test(m[3])) return { ok: false, why: `「${text}」不是整数` };
  const value = Number(m[2]);
  if (value > MAX_VALUE) return { ok: false, why: `「${text}」太大` };
  if (m[1] === '-' && value !== 0 && def.kind !== 'delta') return { ok: false, why: `「${text}」是负数` };
  return { ok: true, value: m[1] === '-' ? -value : value };
}

class Reader {
  readonly cells: Record<string, number> = {};
  readonly uncertain = new Set<string>();
  readonly warnings: string[] = [];
  constructor(
    readonly format: FormatId,
    readonly moneyInYuan = false,
  ) {}

  /** `doubtful`: the figures were placed by position, not by their label */
  assign(ids: readonly string[], figures: readonly Token[], doubtful = false): void {
    ids.forEach((id, k) => {
      const def = cellDef(this.format, id)!;
      const tok = figures[k];
      if (!tok) {
        this.uncertain.add(id);
        return;
      }
      const parsed = parseFigure(def, tok, this.moneyInYuan);
      if (parsed.ok) this.cells[id] = parsed.value;
      else {
        this.uncertain.add(id);
        this.warnings.push(`${cellName(def)}：原文${parsed.why}，已留空，请核对`);
      }
      if (doubtful) this.uncertain.add(id);
    });
  }

  missing(ids: readonly string[]): void {
    for (const id of ids) this.uncertain.add(id);
  }

  result(figures: number): TableRead {
    return { cells: this.cells, uncertain: [...this.uncertain], warnings: this.warnings, figures };
  }
}


function countFigures(tokens: readonly Token[]): number {
  return tokens.filter((t) => t.kind !== 'word').length;
}

/**
 * Table 二 or 三: row labels and their figures. `take` says which figures of an over-full row
 * are the row's: the leading ones (表二, figures follow their label) or the trailing ones
 * (表三, where a lost label leaves a stray figure in front).
 */
function readRows(format: FormatId, table: 't2' | 't3', lines: readonly Line[], take: 'leading' | 'trailing'): TableRead {
  const labels = tableLabels(format, table);
  const tokens = tokenize(lines, (text) => matchLabel(labels, text, 0) !== null);
  const reader = new Reader(format, table === 't2' && moneyHeaderInYuan(tokens));
  const segs = segments(labels, tokens);
  const own = new Map<string, Segment>();
  for (const s of segs) {
    if (s.entry.kind !== 'leaf') continue;
    const row = s.entry.rows[0]!;
    const prev = own.get(row);
    if (!prev || (prev.figures.length === 0 && s.figures.length > 0)) own.set(row, s);
  }

  for (const [row, seg] of own) {
    const ids = labels.rowCells.get(row)!;
    const n = ids.length;
    const figs = seg.figures;
    if (figs.length === n) reader.assign(ids, figs);
    else if (figs.length > n) {
      reader.assign(ids, take === 'leading' ? figs.slice(0, n) : figs.slice(-n), true);
      reader.warnings.push(`${tableName(table)}「${seg.entry.text}」一行有 ${figs.length} 个数（应为 ${n} 个），已取${take === 'leading' ? '前' : '后'} ${n} 个，请核对`);
    } else if (figs.length > 0) {
      reader.missing(ids);
      reader.warnings.push(`${tableName(table)}「${seg.entry.text}」一行只有 ${figs.length} 个数（应为 ${n} 个），无法确定对应哪几列，已留空，请对照原文填写`);
    }
  }

  // figures right after a group label: the rows of the group whose own labels were lost
  for (const seg of segs) {
    if (seg.entry.kind !== 'group' || seg.figures.length === 0) continue;
    const lost: string[] = [];
    for (const row of seg.entry.rows) {
      if (own.has(row)) break;
      lost.push(row);
    }
    if (lost.length === 0) continue;
    const n = labels.rowCells.get(lost[0]!)!.length;
    const chunks = splitRows(seg.figures, lost.length, n);
    lost.forEach((row, k) => {
      const ids = labels.rowCells.get(row)!;
      if (chunks) reader.assign(ids, chunks[k]!, true);
      else reader.missing(ids);
    });
    reader.warnings.push(
      chunks
        ? `${tableName(table)}「${seg.entry.text}」下的 ${lost.length} 行在原文中没有行名（网页复制时丢失），已按顺序读取每行最后 ${n} 个数，请核对`
        : `${tableName(table)}「${seg.entry.text}」下的 ${lost.length} 行没有行名，数字个数（${seg.figures.length} 个）也对不上，已留空，请对照原文填写`,
    );
    for (const row of lost) own.set(row, seg);
  }

  for (const row of labels.rowOrder) if (!own.has(row)) reader.missing(labels.rowCells.get(row)!);
  return reader.result(countFigures(tokens));
}

/**
 * The figures of `rows` rows of `n` values that lost their labels: by source rows where the
 * source had rows, else by count (n per row, or n + 1 with a stray figure in front).
 */
function splitRows(figures: readonly Token[], rows: number, n: number): Token[][] | null {
  const byLine = new Map<number, Token[]>();
  for (const f of figures) {
    const row = byLine.get(f.line);
    if (row) row.push(f);
    else byLine.set(f.line, [f]);
  }
  const lineRows = [...byLine.values()];
  if (lineRows.length === rows && lineRows.every((r) => r.length >= n)) return lineRows.map((r) => r.slice(-n));
  for (const width of [n, n + 1]) {
    if (figures.length === rows * width) {
      return Array.from({ length: rows }, (_, k) => figures.slice(k * width, (k + 1) * width).slice(-n));
    }
  }
  return null;
}

/** 「本年收费金额（单位：元）」: a local header that prints the fee in 元 instead of 万元. */
function moneyHeaderInYuan(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === 'word' && /金额/.test(t.text) && /[(（][^)）]*[^万]元/.test(t.text) && !/万元/.test(t.text));
}

export function readTable2(format: FormatId, lines: readonly Line[]): TableRead {
  return readRows(format, 't2', lines, 'leading');
}

export function readTable3(format: FormatId, lines: readonly Line[]): TableRead {
  return readRows(format, 't3', lines, 'trailing');
}

/**
 * Table 四: one row of fifteen figures under three rows of headers. The figures after the first
 * 「行政复议」 header are read, skipping headers (a report may print 复议 and 诉讼 as two tables),
 * up to the first text that is not a header.
 */
export function readTable4(format: FormatId, lines: readonly Line[]): TableRead {
  const labels = tableLabels(format, 't4');
  const ids = [...labels.rowCells.values()].flat();
  const reader = new Reader(format);
  const tokens = tokenize(lines, () => false);
  const anchorKey = labels.entries[0]!.keys[0]!;
  const start = tokens.findIndex((t) => t.kind === 'word' && labelKey(t.text) === anchorKey);
  const figures: Token[] = [];
  if (start >= 0) {
    for (const tok of tokens.slice(start + 1)) {
      if (tok.kind !== 'word') figures.push(tok);
      else if (!isFragmentOf(labels, tok.text)) break;
    }
  }
  if (figures.length === ids.length) reader.assign(ids, figures);
  else if (figures.length > ids.length) {
    reader.assign(ids, figures.slice(0, ids.length), true);
    reader.warnings.push(`表四有 ${figures.length} 个数（应为 ${ids.length} 个），已取前 ${ids.length} 个，请核对`);
  } else {
    reader.missing(ids);
    if (figures.length > 0) {
      reader.warnings.push(`表四只读到 ${figures.length} 个数（应为 ${ids.length} 个），无法确定对应哪几列，已留空，请对照原文填写`);
    }
  }
  return reader.result(countFigures(tokens));
}

/** A header of the table, or a piece of one that a line break cut off (「结果」 of 「结果纠正」). */
export function isFragmentOf(labels: TableLabels, text: string): boolean {
  const key = rawKey(text);
  return key.length > 0 && labels.allKeys.includes(key);
}
