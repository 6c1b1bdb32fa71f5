import { SECTIONS, sectionHeading, SECTION_TITLE_ALIASES } from '../format/index.js';
import { SECTION_WORDS } from './sections.js';

/**
 * Every source (pasted text, .txt, HTML, DOCX) is first brought to one shape: a list of lines.
 * A line is either running text or a table row. Table rows keep their cells (merged cells
 * appear once, as in HTML), so the table reader can tell rows apart where the source had rows;
 * one-cell-per-line sources simply give rows of one cell.
 */
export interface Line {
  cells: string[];
  /** the line came from a table row or a delimited line (pipes, tabs), not from running text */
  row: boolean;
}

/** A table as read from HTML or DOCX, before it becomes lines. */
export interface TableCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export function textLine(text: string): Line {
  return { cells: [text], row: false };
}

const MARKDOWN_MARKS = /^(#{1,6}\s+|>\s*)/;

/**
 * A spreadsheet row saved as CSV: ASCII commas between cells (a quoted cell may hold commas),
 * at least three of them, and at least two cells that are figures. A sentence with ASCII commas
 * has no such run of figures.
 */
function csvCells(line: string): string[] | null {
  if ((line.match(/,/g)?.length ?? 0) < 3 || /[|\t]/.test(line)) return null;
  const out: string[] = [];
  let rest = line;
  while (rest.length) {
    const quoted = /^"([^"]*)"(,|$)/.exec(rest);
    if (quoted) {
      out.push(quoted[1]!.trim());
      rest = rest.slice(quoted[0].length);
      if (!quoted[2]) break;
      continue;
    }
    const comma = rest.indexOf(',');
    out.push((comma < 0 ? rest : rest.slice(0, comma)).trim());
    if (comma < 0) break;
    rest = rest.slice(comma + 1);
    if (!rest.length) out.push('');
  }
  return out.filter((c) => /^[-+]?\d+(\.\d+)?$/.test(c)).length >= 2 ? out : null;
}

/**
 * Plain text: a line with pipes or tabs between its cells is a table row (spec §7: pipes per
 * cell, pipes per row, tabs). Leading and trailing pipes are the row's frame, not cells.
 */
export function linesFromText(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    // Markdown from OCR or a converter: 「## 一、总体情况」, 「**（一）**」, 「> 引文」 are the text itself
    const trimmed = raw.trim().replace(MARKDOWN_MARKS, '').replace(/\*\*/g, '').trim();
    if (!trimmed) continue;
    const csv = csvCells(trimmed);
    if (csv) {
      lines.push({ cells: csv, row: true });
      continue;
    }
    if (/[|\t]/.test(trimmed)) {
      const cells = trimmed.split(/[|\t]/).map((c) => c.trim());
      // the frame pipes of 「| a | b |  |」 are not cells; the empty cell before the last pipe is a blank
      if (trimmed.startsWith('|')) cells.shift();
      if (trimmed.endsWith('|') && cells.length) cells.pop();
      if (!cells.some((c) => c !== '')) continue;
      lines.push({ cells, row: true });
    } else {
      lines.push(textLine(trimmed));
    }
  }
  return lines;
}

/**
 * A table from HTML or DOCX. A table used for page layout (one column, or one filled cell per
 * row) holds running text, so it becomes text lines; a real table becomes one row per table row.
 */
export function linesFromTable(rows: TableCell[][]): Line[] {
  const filled = rows.map((r) => r.filter((c) => c.text.trim() !== ''));
  const layout = filled.every((r) => r.length <= 1);
  if (layout) {
    return filled.flatMap((r) => r.flatMap((c) => splitParagraphs(c.text)).map(textLine));
  }
  return rows
    .map((r): Line => ({ cells: r.map((c) => c.text.trim()), row: true }))
    .filter((l) => l.cells.some((c) => c !== ''));
}

export function splitParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The lines as the review screen shows the source: rows with 「 | 」 between cells. */
export function linesToText(lines: readonly Line[]): string {
  return lines.map((l) => (l.row ? l.cells.join(' | ') : l.cells[0] ?? '')).join('\n');
}

/** The six numbered section headings as printed (and the titles seen in the wild), longest first. */
const HEADINGS = [
  ...SECTIONS.map((s) => sectionHeading(s)),
  ...Object.entries(SECTION_TITLE_ALIASES).map(([title, key]) => `${SECTIONS.find((s) => s.key === key)!.numeral}、${title}`),
].sort((a, b) => b.length - a.length);

const REWORDED_HEADING = /([一二三四五六])、([\u4e00-\u9fff、]{2,20}?(?:情况|事项))/g;

/**
 * A whole article on one line (a site's text export, a crawler): the line is broken before each
 * section heading found inside it, so that the sections, and the tables in them, are found as in
 * any other text. Lines of ordinary length are left alone.
 */
export function breakRunTogether(lines: readonly Line[]): Line[] {
  if (!lines.some((l) => !l.row && l.cells[0]!.length > 400)) return [...lines];
  const out: Line[] = [];
  for (const line of lines) {
    const text = line.cells[0]!;
    if (line.row || text.length <= 400) {
      out.push(line);
      continue;
    }
    // each heading becomes a line of its own, the text before and after it lines of their own;
    // the report's title, at the start, too
    const cuts = new Map<number, string>();
    const title = /^.{4,80}?工作年度报告/.exec(text);
    if (title && !HEADINGS.some((h) => title[0].includes(h))) cuts.set(0, title[0]);
    const free = (at: number, h: string) => ![...cuts].some(([c, ch]) => at < c + ch.length && c < at + h.length);
    for (const h of HEADINGS) {
      for (let at = text.indexOf(h); at >= 0; at = text.indexOf(h, at + 1)) {
        if (free(at, h)) cuts.set(at, h);
      }
    }
    // headings worded otherwise (「二、主动公开情况」「三、依申请公开情况」): the section's numeral,
    // a short title of words only that ends in 情况 or 事项 and names the section, for a section not yet cut
    const cut = new Set([...cuts.values()].map((h) => h[0]));
    for (const m of text.matchAll(REWORDED_HEADING)) {
      const section = SECTIONS.find((s) => s.numeral === m[1]);
      if (!section || cut.has(m[1]!) || !SECTION_WORDS[section.key].test(m[2]!) || !free(m.index!, m[0])) continue;
      cuts.set(m.index!, m[0]);
      cut.add(m[1]!);
    }
    let from = 0;
    for (const [at, h] of [...cuts].sort((a, b) => a[0] - b[0])) {
      if (at > from) out.push(textLine(text.slice(from, at).trim()));
      out.push(textLine(h));
      from = at + h.length;
    }
    out.push(textLine(text.slice(from).trim()));
  }
  return out.filter((l) => l.cells[0] !== '');
}
