import { CELL_PADDING_MM } from './tables.js';

/**
 * How a short label wraps in a table cell, worked out the way Word, WPS, LibreOffice and
 * Chromium all do it for Chinese: each Chinese character and full-width mark is one em wide,
 * Latin letters and digits take their Times New Roman widths, a line is filled greedily, and
 * the line-breaking rules (禁则) keep 、。，）” from starting a line and （“ from ending one.
 * Used to choose and check the column widths of the tables, so that no label leaves a single
 * character on its last line.
 */

/** Times New Roman advance widths in em for the Latin characters labels contain. */
const LATIN_EM: Record<string, number> = { '.': 0.25, ',': 0.25, '-': 0.333, '/': 0.278, ' ': 0.25, '%': 0.833 };

export function charEm(ch: string): number {
  if (ch.codePointAt(0)! >= 0x2e80) return 1;
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[a-z]/.test(ch)) return 0.45;
  if (/[A-Z]/.test(ch)) return 0.67;
  return LATIN_EM[ch] ?? 0.5;
}

/** Marks that may not start a line. */
export const NO_START = new Set([...'、。，．：；？！）」』】〕〉》”’…—·%）']);
/** Marks that may not end a line. */
export const NO_END = new Set([...'（「『【〔〈《“‘']);

/** Units a line may not be broken inside: a run of Latin letters and digits, or one other character. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9.%]+|[\s\S]/gu) ?? [];
}

const width = (s: string): number => [...s].reduce((w, ch) => w + charEm(ch), 0);

/** The lines a text breaks into at `capacityEm` ems to a line. */
export function wrapLines(text: string, capacityEm: number): string[] {
  const parts = units(text);
  const lines: string[][] = [[]];
  let used = 0;
  for (const part of parts) {
    const w = width(part);
    const line = lines.at(-1)!;
    if (used + w <= capacityEm + 1e-9 || line.length === 0) {
      line.push(part);
      used += w;
      continue;
    }
    // break before `part`; 禁则: pull the last unit down when `part` may not start a line, or
    // when the line would end on an opening mark
    const next: string[] = [part];
    while (line.length > 1 && (NO_START.has(next[0]![0]!) || NO_END.has(line.at(-1)!.at(-1)!))) next.unshift(line.pop()!);
    lines.push(next);
    used = next.reduce((a, p) => a + width(p), 0);
  }
  return lines.map((l) => l.join(''));
}

/** Ems to a line in a cell `cellMm` wide at `fontPt`, less the padding on both sides and the border. */
export function cellCapacityEm(cellMm: number, fontPt: number): number {
  const borderMm = 0.75 * (25.4 / 72);
  return (cellMm - 2 * CELL_PADDING_MM - borderMm) / (fontPt * (25.4 / 72));
}

/** Whether a label's last line holds a single character while the label has more than one line. */
export function leavesOrphan(text: string, capacityEm: number): boolean {
  const lines = wrapLines(text, capacityEm);
  return lines.length > 1 && [...lines.at(-1)!].length === 1;
}
