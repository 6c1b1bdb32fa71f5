import { TOKEN_RE, tokenFor } from '../../../core/report/prose.js';

/**
 * The prose editor's text ⇄ page model (issue 12, point 11). The stored text stays exactly what it
 * was (plain lines, figures as `{{cell:t3.r1.total}}`); on the page each line is one block and each
 * figure one atomic chip — an inline element the browser cannot edit into (contenteditable=false)
 * that shows the figure's value now and names it on hover and to a screen reader. Offsets are
 * always stored offsets: a chip spans its whole token, so a caret can stand before or after it,
 * never inside.
 *
 * The page side is written against the few DOM members it needs (MiniNode, MiniDocument) so that
 * the round trip is unit-tested without a browser.
 */

export type Part = { kind: 'text'; text: string } | { kind: 'figure'; id: string };

/** A stored text as lines of parts. Adjacent text is one part; an empty line has none. */
export function partsOf(stored: string): Part[][] {
  return stored.split('\n').map((line) => {
    const parts: Part[] = [];
    let at = 0;
    for (const m of line.matchAll(TOKEN_RE)) {
      if (m.index > at) parts.push({ kind: 'text', text: line.slice(at, m.index) });
      parts.push({ kind: 'figure', id: m[1]! });
      at = m.index + m[0].length;
    }
    if (at < line.length) parts.push({ kind: 'text', text: line.slice(at) });
    return parts;
  });
}

export function storedOf(lines: readonly (readonly Part[])[]): string {
  return lines.map((parts) => parts.map((p) => (p.kind === 'text' ? p.text : tokenFor(p.id))).join('')).join('\n');
}

// ——— the page ———

/** The DOM members the model uses (a real Node has them all). */
export interface MiniNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  textContent: string | null;
  parentNode: MiniNode | null;
  childNodes: ArrayLike<MiniNode>;
  getAttribute?(name: string): string | null;
}

export interface MiniElement extends MiniNode {
  setAttribute(name: string, value: string): void;
  appendChild(child: MiniNode): unknown;
  className: string;
}

export interface MiniDocument {
  createElement(name: string): MiniElement;
  createTextNode(text: string): MiniNode;
}

export interface ChipLook {
  /** the figure's short name (core/format labels, renderer/report/prose/figures.ts) */
  label(id: string): string;
  /** its value now: 「5」, 「0.35」, 「（未填）」 */
  value(id: string): string;
}

const TEXT = 3;
const ELEMENT = 1;
export const CHIP_CLASS = 'figure-token';
export const LINE_CLASS = 'pl';

export function chipTitle(look: ChipLook, id: string): string {
  return `${look.label(id)}：${look.value(id)}（表格中的数字，随表格自动更新）`;
}

export function makeChip(doc: MiniDocument, look: ChipLook, id: string): MiniElement {
  const chip = doc.createElement('span');
  chip.className = CHIP_CLASS;
  chip.setAttribute('contenteditable', 'false');
  chip.setAttribute('data-cell', id);
  chip.setAttribute('title', chipTitle(look, id));
  chip.setAttribute('aria-label', `${look.label(id)}：${look.value(id)}`);
  chip.appendChild(doc.createTextNode(look.value(id)));
  return chip;
}

/** One line's block. An empty line holds a <br>, as the browser's own editing does, so it has a height and takes the caret. */
export function makeLine(doc: MiniDocument, look: ChipLook, parts: readonly Part[], className = LINE_CLASS): MiniElement {
  const line = doc.createElement('div');
  line.className = className;
  for (const p of parts) line.appendChild(p.kind === 'text' ? doc.createTextNode(p.text) : makeChip(doc, look, p.id));
  if (!parts.length) line.appendChild(doc.createElement('br'));
  return line;
}

function cellOf(node: MiniNode): string | null {
  return node.nodeType === ELEMENT ? (node.getAttribute?.('data-cell') ?? null) : null;
}

const BLOCKS = new Set(['DIV', 'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL']);
const isBlock = (node: MiniNode) => node.nodeType === ELEMENT && BLOCKS.has(node.nodeName.toUpperCase());
const isBr = (node: MiniNode) => node.nodeType === ELEMENT && node.nodeName.toUpperCase() === 'BR';

/** The stored length a node stands for: its text, a chip's whole token; a <br> placeholder nothing. */
export function storedLength(node: MiniNode): number {
  if (node.nodeType === TEXT) return node.nodeValue?.length ?? 0;
  const id = cellOf(node);
  if (id) return tokenFor(id).length;
  let n = 0;
  for (let i = 0; i < node.childNodes.length; i++) n += storedLength(node.childNodes[i]!);
  return n;
}

/**
 * The stored text the page holds. Normally every line is one of our blocks; after the browser
 * edited on its own (an input method's composition, a spelling fix) there may be other shapes —
 * text straight in the root, a block inside a block, <br>s — and they read as the lines they show.
 * Text that merely looks like a token is the clerk's text: 「{{」 typed in a line is kept as typed,
 * a figure exists only as a chip.
 */
export function readPage(root: MiniNode): string {
  const lines: string[] = [];
  let current: string | null = null;
  const endLine = () => {
    lines.push(current ?? '');
    current = null;
  };
  const walk = (node: MiniNode) => {
    if (node.nodeType === TEXT) {
      current = (current ?? '') + (node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const id = cellOf(node);
    if (id) {
      current = (current ?? '') + tokenFor(id);
      return;
    }
    if (isBr(node)) {
      // a <br> ends a line, unless it is only an empty block's placeholder or closes a block's last line
      const parent = node.parentNode;
      const last = parent && parent.childNodes[parent.childNodes.length - 1] === node;
      if (!(last && parent !== root)) endLine();
      else if (current === null) current = '';
      return;
    }
    const block = isBlock(node) && node !== root;
    if (block && current !== null) endLine();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    // a block's own line (an empty block has its placeholder <br>, which started one)
    if (block && current !== null) endLine();
  };
  walk(root);
  if (current !== null) endLine();
  return lines.length ? lines.join('\n') : '';
}

/** A page position (a node and an offset in it, as a Selection gives) as a stored offset; inside a chip, its start or end. */
export function storedOffset(root: MiniNode, node: MiniNode, offset: number, bias: 'start' | 'end' = 'end', starts?: readonly number[]): number {
  // inside a chip: its edge
  for (let n: MiniNode | null = node; n && n !== root; n = n.parentNode) {
    if (cellOf(n)) return edgeOf(root, n, bias, starts);
  }
  // the lines before the one holding the position
  const lines = root.childNodes;
  let lineIndex = -1;
  if (node === root) {
    // between lines: the start of the next one, or the end of the text
    if (!lines.length) return 0;
    if (offset < lines.length) return lineStartOf(root, offset, starts);
    return lineStartOf(root, lines.length - 1, starts) + storedLength(lines[lines.length - 1]!);
  }
  let line: MiniNode = node;
  while (line.parentNode && line.parentNode !== root) line = line.parentNode;
  for (let i = 0; i < lines.length; i++) if (lines[i] === line) lineIndex = i;
  if (lineIndex < 0) return 0;
  return lineStartOf(root, lineIndex, starts) + within(line, node, offset);
}

/** Where line `lineIndex` starts in the stored text: from `starts` when the caller keeps them (a long text has thousands of lines), else counted. */
function lineStartOf(root: MiniNode, lineIndex: number, starts?: readonly number[]): number {
  if (starts && lineIndex < starts.length) return starts[lineIndex]!;
  let at = 0;
  for (let i = 0; i < lineIndex; i++) at += storedLength(root.childNodes[i]!) + 1;
  return at;
}

/** The stored offset of (node, offset) inside `container`. */
function within(container: MiniNode, node: MiniNode, offset: number): number {
  if (node.nodeType === TEXT) return before(container, node) + offset;
  let n = before(container, node);
  for (let i = 0; i < Math.min(offset, node.childNodes.length); i++) n += storedLength(node.childNodes[i]!);
  return n;
}

/** The stored length of everything in `container` that comes before `node`. */
function before(container: MiniNode, node: MiniNode): number {
  if (node === container) return 0;
  const parent = node.parentNode;
  if (!parent) return 0;
  let n = before(container, parent);
  for (let i = 0; i < parent.childNodes.length; i++) {
    const c = parent.childNodes[i]!;
    if (c === node) break;
    n += storedLength(c);
  }
  return n;
}

function edgeOf(root: MiniNode, chip: MiniNode, bias: 'start' | 'end', starts?: readonly number[]): number {
  const parent = chip.parentNode!;
  let index = 0;
  while (parent.childNodes[index] !== chip) index++;
  return storedOffset(root, parent, bias === 'start' ? index : index + 1, 'end', starts);
}

/**
 * Where a stored offset is on the page, for a Selection: in a text node where there is one, else
 * between a line's children (before or after a chip). An offset inside a token goes after the chip.
 */
export function pagePosition(root: MiniNode, offset: number, starts?: readonly number[]): { node: MiniNode; offset: number } {
  const lines = root.childNodes;
  if (starts && starts.length === lines.length && lines.length) {
    // the last line starting at or before the offset
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return positionIn(lines[lo]!, Math.max(0, Math.min(offset - starts[lo]!, storedLength(lines[lo]!))));
  }
  let at = Math.max(0, offset);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const length = storedLength(line);
    if (at <= length || i === lines.length - 1) return positionIn(line, Math.min(at, length));
    at -= length + 1;
  }
  return { node: root, offset: 0 };
}

function positionIn(line: MiniNode, at: number): { node: MiniNode; offset: number } {
  const kids = line.childNodes;
  let rest = at;
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    if (isBr(kid)) continue;
    const length = storedLength(kid);
    if (kid.nodeType === TEXT) {
      if (rest <= length) return { node: kid, offset: rest };
    } else if (cellOf(kid)) {
      if (rest === 0) return { node: line, offset: i };
      if (rest < length) return { node: line, offset: i + 1 };
    } else if (rest <= length) {
      return positionIn(kid, rest);
    }
    rest -= length;
  }
  // the end of the line: after its last chip or text, before a closing <br>
  let end = kids.length;
  while (end > 0 && isBr(kids[end - 1]!)) end--;
  return { node: line, offset: end };
}

/** The stored offset each line starts at. */
export function lineStarts(stored: string): number[] {
  const starts = [0];
  for (let i = stored.indexOf('\n'); i !== -1; i = stored.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
