/**
 * A small XML tree for the parts of a DOCX the exporter writes itself or finishes: elements,
 * attributes kept as written, text. Enough for machine-written Office XML (no DTD, no comments
 * that matter); not a general parser.
 */

export interface XmlElement {
  name: string;
  /** the attributes exactly as written, leading space included */
  attrs: string;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const TOKEN = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+/g;

/** The document's declaration (if any) and its root element. */
export function parseXml(xml: string): { prolog: string; root: XmlElement } {
  const top: XmlElement = { name: '#document', attrs: '', children: [] };
  const stack: XmlElement[] = [top];
  let prolog = '';
  for (const m of xml.matchAll(TOKEN)) {
    const token = m[0];
    const parent = stack.at(-1)!;
    if (token.startsWith('<?')) {
      if (stack.length === 1) prolog += token;
      else parent.children.push(token);
    } else if (m[1] !== undefined) {
      const open = stack.pop();
      if (!open || open.name !== m[1]) throw new Error(`XML: </${m[1]}> closes <${open?.name ?? '?'}>`);
    } else if (m[2] !== undefined) {
      const el: XmlElement = { name: m[2], attrs: m[3] ?? '', children: [] };
      parent.children.push(el);
      if (m[4] !== '/') stack.push(el);
    } else if (stack.length > 1) {
      parent.children.push(token);
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack.at(-1)!.name}> is not closed`);
  const root = top.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!root) throw new Error('XML: no root element');
  return { prolog, root };
}

export function serializeXml(prolog: string, root: XmlElement): string {
  const out: string[] = [prolog];
  const write = (node: XmlNode): void => {
    if (typeof node === 'string') {
      out.push(node);
      return;
    }
    if (node.children.length === 0) {
      out.push(`<${node.name}${node.attrs}/>`);
      return;
    }
    out.push(`<${node.name}${node.attrs}>`);
    node.children.forEach(write);
    out.push(`</${node.name}>`);
  };
  write(root);
  return out.join('');
}

/** Every element of the tree, depth first, with its parent. */
export function* walk(el: XmlElement, parent: XmlElement | null = null): Generator<{ el: XmlElement; parent: XmlElement | null }> {
  yield { el, parent };
  for (const child of el.children) if (typeof child !== 'string') yield* walk(child, el);
}

export const elementsOf = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== 'string');
