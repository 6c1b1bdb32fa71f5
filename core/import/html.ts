import { linesFromTable, textLine, type Line, type TableCell } from './lines.js';
import { ancestorsOf, descendants, isElement, parseMarkup, walk, type Element } from './markup.js';

/**
 * A saved web page (or HTML from the clipboard) → lines. Tables that hold other tables are page
 * layout: their text flows like paragraphs; the innermost tables are read as tables, with
 * rowspan/colspan kept on the cells. <br> and block elements end a line.
 */

const VOIDS = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source', 'embed', 'param', 'track']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'select', 'svg', 'iframe', 'object', 'button']);
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header',
  'footer', 'blockquote', 'tr', 'td', 'th', 'caption', 'center', 'form', 'hr', 'main', 'nav', 'aside', 'figure',
  'figcaption', 'address', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'title', 'body', 'html',
]);
const CELL_SCOPE = ['table'];
const IMPLIED = {
  td: { closes: ['td', 'th'], scope: ['tr', ...CELL_SCOPE] },
  th: { closes: ['td', 'th'], scope: ['tr', ...CELL_SCOPE] },
  tr: { closes: ['tr'], scope: CELL_SCOPE },
  li: { closes: ['li'], scope: ['ul', 'ol'] },
  p: { closes: ['p'], scope: ['div', 'td', 'th', 'li', 'body', ...CELL_SCOPE] },
} as const;

export interface HtmlContent {
  lines: Line[];
  /** <img> elements in the body: a page whose tables are pictures has headings and images only */
  images: number;
}

export function parseHtmlDocument(html: string): Element {
  return parseMarkup(html, { voids: VOIDS, skipContent: SKIP, lowerCase: true, impliedEnd: IMPLIED });
}

export function linesFromHtml(html: string): HtmlContent {
  const root = parseHtmlDocument(html);
  const layout = ancestorsOf(root, 'table');
  const lines: Line[] = [];
  let buffer = '';
  const flush = () => {
    for (const part of buffer.split('\n')) {
      const t = part.replace(/\s+/g, ' ').trim();
      if (t) lines.push(textLine(t));
    }
    buffer = '';
  };
  let images = 0;
  walk(root, {
    // line breaks in the page source are spaces; only <br> and blocks end a line
    text: (t) => (buffer += t.replace(/\s+/g, ' ')),
    enter: (el) => {
      if (el.name === 'head') {
        const title = descendants(el, 'title')[0];
        if (title) buffer += textOf(title);
        flush();
        return false;
      }
      if (el.name === 'br') buffer += '\n';
      if (el.name === 'img') images += 1;
      if (el.name === 'table' && !layout.has(el)) {
        flush();
        for (const line of linesFromTable(readTable(el))) lines.push(line);
        return false;
      }
      const cells = cssRowCells(el);
      if (cells) {
        flush();
        lines.push({ row: true, cells: cells.map(textOf) });
        return false;
      }
      if (BLOCKS.has(el.name)) flush();
    },
    exit: (el) => {
      if (BLOCKS.has(el.name)) flush();
    },
  });
  flush();
  return { lines, images };
}

const CSS_ROW = /\b(tr|row|table-row)\b/i;
const CSS_CELL = /\b(td|th|cell|col|table-cell)\b/i;
const styleOrClass = (el: Element) => `${el.attrs.class ?? ''} ${(el.attrs.style ?? '').replace(/display\s*:\s*/gi, '')}`;

/**
 * A table made of <div>s and <span>s by a site without <table> (its cells shown apart by CSS,
 * which is not read here): an element named a row by its class or display, whose children are
 * at least two elements named cells. Their text would otherwise run together (「84012…」).
 */
function cssRowCells(el: Element): Element[] | null {
  if (el.name === 'tr' || !CSS_ROW.test(styleOrClass(el))) return null;
  const children = el.children.filter(isElement);
  if (children.length < 2 || !children.every((c) => CSS_CELL.test(styleOrClass(c)))) return null;
  return children;
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function readTable(table: Element): TableCell[][] {
  return descendants(table, 'tr').map((tr) =>
    tr.children
      .filter(isElement)
      .filter((c) => c.name === 'td' || c.name === 'th')
      .map((cell) => ({ text: textOf(cell), colSpan: span(cell.attrs.colspan), rowSpan: span(cell.attrs.rowspan) })),
  );
}

/** The text of an element, with a line break for <br> and between block elements. */
export function textOf(el: Element): string {
  let out = '';
  const boundary = (node: Element) => {
    if (node.name === 'br' || (BLOCKS.has(node.name) && node !== el)) out += '\n';
  };
  walk(el, { text: (t) => (out += t.replace(/\s+/g, ' ')), enter: boundary, exit: boundary });
  return out
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean)
    .join('\n');
}
