import { headingNumber, type HeadingLevel } from '../../../core/report/prose.js';
import { parseHtmlDocument } from '../../../core/import/html.js';
import { isElement, type Element, type Node } from '../../../core/import/markup.js';
import { BULLET, markerOf } from './numbering.js';

/**
 * What a paste puts into the prose. Text copied from Word or WPS arrives as HTML full of foreign
 * styling; it is read — never rendered, so no script runs and no image or remote file is ever
 * fetched — into the editor's plain-text model: one paragraph per line, headings kept (by their
 * 公文 numbering, or by the heading style they had), lists kept as list items, everything else
 * (fonts, colours, sizes, spacing, indentation) dropped. Pictures and embedded objects cannot be
 * part of the report's text; they are dropped and counted so the clerk is told.
 */

/** The most text one part of the report may hold: far above any real section, small enough to edit smoothly. */
export const MAX_PROSE_CHARS = 200_000;

export interface PasteInput {
  html?: string;
  plain?: string;
  /** files on the clipboard (a copied picture arrives as one) */
  files?: number;
}

export interface PasteResult {
  /** the text to insert; empty when refused or when nothing usable was on the clipboard */
  text: string;
  /** what the clerk should know about the paste (dropped pictures, tables turned into text) */
  notices: string[];
  /** why nothing was pasted */
  refused?: string;
}

const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header',
  'footer', 'blockquote', 'tr', 'caption', 'center', 'form', 'hr', 'main', 'nav', 'aside', 'figure', 'figcaption',
  'address', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'body', 'html',
]);
/** pictures: HTML images and Word's VML shapes */
const PICTURES = new Set(['img', 'v:imagedata', 'v:shape', 'picture', 'canvas', 'svg']);
/** embedded things that are not text */
const OBJECTS = new Set(['object', 'embed', 'iframe', 'video', 'audio', 'applet', 'frame', 'o:oleobject']);
/** never text: skipped with their content */
const IGNORED = new Set(['head', 'script', 'style', 'noscript', 'template', 'title', 'meta', 'link', 'xml', 'button', 'select', 'textarea']);

/** characters that carry nothing printable: Word's private-use list symbols, zero-width marks, controls */
const JUNK_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\ue000-\uf8ff]/g;
/** Word breaks long HTML source lines inside a sentence; next to a Chinese character that break is no space */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const SPACE_BETWEEN_CJK_RE = new RegExp(
  `(?<=[${CJK}])[ \\t\\u00a0]+(?=[${CJK}0-9A-Za-z])|(?<=[0-9A-Za-z])[ \\t\\u00a0]+(?=[${CJK}])`,
  'g',
);

/** Word's bullets in the Symbol and Wingdings fonts come through as private-use characters */
const SYMBOL_BULLET_RE = /^[\s\u00a0]*[\uf0a7\uf0b7\uf0d8\uf0fc\uf076\uf06e\uf075\uf0a8]/;

function cleanLine(line: string): string {
  return line
    .replace(SYMBOL_BULLET_RE, '·')
    .replace(JUNK_RE, '')
    .replace(/[\t\u00a0\u2002\u2003\u2009]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(SPACE_BETWEEN_CJK_RE, '')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** The heading level an element carries by its tag or Word/WPS style, if any. */
function styleLevel(el: Element): number | undefined {
  const h = /^h([1-6])$/.exec(el.name);
  if (h) return Number(h[1]);
  const cls = el.attrs.class ?? '';
  const msoHeading = /MsoHeading([1-9])/i.exec(cls);
  if (msoHeading) return Number(msoHeading[1]);
  const outline = /mso-outline-level\s*:\s*(\d)/i.exec(el.attrs.style ?? '');
  if (outline) return Number(outline[1]);
  return undefined;
}

interface Block {
  text: string;
  /** heading level by style (1 = the highest the source used) */
  level?: number;
  list?: 'ol' | 'ul';
}

interface Walk {
  blocks: Block[];
  pictures: number;
  objects: number;
  tables: number;
}

function walk(root: Element): Walk {
  const out: Walk = { blocks: [], pictures: 0, objects: 0, tables: 0 };
  let buffer = '';
  let level: number | undefined;
  // the list items being read; only the first line of an item gets the item's mark
  const items: { kind: 'ol' | 'ul'; marked: boolean }[] = [];
  const flush = () => {
    for (const part of buffer.split('\n')) {
      const text = cleanLine(part);
      if (!text) continue;
      const item = items.at(-1);
      out.blocks.push({ text, level, list: item && !item.marked ? item.kind : undefined });
      if (item) item.marked = true;
    }
    buffer = '';
    level = undefined;
  };
  // iterative: pasted pages can nest deeply
  const stack: { node: Node; exit?: Element }[] = [{ node: root }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      if (BLOCKS.has(exit.name)) flush();
      if (exit.name === 'li') items.pop();
      else if (exit.name === 'td' || exit.name === 'th') buffer += '\u3000';
      continue;
    }
    if (!isElement(node)) {
      buffer += node.replace(/[\r\n]+/g, ' ');
      continue;
    }
    const name = node.name;
    if (IGNORED.has(name)) continue;
    if (PICTURES.has(name)) {
      // Word writes a picture twice (VML shape + fallback img); count the shape's image once
      if (name !== 'v:shape') out.pictures += 1;
      continue;
    }
    if (OBJECTS.has(name)) {
      out.objects += 1;
      continue;
    }
    if (name === 'br') {
      buffer += '\n';
      continue;
    }
    if (name === 'table') out.tables += 1;
    if (BLOCKS.has(name)) flush();
    const l = styleLevel(node);
    if (l !== undefined) level = l;
    if (name === 'li') items.push({ kind: node.parent?.name === 'ol' ? 'ol' : 'ul', marked: false });
    stack.push({ node, exit: node });
    for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k]! });
  }
  flush();
  return out;
}

/**
 * Blocks → lines. A heading that already carries its 公文 numbering stays as written; one known
 * only by its style gets the numbering of its rank (the highest style used → （一）, the next →
 * 1., then （1）): inside a section, the section's own 「一、」 is already taken.
 */
function linesOf(blocks: Block[]): string[] {
  const styled = [...new Set(blocks.filter((b) => b.level !== undefined && !markerOf(b.text)).map((b) => b.level!))].sort((x, y) => x - y);
  return blocks.map((b) => {
    if (b.level !== undefined && !markerOf(b.text)) {
      const level = Math.min(2 + styled.indexOf(b.level), 4) as HeadingLevel;
      return `${headingNumber(level, 1)}${b.text}`;
    }
    if (b.list && !markerOf(b.text)) return `${b.list === 'ol' ? '①' : BULLET}${b.text}`;
    return normaliseBullet(b.text);
  });
}

/** Word's bullets arrive as 「·」 「」 or 「o」 before the text: keep them as the editor's bullet. */
function normaliseBullet(text: string): string {
  return text.replace(/^[·•●▪■◆◇○◦]\s*/, BULLET);
}

export function proseFromHtml(html: string): { text: string; pictures: number; objects: number; tables: number } {
  // Word and WPS put the copied part between these markers; reading only it skips their styling blocks
  const start = html.indexOf('<!--StartFragment-->');
  const end = html.indexOf('<!--EndFragment-->');
  const source = start !== -1 && end > start ? html.slice(start, end) : html;
  const result = walk(parseHtmlDocument(source));
  return { text: linesOf(result.blocks).join('\n'), pictures: result.pictures, objects: result.objects, tables: result.tables };
}

/** Plain text: one paragraph per line, indentation and blank lines dropped. */
export function proseFromPlain(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(cleanLine)
    .filter(Boolean)
    .map(normaliseBullet)
    .join('\n');
}

function countText(n: number): string {
  return n >= 10_000 ? `${(n / 10_000).toFixed(1)}万` : `${n} `;
}

/**
 * Reads a paste. `room` is how many characters the part may still take. A paste too large is
 * refused whole with a message (never cut off silently).
 */
export function preparePaste(input: PasteInput, room: number): PasteResult {
  const notices: string[] = [];
  let text = '';
  const html = input.html?.trim() ? input.html : undefined;
  if (html) {
    // far beyond what any section needs; reading it would only waste the clerk's time
    if (html.length > 20 * MAX_PROSE_CHARS) {
      return { text: '', notices, refused: `复制的内容太大（约 ${countText(html.length)} 字符），没有粘贴。请只复制需要的段落。` };
    }
    const read = proseFromHtml(html);
    text = read.text;
    if (read.pictures) notices.push(`复制的内容里有 ${read.pictures} 张图片，已略去：报告正文只保留文字。`);
    if (read.objects) notices.push(`复制的内容里有 ${read.objects} 个嵌入对象，已略去。`);
    if (read.tables) notices.push(`复制的内容里有 ${read.tables} 个表格，已按行转为文字。统计表的数字请在表二、表三、表四中填写。`);
    // some programs put only a picture in the HTML and the words in the plain text
    if (!text && input.plain?.trim()) text = proseFromPlain(input.plain);
  } else if (input.plain) {
    text = proseFromPlain(input.plain);
  }
  if (!text && input.files) {
    notices.push('复制的是图片或文件，报告正文只能粘贴文字，已略去。');
  }
  const length = [...text].length;
  if (length > room) {
    return {
      text: '',
      notices: [],
      refused: `要粘贴的文字有 ${countText(length)}字，超过了这一部分还能容纳的 ${countText(Math.max(room, 0))}字，没有粘贴。年度报告的一个部分通常只有几千字，请只复制需要的段落。`,
    };
  }
  return { text, notices };
}
