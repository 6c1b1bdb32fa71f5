import { cellDef, cellName, getFormat, tableName, type CellDef, type FormatId, type TableId } from '../format/index.js';
import { MAX_VALUE, wanToFen } from '../report/index.js';
import { check, rowEquations, tableEquations } from './equations.js';
import { tableLabels, type LabelEntry, type TableLabels } from './labels.js';
import type { Line } from './lines.js';
import { labelKey, rawKey, withoutNote } from './normalize.js';
import { fitPieces, type Piece, type Reading } from './split.js';
import { PLACEHOLDER, tokenize, UNIT, type Token } from './tokens.js';
import { untransposeTable3 } from './transposed.js';

/**
 * Reads the three tables out of lines by their labels, not by position (spec §7), and lets the
 * format's own equations decide where the text alone cannot:
 *
 * 1. Tokens (tokens.ts): words, figures, digit runs, blanks — the same from every source.
 * 2. Labels are found in the words wherever they are (a word may hold several: 「（三）不予公开
 *    1.属于国家秘密」; a label may be torn over two cells), in any order (blocks printed out of
 *    order are still found).
 * 3. Two alignments are tried: figures after their label (web pages, Word) and figures before it
 *    (text copied out of a PDF, where the label lands a line later). The one that fits more rows wins.
 * 4. Each row's figures are cut into its cells (split.ts), keeping the cuts whose 总计 adds up.
 *    Rows still open between readings are decided by the table's equations between rows
 *    (（七）总计 is the sum of the results; 一＋二＝（七）＋四); what stays open is left blank,
 *    marked uncertain, and both readings are named in a warning.
 * 5. Figures after a group label, or more figures than a row holds, are the rows whose labels were
 *    lost; placed in table order, they stay marked uncertain unless every equation confirms them.
 *
 * Values are kept as published: totals are read, never computed; a table that does not add up
 * still does not after import, and the rules say so.
 */

export interface TableRead {
  cells: Record<string, number>;
  uncertain: string[];
  warnings: string[];
  /** figures found in the table's region at all (0: the table is missing or is a picture) */
  figures: number;
}

// ---------------------------------------------------------------------------------------------
// Labels in the words

interface Hit {
  entry: LabelEntry;
  /** index of the token the label ends in */
  token: number;
  /** the label as printed, where it was taken for a retyping of the format's label */
  printed?: string;
}

function keyList(labels: TableLabels): { key: string; entry: LabelEntry }[] {
  const list: { key: string; entry: LabelEntry }[] = [];
  for (const e of labels.entries) {
    for (const key of e.keys) list.push({ key, entry: e });
    // a label printed without its numbering; short ones (其他, 总计) only where nothing else is printed
    if (e.kind !== 'boundary') for (const key of e.weakKeys) if (key.length >= 4) list.push({ key, entry: e });
  }
  return list.sort((a, b) => b.key.length - a.key.length);
}

const keyCache = new WeakMap<TableLabels, { key: string; entry: LabelEntry }[]>();

function keysOf(labels: TableLabels) {
  let list = keyCache.get(labels);
  if (!list) keyCache.set(labels, (list = keyList(labels)));
  return list;
}

/**
 * The labels in a run of consecutive words, in order. The words are joined first, so a label
 * broken over cells or lines is found; at each place the longest label that fits is taken.
 */
function hitsIn(labels: TableLabels, words: readonly { text: string; token: number }[], lastOrder = -1): Hit[] {
  const keys = keysOf(labels);
  let joined = '';
  const owner: number[] = [];
  const tails = groupTails(labels);
  for (const w of words) {
    // 「（二）部分公开（区分处理的…）」: the note after a label is not searched for labels (its 「其他」 is no header)
    const bare = withoutNote(w.text);
    const k = labelKey(bare !== w.text && keysOf(labels).some((x) => labelKey(bare).endsWith(x.key) && x.entry.kind !== 'boundary') ? bare : w.text);
    // the second line of a tall group cell (「处理」 of 「（六）其他／处理」) lands between the two
    // lines of the row label beside it in a PDF: it is not part of that label
    if (words.length > 1 && tails.has(k)) continue;
    joined += k;
    for (let i = 0; i < k.length; i++) owner.push(w.token);
  }
  const hits: Hit[] = [];
  let pos = 0;
  while (pos < joined.length) {
    const found = keys.find((k) => joined.startsWith(k.key, pos));
    if (!found) {
      pos++;
      continue;
    }
    // aliases are applied on the key (合计 → 总计): a key that is an alias target is found as printed
    // a key printed by several labels (a header and a row label alike): the row label, else the first
    const same = labels.entries.filter((e) => e.keys.includes(found.key));
    const entry = same.find((e) => e.kind !== 'boundary') ?? same[0] ?? found.entry;
    hits.push({ entry, token: owner[pos + found.key.length - 1]! });
    pos += found.key.length;
  }
  if (words.length > 1) {
    // the word right before the figures, with no label in it: a retyped row label after the headers
    const last = words.at(-1)!;
    if (hits.some((h) => h.token === last.token)) return hits;
    const after = hits.filter((h) => h.entry.kind !== 'boundary').at(-1)?.entry.order ?? lastOrder;
    const alike = likeLabel(aliasKey(labelKey(last.text)), nextRows(labels, after));
    return alike ? [...hits, { entry: alike, token: last.token, printed: last.text.trim() }] : hits;
  }
  if (hits.some((h) => h.entry.kind !== 'boundary')) return hits;
  const whole = aliasKey(joined);
  const expected = nextRows(labels, lastOrder);
  // a word that is only 「其他」 or 「总计」: the row label printed without its numbering, taken
  // only where that row is expected next (else it is the column header of the same name)
  const weak = lastOrder >= 0 ? expected.find((e) => e.weakKeys.includes(whole)) : undefined;
  if (weak) return [{ entry: weak, token: words[0]!.token }];
  // a header printed alone is one (「其他」); headers found inside a longer word may be its pieces
  if (hits.some((h) => h.entry.keys.includes(whole))) return hits;
  // a row label retyped (「属于行政执法卷宗」 for 「属于行政执法案卷」, 「规范性文件」 for
  // 「行政规范性文件」): alike enough to one of the rows expected next, and to no other
  const alike = likeLabel(whole, expected);
  return alike ? [{ entry: alike, token: words[0]!.token, printed: words[0]!.text.trim() }] : hits;
}

/** The row labels expected next, after the row label of order `lastOrder`. */
function nextRows(labels: TableLabels, lastOrder: number): LabelEntry[] {
  return labels.entries.filter((e) => e.kind === 'leaf' && e.order > lastOrder).slice(0, WEAK_WINDOW);
}

/** Below this share of character pairs in common, a word is not taken for a retyped label. */
const ALIKE = 0.6;

/** The one expected row label `key` is a retyping of, or null (none alike enough, or two alike). */
function likeLabel(key: string, expected: readonly LabelEntry[]): LabelEntry | null {
  if (key.length < 3) return null;
  const scored = expected
    .map((e) => ({ e, score: Math.max(...[...e.keys, ...e.weakKeys].map((k) => likeness(key, k))) }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || best.score < ALIKE || (next && next.score > best.score - 0.15)) return null;
  return best.e;
}

/**
 * How alike two keys are, 0…1: the better of the character pairs they share (Dice: a character
 * added or dropped in a long label) and one less the edits between them over the longer length (a
 * character changed in a short one); 0 when their lengths differ much.
 */
export function likeness(a: string, b: string): number {
  if (Math.min(a.length, b.length) / Math.max(a.length, b.length) < 0.6) return 0;
  const pairs = (s: string) => Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2));
  const left = pairs(a);
  const right = pairs(b);
  const all = left.length + right.length;
  let shared = 0;
  for (const p of left) {
    const i = right.indexOf(p);
    if (i >= 0) {
      shared++;
      right.splice(i, 1);
    }
  }
  return Math.max(all ? (2 * shared) / all : 0, 1 - edits(a, b) / Math.max(a.length, b.length));
}

/** Levenshtein distance (the keys are short: a label is at most a few dozen characters). */
function edits(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const tailCache = new WeakMap<TableLabels, Set<string>>();

/** The ends (up to four characters) of the group labels: what a wrapped group cell's last line holds. */
function groupTails(labels: TableLabels): Set<string> {
  let tails = tailCache.get(labels);
  if (tails) return tails;
  tails = new Set<string>();
  const leafKeys = new Set(labels.entries.filter((e) => e.kind === 'leaf').flatMap((e) => [...e.keys, ...e.weakKeys]));
  for (const e of labels.entries) {
    if (e.kind !== 'group') continue;
    for (const key of e.keys) for (let n = 1; n <= 4 && n < key.length; n++) if (!leafKeys.has(key.slice(-n))) tails.add(key.slice(-n));
  }
  tailCache.set(labels, tails);
  return tails;
}

/** How many labels ahead a short label written without its numbering may be, and still be taken. */
const WEAK_WINDOW = 4;

function aliasKey(key: string): string {
  return key === '合计' ? '总计' : key;
}

// ---------------------------------------------------------------------------------------------
// Segments: each label with its figures

interface Segment {
  entry: LabelEntry;
  figures: Token[];
}

type Event = { kind: 'label'; entry: LabelEntry; printed?: string } | { kind: 'figure'; token: Token };

export function events(labels: TableLabels, tokens: readonly Token[]): Event[] {
  const out: Event[] = [];
  let words: { text: string; token: number }[] = [];
  let lastOrder = -1;
  const flush = () => {
    for (const h of hitsIn(labels, words, lastOrder)) {
      out.push(h.printed ? { kind: 'label', entry: h.entry, printed: h.printed } : { kind: 'label', entry: h.entry });
      if (h.entry.kind !== 'boundary') lastOrder = h.entry.order;
    }
    words = [];
  };
  tokens.forEach((t, i) => {
    if (t.kind === 'word') words.push({ text: t.text, token: i });
    else {
      flush();
      out.push({ kind: 'figure', token: t });
    }
  });
  flush();
  return out;
}

/** `after`: a label takes the figures up to the next label; `before`: those since the previous one. */
export function segmentsOf(evs: readonly Event[], direction: 'after' | 'before'): Segment[] {
  const out: Segment[] = [];
  if (direction === 'after') {
    let current: Segment | null = null;
    for (const e of evs) {
      if (e.kind === 'figure') current?.figures.push(e.token);
      else out.push((current = { entry: e.entry, figures: [] }));
    }
  } else {
    // figures go to the row label of the labels that follow them (a group label printed before
    // its first row's label, 「三、本年度办理结果」「（一）予以公开」, does not take them)
    let pending: Token[] = [];
    let run: Segment[] = [];
    const flush = () => {
      const taker = run.find((s) => s.entry.kind === 'leaf') ?? run[0];
      if (taker) taker.figures = pending;
      pending = [];
      run = [];
    };
    for (const e of evs) {
      if (e.kind === 'figure') {
        if (run.length) flush();
        pending.push(e.token);
      } else {
        const seg = { entry: e.entry, figures: [] };
        out.push(seg);
        run.push(seg);
      }
    }
    if (run.length) flush();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Figures → values

type Parsed = { ok: true; value: number } | { ok: false; why: string };

/** A published figure → the cell's integer. Money is read in 万元 (to 分) unless the figure or its header says 元. */
function parseFigure(def: CellDef, text: string, moneyInYuan: boolean): Parsed {
  const unit = UNIT.exec(text)?.[1];
  const digits = text.replace(UNIT, '');
  if (def.kind === 'money') {
    const yuanText = unit === '元' || (unit !== '万元' && moneyInYuan);
    const fen = yuanText ? yuanToFen(digits) : wanToFen(digits);
    if (fen === null || fen < 0) return { ok: false, why: yuanText ? `金额「${text}」不是有效的元（最多到分）` : `金额「${text}」超过 6 位小数或不是有效金额` };
    return { ok: true, value: fen };
  }
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(digits);
  if (!m) return { ok: false, why: `「${text}」不是数字` };
  if (m[3] && /[1-9]/.test(m[3])) return { ok: false, why: `「${text}」不是整数` };
  const value = Number(m[2]);
  if (value > MAX_VALUE) return { ok: false, why: `「${text}」太大` };
  if (m[1] === '-' && value !== 0 && def.kind !== 'delta') return { ok: false, why: `「${text}」是负数` };
  return { ok: true, value: m[1] === '-' ? -value : value };
}

/** 「251000.5」 元 → 分; null when it is not an amount to the 分. */
function yuanToFen(text: string): number | null {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

class Reader {
  readonly cells: Record<string, number> = {};
  readonly uncertain = new Set<string>();
  readonly warnings: string[] = [];
  constructor(
    readonly format: FormatId,
    readonly moneyInYuan = false,
  ) {}

  /** `doubtful`: the figures were placed by position or chosen between readings, not read for sure */
  assign(ids: readonly string[], reading: Reading, doubtful = false): void {
    ids.forEach((id, k) => {
      const def = cellDef(this.format, id)!;
      const text = reading[k];
      if (text === undefined) {
        this.uncertain.add(id);
        return;
      }
      if (text === null || PLACEHOLDER.test(text)) {
        delete this.cells[id];
        if (text !== null) {
          this.uncertain.add(id);
          this.warnings.push(`${cellName(def)}：原文填的是「${text}」，已留空，请核对`);
        }
        if (doubtful) this.uncertain.add(id);
        return;
      }
      const parsed = parseFigure(def, text, this.moneyInYuan);
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

/** A placeholder (—, /, 无) reads as a blank that says why. */
function pieceOf(t: Token): Piece {
  if (t.kind === 'blank') return { kind: 'blank', text: t.text };
  return { kind: t.kind === 'run' ? 'run' : 'num', text: t.text };
}

interface RowFit {
  /** readings that fit, best first; empty when none */
  readings: Reading[];
  /** the readings add up by the row's own equation (or the row has none and was cut one way only) */
  sure: boolean;
  /** the figures were more than the row holds, and a window of them was taken */
  window?: 'leading' | 'trailing' | 'equation';
  /** there were more readings than were tried: none of them may be taken for the row */
  truncated?: boolean;
}

/**
 * A row's figures → its readings. Layout blanks (empty cells of merged columns) are dropped when
 * the figures fit without them; more separated figures than cells is a stray figure in front
 * (表三, a lost label) or a surplus after (表二): the window that adds up is taken.
 */
function fitRow(format: FormatId, table: TableId, ids: readonly string[], figures: readonly Token[], take: 'leading' | 'trailing'): RowFit {
  const defs = ids.map((id) => cellDef(format, id)!);
  const eqs = rowEquations(format, table, ids);
  const attempt = (toks: readonly Token[]): RowFit | null => {
    if (!toks.length) return null;
    const fit = fitPieces(toks.map(pieceOf), defs, eqs);
    if (!fit.readings.length) return null;
    const runs = toks.some((t) => t.kind === 'run');
    // separated figures have one reading; a run is sure when it adds up or could be cut only one way
    // a run that adds up, or that can be cut only one way even if a blank cell had vanished from it
    const sure = fit.readings.length === 1 && !fit.truncated && (fit.addsUp || !runs || noBlankFits(toks, defs));
    return { readings: fit.readings, sure, truncated: fit.truncated };
  };
  const filled = figures.filter((t) => !t.empty);
  const first = attempt(figures) ?? attempt(layoutTrimmed(figures, ids.length)) ?? (filled.length !== figures.length ? attempt(filled) : null);
  if (first) return first;
  // fewer figures than cells, and the source does not show where its blanks are
  if (!eqs.length && !figures.some((t) => t.kind === 'blank')) {
    const placed = blankReadings(figures, defs);
    if (placed.length === 1) return { readings: placed, sure: true };
  }
  const separated = filled.filter((t) => t.kind !== 'run');
  if (separated.length === filled.length && filled.length > ids.length) {
    const n = ids.length;
    const windows = Array.from({ length: filled.length - n + 1 }, (_, k) => filled.slice(k, k + n));
    if (eqs.length) {
      const adding = windows.filter((w) => eqs.every((e) => check(e, (id) => numeric(w[ids.indexOf(id)]!)) === 'holds'));
      if (adding.length === 1) return { readings: [adding[0]!.map(textOf)], sure: false, window: 'equation' };
      // several windows add up (a row of the office's own printed after this one): the table's
      // equations between rows choose (decideOpenRows), else the row stays open
      if (adding.length > 1) return { readings: [...new Map(adding.map((w) => [w.map(textOf).join('|'), w.map(textOf)])).values()], sure: false, window: 'equation' };
    }
    const w = take === 'leading' ? windows[0]! : windows.at(-1)!;
    return { readings: [w.map(textOf)], sure: false, window: take };
  }
  return { readings: [], sure: false };
}

/**
 * A delimited row printed across the table's full width: the empty cells after its last figure
 * that the row does not have (2019's 收费 and 采购 rows fill two of three columns) are layout,
 * not blanks; an empty cell between figures stays a blank in its column.
 */
function layoutTrimmed(figures: readonly Token[], cells: number): Token[] {
  const out = [...figures];
  while (out.length > cells && out.at(-1)?.empty) out.pop();
  return out.length === figures.length ? [] : out;
}

/**
 * A row of fewer figures than cells whose source does not show where its blanks are (a line per
 * cell, spaces, a run): every choice of blank cells whose figures the other cells can hold, by
 * their kinds. One choice left (「0.834」 can only be 采购总金额, 「-3」 only 本年增/减): the kinds
 * have placed the figures. Rows of up to four cells (表二's); more choices leave the row open.
 */
function blankReadings(toks: readonly Token[], defs: readonly CellDef[]): Reading[] {
  const n = defs.length;
  if (!toks.length || n > 4) return [];
  const pieces = toks.map(pieceOf);
  const out = new Map<string, Reading>();
  for (let mask = 1; mask < (1 << n) - 1; mask++) {
    const keep = defs.map((_, i) => i).filter((i) => !((mask >> i) & 1));
    const fit = fitPieces(pieces, keep.map((i) => defs[i]!), []);
    if (fit.truncated) return [];
    for (const r of fit.readings) {
      if (!r.every((t, k) => t !== null && parseFigure(defs[keep[k]!]!, t, false).ok)) continue;
      const full: Reading = defs.map(() => null);
      keep.forEach((i, k) => (full[i] = r[k]!));
      out.set(full.join('|'), full);
    }
  }
  return [...out.values()];
}

/** No reading of the figures as one cell fewer (a blank in any column): then none vanished. */
function noBlankFits(toks: readonly Token[], defs: readonly CellDef[]): boolean {
  const pieces = toks.map(pieceOf);
  return defs.every((_, k) => fitPieces(pieces, defs.filter((__, i) => i !== k), []).readings.length === 0);
}

function textOf(t: Token): string | null {
  return t.kind === 'blank' ? t.text || null : t.text;
}

function numeric(t: Token | undefined): number | null | undefined {
  if (!t) return undefined;
  if (t.kind === 'blank') return null;
  const n = Number(t.text.replace(UNIT, ''));
  return Number.isFinite(n) ? n : undefined;
}

function countFigures(tokens: readonly Token[]): number {
  return tokens.filter((t) => t.kind === 'num' || t.kind === 'run' || (t.kind === 'blank' && !t.empty)).length;
}

// ---------------------------------------------------------------------------------------------
// Tables 二 and 三

interface RowPlan {
  row: string;
  ids: string[];
  fit: RowFit;
  label: string;
  /** the figures the row was read from */
  figures: readonly Token[];
  /** placed by position after a lost label */
  placed?: boolean;
}

/** The rows of one alignment, with the lost-label rows placed; and how many rows fit. */
export function planRows(format: FormatId, table: 't2' | 't3', labels: TableLabels, segs: readonly Segment[], take: 'leading' | 'trailing', direction: 'after' | 'before') {
  const own = new Map<string, Segment>();
  for (const s of segs) {
    if (s.entry.kind !== 'leaf') continue;
    const row = s.entry.rows[0]!;
    const prev = own.get(row);
    if (!prev || (prev.figures.length === 0 && s.figures.length > 0)) own.set(row, s);
  }
  const plans = new Map<string, RowPlan>();
  const notes: string[] = [];
  const order = labels.rowOrder;
  for (const [row, seg] of own) {
    if (!seg.figures.length) continue;
    const ids = labels.rowCells.get(row)!;
    // an over-full row next to rows whose labels were lost (after it when figures follow their
    // label, before it when they precede it): its surplus is theirs
    const lost: string[] = [];
    const step = direction === 'after' ? 1 : -1;
    for (let k = order.indexOf(row) + step; k >= 0 && k < order.length && !own.has(order[k]!); k += step) lost.push(order[k]!);
    const chunks = lost.length ? splitRows(seg.figures, ids.length, lost.length + 1, ids.length) : null;
    if (chunks && chunks.length > 1 && seg.figures.filter((t) => !t.empty).length > ids.length) {
      const rows = direction === 'after' ? [row, ...lost.slice(0, chunks.length - 1)] : [...lost.slice(0, chunks.length - 1).reverse(), row];
      rows.forEach((r, k) => {
        const rowIds = labels.rowCells.get(r)!;
        plans.set(r, { row: r, ids: rowIds, fit: fitRow(format, table, rowIds, chunks[k]!, take), label: seg.entry.text, figures: chunks[k]!, placed: r !== row });
      });
      notes.push(`${tableName(table)}「${seg.entry.text}」${direction === 'after' ? '之后' : '之前'}的 ${rows.length - 1} 行在原文中没有行名，已按表格顺序读取，请核对`);
      continue;
    }
    const fit = fitRow(format, table, ids, seg.figures, take);
    plans.set(row, { row, ids, fit, label: seg.entry.text, figures: seg.figures });
  }
  // figures right after a group label: the rows of the group whose own labels were lost
  for (const seg of segs) {
    if (seg.entry.kind !== 'group' || seg.figures.filter((t) => !t.empty).length === 0) continue;
    const lost: string[] = [];
    for (const row of seg.entry.rows) {
      if (own.has(row) || plans.has(row)) break;
      lost.push(row);
    }
    if (lost.length === 0) continue;
    const n = labels.rowCells.get(lost[0]!)!.length;
    const split = splitRows(seg.figures, n, lost.length, n + 1);
    const chunks = split && split.length === lost.length ? split : null;
    lost.forEach((row, k) => {
      const ids = labels.rowCells.get(row)!;
      const fit: RowFit = chunks ? fitRow(format, table, ids, chunks[k]!, take) : { readings: [], sure: false };
      plans.set(row, { row, ids, fit, label: seg.entry.text, figures: chunks?.[k] ?? [], placed: true });
    });
    notes.push(
      chunks
        ? `${tableName(table)}「${seg.entry.text}」下的 ${lost.length} 行在原文中没有行名（网页复制时丢失），已按顺序读取每行最后 ${n} 个数，请核对`
        : `${tableName(table)}「${seg.entry.text}」下的 ${lost.length} 行没有行名，数字个数（${seg.figures.length} 个）也对不上，已留空，请对照原文填写`,
    );
  }
  // how well this alignment reads: rows read for sure count twice, rows read with doubt once
  let score = 0;
  for (const plan of plans.values()) {
    if (plan.fit.readings.length === 1) score += plan.fit.sure && !plan.placed ? 2 : 1;
    else if (plan.fit.readings.length > 1) score += 1;
  }
  return { own, plans, notes, score };
}

/**
 * How well an alignment reads the table: rows read (planRows' score), plus the table's equations
 * between rows that hold with its figures (a shift by one row breaks them), less the figures it
 * leaves to no row (the first row's figures before any label, when figures precede labels).
 */
export function alignmentScore(format: FormatId, table: TableId, plan: ReturnType<typeof planRows>, evs: readonly Event[], direction: 'after' | 'before', trailingPlaced = false): number {
  const values = new Map<string, number | null>();
  for (const p of plan.plans.values()) {
    if (p.fit.readings.length !== 1) continue;
    p.ids.forEach((id, i) => {
      const t = p.fit.readings[0]![i];
      values.set(id, t === null || t === undefined || PLACEHOLDER.test(t) ? null : Number(t));
    });
  }
  const checked = tableEquations(format, table).map((e) => check(e, (id) => values.get(id)));
  const holding = checked.filter((c) => c === 'holds').length;
  // figures before their labels must be clearly better: an equation between rows that fails there
  // is evidence against it (rows shifted by one still add up each on its own, not against each
  // other); figures after their labels are how tables are written, and a published table that
  // does not add up is read as published
  const failing = direction === 'before' ? checked.filter((c) => c === 'fails').length : 0;
  // figures that no row takes: after the last label (figures before labels), or under a header
  // (figures after labels); figures before any label are another table's, not this one's
  let orphans = 0;
  const seq = direction === 'before' ? [...evs].reverse() : evs;
  let boundary = direction === 'before';
  for (const e of seq) {
    if (e.kind === 'label') {
      if (direction === 'before') break;
      boundary = e.entry.kind === 'boundary';
    } else if (boundary && !e.token.empty) orphans++;
  }
  if (trailingPlaced) orphans = 0;
  return plan.score + 2 * holding - 2 * failing - orphans / 2;
}

/**
 * Figures printed before their labels, and figures left after the table's last label: the last
 * rows' own, whose label was lost (text copied out of a PDF drops a line). They are placed on the
 * rows after the last row read, in table order, marked uncertain unless the equations between
 * rows confirm them (confirmByEquations).
 */
function placeTrailing(format: FormatId, table: 't2' | 't3', labels: TableLabels, evs: readonly Event[], plan: ReturnType<typeof planRows>, take: 'leading' | 'trailing'): boolean {
  const lastLabel = evs.findLastIndex((e) => e.kind === 'label');
  if (lastLabel < 0) return false;
  const trailing = evs.slice(lastLabel + 1).flatMap((e) => (e.kind === 'figure' && !e.token.empty ? [e.token] : []));
  const lastRead = Math.max(...labels.rowOrder.map((row, k) => (plan.plans.has(row) ? k : -1)));
  const lost = labels.rowOrder.slice(lastRead + 1);
  if (!trailing.length || lastRead < 0 || !lost.length) return false;
  const n = labels.rowCells.get(lost[0]!)!.length;
  const chunks = splitRows(trailing, n, lost.length, n);
  if (!chunks) return false;
  const label = (evs[lastLabel] as { entry: LabelEntry }).entry.text;
  chunks.slice(0, lost.length).forEach((figures, k) => {
    const ids = labels.rowCells.get(lost[k]!)!;
    plan.plans.set(lost[k]!, { row: lost[k]!, ids, fit: fitRow(format, table, ids, figures, take), label, figures, placed: true });
  });
  plan.notes.push(`${tableName(table)}「${label}」之后的 ${Math.min(chunks.length, lost.length)} 行在原文中没有行名，已按表格顺序读取，请核对`);
  return true;
}

/**
 * Figures of `rows` rows that lost their labels: by source line where the source had rows, else
 * by count (`width` or `width + 1` per row, the extra being a stray figure in front).
 */
function splitRows(figures: readonly Token[], n: number, rows: number, maxWidth: number): Token[][] | null {
  const filled = figures.filter((t) => !t.empty);
  const byLine = new Map<number, Token[]>();
  for (const f of filled) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
  const lineRows = [...byLine.values()];
  if (lineRows.length > 1 && lineRows.length <= rows && lineRows.every((r) => r.length >= n && r.length <= maxWidth)) return lineRows;
  if (filled.some((t) => t.kind === 'run')) return null;
  for (let count = rows; count >= 2; count--) {
    for (const width of [n, n + 1]) {
      if (width > maxWidth + 1) continue;
      if (filled.length === count * width) return Array.from({ length: count }, (_, k) => filled.slice(k * width, (k + 1) * width));
    }
  }
  if (rows === 1 && filled.length >= n) return [filled];
  return null;
}

function readRows(format: FormatId, table: 't2' | 't3', lines: readonly Line[], take: 'leading' | 'trailing'): TableRead {
  const labels = tableLabels(format, table);
  const tokens = tokenize(lines, labels);
  const reader = new Reader(format, table === 't2' && moneyHeaderInYuan(tokens));
  const evs = events(labels, tokens);
  for (const e of evs) {
    if (e.kind === 'label' && e.printed) reader.warnings.push(`${tableName(table)}的行名「${e.printed}」与规定格式的「${e.entry.text}」写法不同，已按「${e.entry.text}」一行读取，请核对`);
  }
  // a form export names each cell by its row and column (「规章·本年制发件数：7」)
  const addressed = cellAddresses(format, table, evs);
  if (addressed.size >= labels.rowOrder.length) {
    for (const [id, tok] of addressed) reader.assign([id], [textOf(tok)]);
    for (const row of labels.rowOrder) reader.missing(labels.rowCells.get(row)!.filter((id) => !addressed.has(id)));
    return reader.result(countFigures(tokens));
  }
  const after = planRows(format, table, labels, segmentsOf(evs, 'after'), take, 'after');
  const before = planRows(format, table, labels, segmentsOf(evs, 'before'), take, 'before');
  // figures after their label is how tables are written: the other way needs clearly better evidence
  // the last rows' figures left after the last label (their label lost) are theirs, not orphans
  const trailing = placeTrailing(format, table, labels, evs, before, take);
  const chosen = alignmentScore(format, table, before, evs, 'before', trailing) > alignmentScore(format, table, after, evs, 'after') + 2 ? before : after;
  if (chosen === before) reader.warnings.push(`${tableName(table)}的数字在原文中印在行名之前（从 PDF 复制的文字常见），已按行名之前的数字读取，请核对`);

  const open: RowPlan[] = [];
  const tooMany: RowPlan[] = [];
  for (const plan of chosen.plans.values()) {
    const { fit } = plan;
    const n = plan.ids.length;
    if (fit.readings.length === 0) {
      reader.missing(plan.ids);
      const count = countFigures(plan.figures);
      if (!plan.placed) {
        reader.warnings.push(
          count < n
            ? `${tableName(table)}「${plan.label}」一行只有 ${count} 个数（应为 ${n} 个），无法确定对应哪几列，已留空，请对照原文填写`
            : `${tableName(table)}「${plan.label}」一行的数字无法拆分成 ${n} 格，已留空，请对照原文填写`,
        );
      }
      continue;
    }
    if (fit.truncated && !fit.sure) {
      reader.missing(plan.ids);
      tooMany.push(plan);
      continue;
    }
    if (fit.window && !plan.placed) {
      const count = countFigures(plan.figures);
      reader.warnings.push(
        fit.window === 'equation'
          ? `${tableName(table)}「${plan.label}」一行有 ${count} 个数（应为 ${n} 个），已取其中合计相符的 ${n} 个，请核对`
          : `${tableName(table)}「${plan.label}」一行有 ${count} 个数（应为 ${n} 个），已取${fit.window === 'leading' ? '前' : '后'} ${n} 个，请核对`,
      );
    }
    if (fit.readings.length > 1) {
      open.push(plan);
      continue;
    }
    reader.assign(plan.ids, fit.readings[0]!, !fit.sure || plan.placed === true || fit.window !== undefined);
  }
  reader.warnings.push(...chosen.notes);
  if (open.length) decideOpenRows(format, table, reader, open);
  for (const plan of readJointly(format, table, reader, open, readByOtherRows(format, table, reader, tooMany))) {
    reader.warnings.push(`${tableName(table)}「${plan.label}」一行的数字连在一起，可以拆成太多种读法，已留空，请对照原文填写`);
  }
  confirmByEquations(format, table, reader, [...chosen.plans.values()]);
  for (const row of labels.rowOrder) if (!chosen.plans.has(row)) reader.missing(labels.rowCells.get(row)!);
  return reader.result(countFigures(tokens));
}

/**
 * Rows whose digits can be cut more than one way, each adding up: the table's other equations
 * choose. A cell on which every best combination agrees is read; the others stay blank and the
 * warning names the readings, so the clerk chooses with the published table in front of them.
 */
function decideOpenRows(format: FormatId, table: TableId, reader: Reader, open: RowPlan[]): void {
  const eqs = tableEquations(format, table);
  const combos = open.reduce((n, p) => n * p.fit.readings.length, 1);
  let best: Reading[][] = [];
  if (combos <= 5000) {
    let bestScore = -1;
    const choice: Reading[] = [];
    const value = (id: string): number | null | undefined => {
      for (let k = 0; k < open.length; k++) {
        const i = open[k]!.ids.indexOf(id);
        if (i >= 0) {
          const t = choice[k]![i];
          return t === null || t === undefined ? null : Number(t);
        }
      }
      return reader.cells[id] ?? undefined;
    };
    const visit = (k: number) => {
      if (k === open.length) {
        const score = eqs.filter((e) => check(e, value) === 'holds').length;
        if (score > bestScore) {
          bestScore = score;
          best = [[...choice]];
        } else if (score === bestScore) best.push([...choice]);
        return;
      }
      for (const r of open[k]!.fit.readings) {
        choice[k] = r;
        visit(k + 1);
      }
    };
    visit(0);
  }
  open.forEach((plan, k) => {
    const readings = best.length ? [...new Map(best.map((b) => [b[k]!.join('|'), b[k]!])).values()] : plan.fit.readings;
    if (readings.length === 1) {
      reader.assign(plan.ids, readings[0]!, plan.placed === true);
      return;
    }
    const agreed: Reading = plan.ids.map((_, i) => (readings.every((r) => r[i] === readings[0]![i]) ? readings[0]![i]! : undefined)) as Reading;
    reader.assign(plan.ids, agreed, true);
    reader.missing(plan.ids.filter((_, i) => agreed[i] === undefined));
    const shown = readings
      .slice(0, 2)
      .map((r) => r.map((t) => t ?? '空').join(' | '))
      .join('」或「');
    reader.warnings.push(`${tableName(table)}「${plan.label}」一行的数字连在一起，有不止一种读法（「${shown}」${readings.length > 2 ? '等' : ''}），合计都对得上；对不准的格已留空，请对照原文填写`);
  });
}

/**
 * Rows whose digits run together in too many ways to try them all (「34539721921179249732592218590」
 * for seven cells): where the table's equations give each of the row's cells from rows already
 * read for sure (（七）总计 from the results, 一 from （七）＋四－二), and those figures printed
 * together are exactly the row's digits, the digits vouch for the arithmetic and the row is read.
 * Rows are tried until none more can be read; the rows left are returned (blank, uncertain).
 */
function readByOtherRows(format: FormatId, table: TableId, reader: Reader, rows: readonly RowPlan[]): RowPlan[] {
  const eqs = tableEquations(format, table);
  // the row's own cells derived so far count as known: its 总计 is the sum of the parts just derived
  let row = new Map<string, number>();
  const known = (id: string) => row.has(id) || (id in reader.cells && !reader.uncertain.has(id));
  const valueOf = (id: string) => row.get(id) ?? reader.cells[id]!;
  const derive = (id: string): number | null => {
    let found: number | null = null;
    for (const e of eqs) {
      const side = e.left.includes(id) ? 'left' : e.right.includes(id) ? 'right' : null;
      if (!side) continue;
      const others = [...e.left, ...e.right].filter((x) => x !== id);
      if (!others.every(known)) continue;
      const sum = (ids: string[]) => ids.filter((x) => x !== id).reduce((n, x) => n + valueOf(x), 0);
      const v = side === 'left' ? sum(e.right) - sum(e.left) : sum(e.left) - sum(e.right);
      if (v < 0 || (found !== null && found !== v)) return null;
      found = v;
    }
    return found;
  };
  let left = [...rows];
  for (let progress = true; progress && left.length; ) {
    progress = false;
    for (const plan of left) {
      row = new Map();
      for (let more = true; more; ) {
        more = false;
        for (const id of plan.ids) {
          if (row.has(id)) continue;
          const v = derive(id);
          if (v === null) continue;
          row.set(id, v);
          more = true;
        }
      }
      const values = plan.ids.map((id) => row.get(id));
      row = new Map();
      if (values.some((v) => v === undefined)) continue;
      const digits = plan.figures.filter((t) => !t.empty).map((t) => t.text).join('');
      if (values.join('') !== digits) continue;
      for (const id of plan.ids) reader.uncertain.delete(id);
      reader.assign(plan.ids, values.map(String), plan.placed === true);
      left = left.filter((p) => p !== plan);
      progress = true;
    }
  }
  return left;
}

/**
 * Rows too ambiguous to cut (`rows`) that need a row still open between readings (四 cut two ways,
 * 一 in too many): each combination of the open rows' readings is tried; where exactly one lets
 * every such row be read from the others (readByOtherRows), the digits and the equations agree
 * on one table and it is read. Otherwise everything stays as it was. Returns the rows left.
 */
function readJointly(format: FormatId, table: TableId, reader: Reader, open: readonly RowPlan[], rows: RowPlan[]): RowPlan[] {
  const ambiguous = open.filter((p) => !p.placed && p.ids.some((id) => reader.uncertain.has(id)));
  const combos = ambiguous.reduce((n, p) => n * p.fit.readings.length, 1);
  if (!rows.length || !ambiguous.length || combos > 256) return rows;
  const saved = { cells: { ...reader.cells }, uncertain: [...reader.uncertain] };
  const restore = () => {
    for (const id of Object.keys(reader.cells)) delete reader.cells[id];
    Object.assign(reader.cells, saved.cells);
    reader.uncertain.clear();
    for (const id of saved.uncertain) reader.uncertain.add(id);
  };
  const winners: Record<string, number>[] = [];
  for (let c = 0; c < combos && winners.length < 2; c++) {
    restore();
    let k = c;
    for (const plan of ambiguous) {
      const reading = plan.fit.readings[k % plan.fit.readings.length]!;
      k = Math.floor(k / plan.fit.readings.length);
      for (const id of plan.ids) reader.uncertain.delete(id);
      reader.assign(plan.ids, reading);
    }
    if (readByOtherRows(format, table, reader, rows).length === 0) winners.push({ ...reader.cells });
  }
  restore();
  if (winners.length !== 1) return rows;
  for (const plan of [...ambiguous, ...rows]) {
    for (const id of plan.ids) {
      if (id in winners[0]!) reader.cells[id] = winners[0]![id]!;
      else delete reader.cells[id];
      reader.uncertain.delete(id);
    }
    // the open row's warning named its readings: one was chosen
    const at = reader.warnings.findIndex((w) => w.includes(`「${plan.label}」一行的数字连在一起，有不止一种读法`));
    if (at >= 0) reader.warnings.splice(at, 1);
  }
  return [];
}

/**
 * Rows placed without their label, or chosen from a surplus, are confirmed when every equation
 * that touches them holds with the figures as read: the arithmetic then vouches for the figures.
 * It cannot vouch for the order of several rows placed from one run of unlabelled figures (a sum
 * is the same in any order), so those are confirmed only when their figures are all alike.
 */
function confirmByEquations(format: FormatId, table: TableId, reader: Reader, plans: readonly RowPlan[]): void {
  const placedFrom = new Map<string, RowPlan[]>();
  for (const p of plans) if (p.placed) placedFrom.set(p.label, [...(placedFrom.get(p.label) ?? []), p]);
  const orderKnown = (p: RowPlan) => {
    if (!p.placed) return true;
    const runs = placedFrom.get(p.label)!;
    return runs.length === 1 || runs.every((r) => r.fit.readings[0]?.join('|') === p.fit.readings[0]?.join('|'));
  };
  const doubtful = plans.filter((p) => (p.placed || p.fit.window) && p.fit.readings.length === 1 && orderKnown(p) && p.ids.every((id) => id in reader.cells));
  if (!doubtful.length) return;
  const eqs = tableEquations(format, table);
  const value = (id: string) => reader.cells[id] ?? undefined;
  for (const plan of doubtful) {
    const touching = eqs.filter((e) => [...e.left, ...e.right].some((id) => plan.ids.includes(id)));
    const acrossRows = touching.filter((e) => ![...e.left, ...e.right].every((id) => plan.ids.includes(id)));
    if (acrossRows.length && touching.every((e) => check(e, value) === 'holds')) for (const id of plan.ids) reader.uncertain.delete(id);
  }
}

/**
 * Figures each preceded by its row label and then its column header, with nothing between:
 * 「（一）予以公开·自然人：4」. The column header is matched against the row's own cells'
 * column labels (core/format), so it decides the column whatever the order of the lines.
 */
function cellAddresses(format: FormatId, table: TableId, evs: readonly Event[]): Map<string, Token> {
  const out = new Map<string, Token>();
  const defs = getFormat(format).tables[table].cells;
  let row: string | null = null;
  let column: string | null = null;
  for (const e of evs) {
    if (e.kind === 'label') {
      if (e.entry.kind === 'leaf') {
        row = e.entry.rows[0]!;
        column = null;
      } else if (e.entry.kind === 'boundary' && row) column = labelKey(e.entry.text);
      else row = column = null;
      continue;
    }
    if (row && column) {
      const def = defs.find((d) => d.row === row && d.colPath.length && labelKey(d.colPath.at(-1)!) === column);
      if (def && !out.has(def.id)) out.set(def.id, e.token);
    }
    row = column = null;
  }
  return out;
}

/** 「本年收费金额（单位：元）」: a local header that prints the fee in 元 instead of 万元. */
function moneyHeaderInYuan(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === 'word' && /金额/.test(t.text) && /[(（][^)）]*[^万]元/.test(t.text) && !/万元/.test(t.text));
}

export function readTable2(format: FormatId, lines: readonly Line[]): TableRead {
  return readRows(format, 't2', lines, 'leading');
}

export function readTable3(format: FormatId, lines: readonly Line[]): TableRead {
  const { lines: laid, turned } = untransposeTable3(format, lines);
  const read = readRows(format, 't3', laid, 'trailing');
  if (turned) read.warnings.unshift(`${tableName('t3')}印成了行列对调的样式（申请人在行，办理结果在列），已按行名和列名对调后读取，请核对`);
  return read;
}

// ---------------------------------------------------------------------------------------------
// Table 四

/**
 * Table 四: fifteen figures under three rows of headers. The figures after the first header are
 * read, skipping headers (a report may print 复议 and 诉讼 as two tables, or its three groups as
 * one row), up to the first words that are not headers. Digits run together are cut by the three
 * group totals.
 */
export function readTable4(format: FormatId, lines: readonly Line[]): TableRead {
  const labels = tableLabels(format, 't4');
  const ids = [...labels.rowCells.values()].flat();
  const reader = new Reader(format);
  const tokens = tokenize(lines, labels);
  const start = tokens.findIndex((t) => t.kind === 'word' && hitsIn(labels, [{ text: t.text, token: 0 }]).length > 0);
  const figures: Token[] = [];
  if (start >= 0) {
    for (const tok of tokens.slice(start + 1)) {
      if (tok.kind !== 'word') figures.push(tok);
      else if (!isFragmentOf(labels, tok.text)) {
        if (figures.some((f) => !f.empty)) break;
      }
    }
  }
  const fit = fitRow(format, 't4', ids, figures, 'leading');
  if (fit.truncated && !fit.sure) {
    reader.missing(ids);
    reader.warnings.push('表四的数字连在一起，可以拆成太多种读法，已留空，请对照原文填写');
  } else if (fit.readings.length === 1) {
    reader.assign(ids, fit.readings[0]!, !fit.sure || fit.window !== undefined);
    if (fit.window) {
      reader.warnings.push(`表四有 ${countFigures(figures)} 个数（应为 ${ids.length} 个），已取${fit.window === 'equation' ? '其中合计相符的' : '前'} ${ids.length} 个，请核对`);
    }
  } else if (fit.readings.length > 1) {
    decideOpenRows(format, 't4', reader, [{ row: 't4', ids, fit, label: '行政复议、行政诉讼', figures }]);
  } else {
    reader.missing(ids);
    const count = countFigures(figures);
    if (count > 0) reader.warnings.push(`表四只读到 ${count} 个数（应为 ${ids.length} 个），无法确定对应哪几列，已留空，请对照原文填写`);
  }
  return reader.result(countFigures(tokens));
}

/**
 * Words made only of the table's headers, or a piece of one that a line break cut off
 * (「结果」 of 「结果纠正」, 「行政复议行政诉讼」 printed as one cell).
 */
export function isFragmentOf(labels: TableLabels, text: string): boolean {
  const key = rawKey(text);
  if (!key) return false;
  if (labels.allKeys.includes(key)) return true;
  const keys = keysOf(labels);
  let pos = 0;
  while (pos < key.length) {
    const found = keys.find((k) => key.startsWith(k.key, pos));
    if (!found) return labels.allKeys.includes(key.slice(pos));
    pos += found.key.length;
  }
  return true;
}
