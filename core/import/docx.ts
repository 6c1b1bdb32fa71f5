import { linesFromTable, splitParagraphs, textLine, type Line, type TableCell } from './lines.js';
import { ancestorsOf, descendants, isElement, parseMarkup, walk, type Element } from './markup.js';
import { readZipDirectory, readZipEntry, type ZipResult } from './zip.js';

/**
 * A .docx → lines, from the structure of word/document.xml: paragraphs (w:p) are lines, tables
 * (w:tbl/w:tr/w:tc) are rows of cells, w:gridSpan is a column span and w:vMerge runs are turned
 * into a row span on the cell that starts them (the continuation cells disappear, as in HTML).
 */

const MAIN_PART = 'word/document.xml';

/** Parts whose text is not the document's: deleted revisions, the fallback copy of a drawing. */
const SKIP = new Set(['w:del', 'mc:Fallback', 'w:instrText', 'w:delText', 'w:rPr', 'w:pPr', 'w:tcPr', 'w:trPr', 'w:tblPr', 'w:tblGrid']);

export function linesFromDocx(bytes: Uint8Array): ZipResult<Line[]> {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return dir;
  const entry =
    dir.value.find((e) => e.name === MAIN_PART) ?? dir.value.find((e) => /(^|\/)document\.xml$/i.test(e.name));
  if (!entry) {
    return { ok: false, message: '这个压缩文件里没有 Word 正文（word/document.xml），不是 .docx 文件；请选择 Word 文件、网页或文字文件' };
  }
  const xml = readZipEntry(bytes, entry);
  if (!xml.ok) return xml;
  return { ok: true, value: linesFromDocumentXml(new TextDecoder().decode(xml.value)) };
}

export function linesFromDocumentXml(xml: string): Line[] {
  const root = parseMarkup(xml);
  const body = descendants(root, 'w:body')[0] ?? root;
  const layout = ancestorsOf(body, 'w:tbl');
  const lines: Line[] = [];
  walk(body, {
    enter: (el) => {
      if (SKIP.has(el.name)) return false;
      if (el.name === 'w:p') {
        for (const t of splitParagraphs(textOf(el))) lines.push(textLine(t));
        return false;
      }
      if (el.name === 'w:tbl' && !layout.has(el)) {
        for (const line of linesFromTable(readTable(el))) lines.push(line);
        return false;
      }
    },
  });
  return lines;
}

function child(el: Element, name: string): Element | undefined {
  return el.children.find((c): c is Element => isElement(c) && c.name === name);
}

function intAttr(el: Element | undefined, fallback: number): number {
  const n = Number.parseInt(el?.attrs['w:val'] ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : fallback;
}

function readTable(tbl: Element): TableCell[][] {
  const rows: TableCell[][] = [];
  /** the cell that started a vertical merge, by grid column */
  const open = new Map<number, TableCell>();
  for (const tr of tbl.children.filter(isElement).filter((c) => c.name === 'w:tr')) {
    const row: TableCell[] = [];
    const trPr = child(tr, 'w:trPr');
    let col = trPr ? intAttr(child(trPr, 'w:gridBefore'), 0) : 0;
    for (const tc of tr.children.filter(isElement).filter((c) => c.name === 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const colSpan = intAttr(tcPr && child(tcPr, 'w:gridSpan'), 1);
      const vMerge = tcPr && child(tcPr, 'w:vMerge');
      const start = open.get(col);
      if (vMerge && vMerge.attrs['w:val'] !== 'restart' && start) {
        // continuation of the cell above: it is covered by that cell's row span
        start.rowSpan += 1;
      } else {
        const cell: TableCell = { text: textOf(tc), colSpan, rowSpan: 1 };
        row.push(cell);
        if (vMerge) open.set(col, cell);
        else open.delete(col);
      }
      col += colSpan;
    }
    rows.push(row);
  }
  return rows;
}

/** Text of a paragraph or a cell: w:t runs, w:tab as a space, w:br and paragraph ends as line breaks. */
function textOf(el: Element): string {
  let out = '';
  walk(el, {
    enter: (node) => {
      if (SKIP.has(node.name)) return false;
      if (node.name === 'w:t') out += node.children.filter((c): c is string => typeof c === 'string').join('');
      else if (node.name === 'w:tab') out += ' ';
      else if (node.name === 'w:br' || node.name === 'w:cr') out += '\n';
      else return true;
      return false;
    },
    exit: (node) => {
      if (node.name === 'w:p') out += '\n';
    },
  });
  return out.replace(/\n+$/, '');
}
