/**
 * A small, tolerant tag reader shared by the HTML and the DOCX (WordprocessingML) readers.
 * It never throws: unclosed tags are closed by their parents, stray end tags are ignored,
 * comments, doctype, processing instructions and CDATA are skipped. It reads text and
 * structure only; it is not an HTML5 parser and does not need to be (no scripts, no DOM).
 * Work is linear in the input: one pass over the text, one pass over the tree.
 */

export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: Element | null;
}
export type Node = Element | string;

export interface TreeOptions {
  /** elements that never have children (HTML: br, img …) */
  voids?: ReadonlySet<string>;
  /** elements whose content is raw text to skip entirely (HTML: script, style) */
  skipContent?: ReadonlySet<string>;
  /** element names are case-insensitive (HTML) */
  lowerCase?: boolean;
  /**
   * Opening `name` closes an open element of these names first, when it is found below the
   * nearest element of `scope` (HTML's implied end tags: a new <td> closes the open <td>).
   */
  impliedEnd?: Readonly<Record<string, { closes: readonly string[]; scope: readonly string[] }>>;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–',
  hellip: '…', middot: '·', times: '×', divide: '÷', deg: '°', plusmn: '±', yen: '¥', copy: '©',
  reg: '®', bull: '•', laquo: '«', raquo: '»', shy: '', zwj: '', zwnj: '',
};

/** &amp; &#20013; &#x4e2d; and the named entities a Chinese page uses; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});?/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const MAX_CLOSE_SEARCH = 256;

const ATTR_RE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function parseAttrs(text: string, lowerCase: boolean): Record<string, string> {
  const attrs: Record<string, string> = {};
  if (!text) return attrs;
  for (const m of text.matchAll(ATTR_RE)) {
    const name = lowerCase ? m[1]!.toLowerCase() : m[1]!;
    attrs[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

export function parseMarkup(source: string, options: TreeOptions = {}): Element {
  const { voids, skipContent, lowerCase = false, impliedEnd } = options;
  const root: Element = { name: '#root', attrs: {}, children: [], parent: null };
  let current = root;
  const len = source.length;
  let i = 0;

  // An end tag looks this far up for its element: malformed pages nest thousands of unclosed
  // tags, and an unbounded search would make a stray end tag cost the whole depth each time.
  const closeTo = (name: string, scope?: readonly string[]): boolean => {
    let steps = 0;
    for (let el: Element | null = current; el && el !== root && steps < MAX_CLOSE_SEARCH; el = el.parent, steps++) {
      if (el.name === name) {
        current = el.parent ?? root;
        return true;
      }
      if (scope?.includes(el.name)) return false;
    }
    return false;
  };

  while (i < len) {
    const lt = source.indexOf('<', i);
    const textEnd = lt === -1 ? len : lt;
    if (textEnd > i) current.children.push(decodeEntities(source.slice(i, textEnd)));
    if (lt === -1) break;
    i = lt;
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      i = end === -1 ? len : end + 3;
      continue;
    }
    if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i + 9);
      current.children.push(source.slice(i + 9, end === -1 ? len : end));
      i = end === -1 ? len : end + 3;
      continue;
    }
    if (source[i + 1] === '!' || source[i + 1] === '?') {
      const end = source.indexOf('>', i + 2);
      i = end === -1 ? len : end + 1;
      continue;
    }
    const closing = source[i + 1] === '/';
    const nameMatch = /^[A-Za-z][\w:.-]*/.exec(source.slice(i + (closing ? 2 : 1), i + (closing ? 2 : 1) + 64));
    if (!nameMatch) {
      // a lone 「<」 in text
      current.children.push('<');
      i += 1;
      continue;
    }
    const tagEnd = findTagEnd(source, i + 1);
    const rawName = nameMatch[0];
    const name = lowerCase ? rawName.toLowerCase() : rawName;
    const inside = source.slice(i + (closing ? 2 : 1) + rawName.length, tagEnd === -1 ? len : tagEnd);
    i = tagEnd === -1 ? len : tagEnd + 1;
    if (closing) {
      closeTo(name);
      continue;
    }
    const selfClosing = inside.trimEnd().endsWith('/');
    const implied = impliedEnd?.[name];
    if (implied) for (const c of implied.closes) if (closeTo(c, implied.scope)) break;
    const el: Element = { name, attrs: parseAttrs(selfClosing ? inside.trimEnd().slice(0, -1) : inside, lowerCase), children: [], parent: current };
    current.children.push(el);
    if (skipContent?.has(name)) {
      const endTag = new RegExp(`</${name}[\\s>]`, 'gi');
      endTag.lastIndex = i;
      const end = endTag.exec(source);
      i = end ? source.indexOf('>', end.index) + 1 : len;
      continue;
    }
    if (!selfClosing && !voids?.has(name)) current = el;
  }
  return root;
}

/** The `>` that ends a tag, skipping quoted attribute values. */
function findTagEnd(source: string, from: number): number {
  let quote = '';
  for (let j = from; j < source.length; j++) {
    const ch = source[j];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return j;
    }
  }
  return -1;
}

export function isElement(node: Node): node is Element {
  return typeof node !== 'string';
}

export interface Visitor {
  text?(text: string): void;
  /** entering an element; returning false skips its content (and its `exit`) */
  enter?(el: Element): boolean | void;
  exit?(el: Element): void;
}

/**
 * Visits everything below `root` (and `root` itself) in document order, without recursion:
 * pages nest elements deeply enough to overflow a recursive walk.
 */
export function walk(root: Element, visitor: Visitor): void {
  const stack: { node: Node; exit?: boolean }[] = [{ node: root }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (!isElement(node)) visitor.text?.(node);
    else if (exit) visitor.exit?.(node);
    else if (visitor.enter?.(node) !== false) {
      stack.push({ node, exit: true });
      for (let k = node.children.length - 1; k >= 0; k--) stack.push({ node: node.children[k]! });
    }
  }
}

/** Elements below `el` with this name, in document order (iterative: deep trees do not overflow). */
export function descendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const stack: Node[] = [...el.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.name === name) out.push(node);
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  return out;
}

/**
 * The elements that have an element named `name` somewhere below them, found in one pass: each
 * `name` element marks its ancestors up to the first one already marked. (Asking every table
 * whether it holds a table would be quadratic on a page of nested tables.)
 */
export function ancestorsOf(root: Element, name: string): Set<Element> {
  const marked = new Set<Element>();
  for (const el of descendants(root, name)) {
    for (let p = el.parent; p && !marked.has(p); p = p.parent) marked.add(p);
  }
  return marked;
}
