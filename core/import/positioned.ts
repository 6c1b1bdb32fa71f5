import type { Line } from './lines.js';

/**
 * Text with positions (a PDF's text layer) → lines. A PDF has no rows or cells, only pieces of
 * text placed on the page; the table is rebuilt from where they sit:
 *
 * - a row is the pieces whose vertical extents overlap (a label wrapped over two lines in a tall
 *   cell, with its figures centred beside it, is one row);
 * - within a row, pieces whose horizontal extents overlap are one cell (the wrapped label's two
 *   lines), and a gap wider than about one character separates cells;
 * - a row of one cell is running text; two or more cells, a table row.
 *
 * Pure: the pieces come from the host's PDF reader (electron/services/import-pdf.ts).
 */

export interface TextPiece {
  text: string;
  /** left edge, top edge, width, height, in page units with y growing downwards */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A vertical ruling line of a table (a cell border), in the same units as the pieces. */
export interface Rule {
  x: number;
  y0: number;
  y1: number;
}

/** A horizontal ruling line (a row border). */
export interface HRule {
  y: number;
  x0: number;
  x1: number;
}

export interface PositionedPage {
  pieces: TextPiece[];
  /** the table's vertical borders, where the PDF draws them: they separate cells whatever the gap */
  rules?: Rule[];
  /** the table's horizontal borders: with the vertical ones they make each cell's box */
  hrules?: HRule[];
}

interface Cell {
  x0: number;
  x1: number;
  pieces: TextPiece[];
}

const PAGE_NUMBER = /^[-—–]+\s*\d{1,3}\s*[-—–]+$|^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$|^\d{1,3}\s*\/\s*\d{1,3}$/;

/** a gap between pieces of one line wider than this share of the text height separates cells (a space is ~0.3) */
const CELL_GAP = 0.45;

function rowsOf(pieces: readonly TextPiece[]): TextPiece[][] {
  const sorted = pieces.filter((p) => p.text.trim()).sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: { y0: number; y1: number; pieces: TextPiece[] }[] = [];
  for (const p of sorted) {
    const row = rows.at(-1);
    // overlap by more than a third of the smaller height: same row
    const overlap = row ? Math.min(row.y1, p.y + p.h) - Math.max(row.y0, p.y) : -1;
    if (row && overlap > Math.min(p.h, row.y1 - row.y0) / 3) {
      row.pieces.push(p);
      row.y1 = Math.max(row.y1, p.y + p.h);
    } else rows.push({ y0: p.y, y1: p.y + p.h, pieces: [p] });
  }
  return rows.map((r) => r.pieces);
}

/**
 * A piece that runs over a border (a PDF writer may join the figures of two narrow cells into one
 * piece of text) is cut at the border, in proportion to its characters.
 */
function cutAtRules(row: readonly TextPiece[], rules: readonly Rule[]): TextPiece[] {
  if (!rules.length) return [...row];
  const out: TextPiece[] = [];
  for (const p of row) {
    const mid = p.y + p.h / 2;
    const inside = rules.filter((r) => r.y0 <= mid && mid <= r.y1 && r.x > p.x + 1 && r.x < p.x + p.w - 1).map((r) => r.x);
    if (!inside.length || p.text.length < 2) {
      out.push(p);
      continue;
    }
    const per = p.w / p.text.length;
    let from = 0;
    for (const x of [...new Set(inside)].sort((a, b) => a - b)) {
      const at = Math.round((x - p.x) / per);
      if (at <= from || at >= p.text.length) continue;
      out.push({ ...p, text: p.text.slice(from, at), x: p.x + from * per, w: (at - from) * per });
      from = at;
    }
    out.push({ ...p, text: p.text.slice(from), x: p.x + from * per, w: (p.text.length - from) * per });
  }
  return out;
}

function cellsOf(row: readonly TextPiece[], rules: readonly Rule[] = []): Cell[] {
  const height = median(row.map((p) => p.h)) || 10;
  const sorted = cutAtRules(row, rules).sort((a, b) => a.x - b.x);
  const top = Math.min(...row.map((p) => p.y));
  const bottom = Math.max(...row.map((p) => p.y + p.h));
  const mid = (top + bottom) / 2;
  const ruled = rules.filter((r) => r.y0 <= mid && mid <= r.y1);
  const cells: Cell[] = [];
  for (const p of sorted) {
    const cell = cells.at(-1);
    const border = cell && ruled.some((r) => r.x >= cell.x1 - 1 && r.x <= p.x + 1);
    if (cell && !border && p.x - cell.x1 < height * CELL_GAP) {
      cell.pieces.push(p);
      cell.x1 = Math.max(cell.x1, p.x + p.w);
    } else cells.push({ x0: p.x, x1: p.x + p.w, pieces: [p] });
  }
  return cells;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A cell's text: its lines top to bottom, each left to right; lines joined without a space (Chinese wraps mid-word). */
function cellText(cell: Cell): string {
  const lines = rowsOf(cell.pieces.map((p) => ({ ...p, h: p.h * 0.6 })));
  return lines
    .map((l) =>
      l
        .sort((a, b) => a.x - b.x)
        .map((p) => p.text)
        .join(''),
    )
    .join('')
    .trim();
}

/**
 * A line of running text that reaches the right margin goes on in the next line: the PDF broke a
 * paragraph there, not the writer. A heading or a numbered item starts a line of its own.
 */
const STARTS_ITEM = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|附件|—)/;

/**
 * Where a PDF draws its table's borders, each piece of text belongs to the box around it: the
 * nearest borders left, right, above and below. A box is a cell (its lines joined, however the
 * label wrapped); boxes with the same top edge are a row; a box between borders with no text in
 * it is a blank cell, so the figures after it keep their columns.
 */
function ruledRows(page: PositionedPage): { rows: { y: number; cells: string[] }[]; loose: TextPiece[] } {
  const v = page.rules ?? [];
  const h = page.hrules ?? [];
  const loose: TextPiece[] = [];
  if (v.length < 2 || h.length < 2) return { rows: [], loose: [...page.pieces] };
  const boxes = new Map<string, { l: number; r: number; t: number; b: number; pieces: TextPiece[] }>();
  for (const p of page.pieces) {
    if (!p.text.trim()) continue;
    const cx = p.x + p.w / 2;
    const cy = p.y + p.h / 2;
    const vs = v.filter((r) => r.y0 - 1 <= cy && cy <= r.y1 + 1);
    const hs = h.filter((r) => r.x0 - 1 <= cx && cx <= r.x1 + 1);
    const l = Math.max(...vs.filter((r) => r.x <= cx).map((r) => r.x));
    const r = Math.min(...vs.filter((r) => r.x > cx).map((r) => r.x));
    const t = Math.max(...hs.filter((r) => r.y <= cy).map((r) => r.y));
    const b = Math.min(...hs.filter((r) => r.y > cy).map((r) => r.y));
    if (![l, r, t, b].every(Number.isFinite)) {
      loose.push(p);
      continue;
    }
    const key = [l, r, t, b].map((n) => Math.round(n)).join(',');
    const box = boxes.get(key) ?? { l, r, t, b, pieces: [] };
    box.pieces.push(p);
    boxes.set(key, box);
  }
  const byTop = new Map<number, (typeof boxes extends Map<string, infer B> ? B : never)[]>();
  for (const box of boxes.values()) {
    const top = Math.round(box.t);
    byTop.set(top, [...(byTop.get(top) ?? []), box]);
  }
  const rows: { y: number; cells: string[] }[] = [];
  for (const [top, list] of byTop) {
    const bottom = Math.min(...list.map((b) => b.b));
    const mid = (top + bottom) / 2;
    // borders drawn twice (each cell's own edge) are one border
    const xs: number[] = [];
    for (const x of v.filter((r) => r.y0 - 1 <= mid && mid <= r.y1 + 1).map((r) => r.x).sort((a, b) => a - b)) {
      if (!xs.length || x - xs.at(-1)! > 2) xs.push(x);
    }
    const sorted = list.sort((a, b) => a.l - b.l);
    const cells: string[] = [];
    for (let i = 0; i + 1 < xs.length; i++) {
      const x0 = xs[i]!;
      const box = sorted.find((b) => b.l <= x0 + 2.5 && x0 < b.r - 2.5);
      if (!box) cells.push('');
      else if (box.l >= x0 - 2.5) cells.push(cellText({ x0: box.l, x1: box.r, pieces: box.pieces }));
      // the rest of a box that spans several columns adds nothing
    }
    if (cells.some((c) => c !== '')) rows.push({ y: top, cells });
  }
  return { rows, loose };
}

export function linesFromPositioned(pages: readonly PositionedPage[]): Line[] {
  const lines: Line[] = [];
  for (const page of pages) {
    const right = Math.max(0, ...page.pieces.map((p) => p.x + p.w));
    const ruled = ruledRows(page);
    // table rows and running text, in the order they stand on the page
    const items: ({ y: number; table: string[] } | { y: number; row: TextPiece[] })[] = [
      ...ruled.rows.map((r) => ({ y: r.y, table: r.cells })),
      ...rowsOf(ruled.loose).map((row) => ({ y: Math.min(...row.map((p) => p.y)), row })),
    ].sort((a, b) => a.y - b.y);
    let openParagraph = false;
    for (const item of items) {
      if ('table' in item) {
        // a box as wide as its row (a heading inside a page frame) is running text
        const filled = item.table.filter((c) => c !== '');
        lines.push(filled.length === 1 && item.table.length <= 3 ? { cells: filled, row: false } : { cells: item.table, row: true });
        openParagraph = false;
        continue;
      }
      const row = item.row;
      const cells = cellsOf(row, page.rules);
      const texts = cells.map(cellText).filter(Boolean);
      if (!texts.length) continue;
      if (texts.length > 1) {
        lines.push({ cells: texts, row: true });
        openParagraph = false;
        continue;
      }
      const text = texts[0]!;
      // the page number under each page (「— 3 —」, 「第 3 页」): furniture of the PDF, not text
      if (PAGE_NUMBER.test(text)) continue;
      const prev = lines.at(-1);
      if (openParagraph && prev && !prev.row && !STARTS_ITEM.test(text)) prev.cells[0] += text;
      else lines.push({ cells: [text], row: false });
      const height = median(row.map((p) => p.h)) || 10;
      openParagraph = right - cells.at(-1)!.x1 < height * 1.5 && !/[。：:；]$/.test(text);
    }
  }
  return lines;
}
