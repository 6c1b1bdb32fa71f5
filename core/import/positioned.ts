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

export interface PositionedPage {
  pieces: TextPiece[];
}

interface Cell {
  x0: number;
  x1: number;
  pieces: TextPiece[];
}

/** a gap between pieces of one line wider than this share of the text height separates cells */
const CELL_GAP = 1.1;

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

function cellsOf(row: readonly TextPiece[]): Cell[] {
  const height = median(row.map((p) => p.h)) || 10;
  const sorted = [...row].sort((a, b) => a.x - b.x);
  const cells: Cell[] = [];
  for (const p of sorted) {
    const cell = cells.at(-1);
    if (cell && p.x - cell.x1 < height * CELL_GAP) {
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

export function linesFromPositioned(pages: readonly PositionedPage[]): Line[] {
  const lines: Line[] = [];
  for (const page of pages) {
    const right = Math.max(0, ...page.pieces.map((p) => p.x + p.w));
    let openParagraph = false;
    for (const row of rowsOf(page.pieces)) {
      const cells = cellsOf(row);
      const texts = cells.map(cellText).filter(Boolean);
      if (!texts.length) continue;
      if (texts.length > 1) {
        lines.push({ cells: texts, row: true });
        openParagraph = false;
        continue;
      }
      const text = texts[0]!;
      const prev = lines.at(-1);
      if (openParagraph && prev && !prev.row && !STARTS_ITEM.test(text)) prev.cells[0] += text;
      else lines.push({ cells: [text], row: false });
      const height = median(row.map((p) => p.h)) || 10;
      openParagraph = right - cells.at(-1)!.x1 < height * 1.5 && !/[。：:；]$/.test(text);
    }
  }
  return lines;
}
