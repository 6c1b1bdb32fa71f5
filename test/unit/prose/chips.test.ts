import { describe, expect, it } from 'vitest';
import { tokenFor } from '../../../core/report/prose.js';
import { readShown, type TokenNaming } from '../../../renderer/report/prose/display.js';
import { lineStarts, makeLine, pagePosition, partsOf, readPage, storedOf, storedOffset, type ChipLook, type MiniDocument, type MiniElement, type MiniNode } from '../../../renderer/report/prose/chips.js';
import { figureIdOf, figureLabel, figureValue } from '../../../renderer/report/prose/figures.js';

/** Just enough of a page for the model: elements, text, attributes, parents. */
class FakeNode implements MiniElement {
  childNodes: FakeNode[] = [];
  parentNode: FakeNode | null = null;
  className = '';
  private attrs = new Map<string, string>();
  constructor(
    readonly nodeType: number,
    readonly nodeName: string,
    public nodeValue: string | null = null,
  ) {}
  get textContent(): string {
    return this.nodeType === 3 ? (this.nodeValue ?? '') : this.childNodes.map((c) => c.textContent).join('');
  }
  setAttribute(name: string, value: string) {
    this.attrs.set(name, value);
  }
  getAttribute(name: string) {
    return this.attrs.get(name) ?? null;
  }
  appendChild(child: MiniNode) {
    const c = child as FakeNode;
    c.parentNode = this;
    this.childNodes.push(c);
    return c;
  }
}
const doc: MiniDocument = {
  createElement: (name) => new FakeNode(1, name.toUpperCase()),
  createTextNode: (text) => new FakeNode(3, '#text', text),
};

const cells = { 't3.r1.total': 224, 't3.r3_1.total': 120, 't2.fee.amount': 350000 };
const look: ChipLook = { label: (id) => figureLabel('2021', id), value: (id) => figureValue('2021', cells, id) };

function render(stored: string): FakeNode {
  const root = new FakeNode(1, 'DIV');
  for (const parts of partsOf(stored)) root.appendChild(makeLine(doc, look, parts));
  return root;
}

/** Texts in the shapes a section has, from a seed: lines, headings, figures anywhere, brackets that are not figures. */
function generated(seed: number): string {
  let x = seed * 7919 + 13;
  const next = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648) % n);
  const pieces = [
    '全年共收到申请',
    tokenFor('t3.r1.total'),
    tokenFor('t3.r3_1.total'),
    tokenFor('t2.fee.amount'),
    '件。',
    '（一）主动公开',
    '⟦不是数字⟧',
    '⟦',
    '⟧',
    '{{',
    '}}',
    '{{cell:',
    '\n',
    '\n',
    ' ',
    '😀',
  ];
  let text = '';
  const n = next(20);
  for (let i = 0; i < n; i++) text += pieces[next(pieces.length)];
  return text;
}

describe('prose text ⇄ page: figures as atomic chips', () => {
  it('round-trips generated texts: the stored text comes back exactly', () => {
    for (let seed = 0; seed < 400; seed++) {
      const stored = generated(seed);
      expect(storedOf(partsOf(stored))).toBe(stored);
      const root = render(stored);
      expect(readPage(root)).toBe(stored);
    }
  });

  it('adjacent chips, chips at the start and the end of lines, empty lines, brackets that are no figure', () => {
    const stored = `${tokenFor('t3.r1.total')}${tokenFor('t3.r3_1.total')}\n\n含⟦不是数字⟧与{{cell:的文字\n末尾是数字${tokenFor('t2.fee.amount')}`;
    const root = render(stored);
    expect(root.childNodes.map((l) => l.childNodes.length)).toEqual([2, 1, 1, 2]);
    expect(root.childNodes[0]!.childNodes[0]!.getAttribute('contenteditable')).toBe('false');
    // a chip shows the value and names the figure on hover
    expect(root.childNodes[0]!.childNodes[0]!.textContent).toBe('224');
    expect(root.childNodes[0]!.childNodes[0]!.getAttribute('title')).toContain('本年新收政府信息公开申请数量：224');
    expect(root.childNodes[3]!.childNodes[1]!.textContent).toBe('0.35');
    expect(readPage(root)).toBe(stored);
  });

  it('maps every stored offset to a page position and back; inside a token to its end', () => {
    for (let seed = 0; seed < 200; seed++) {
      const stored = generated(seed);
      const root = render(stored);
      const starts = lineStarts(stored);
      const tokens = [...stored.matchAll(/\{\{cell:[a-z0-9_.]+\}\}/g)].map((m) => [m.index, m.index + m[0].length] as const);
      for (let at = 0; at <= stored.length; at++) {
        const inside = tokens.find(([s, e]) => at > s && at < e);
        const { node, offset } = pagePosition(root, at);
        // the caret never lands inside a chip
        expect((node as FakeNode).getAttribute?.('data-cell') ?? null).toBeNull();
        expect(storedOffset(root, node, offset)).toBe(inside ? inside[1] : at);
        // the same with the line starts the editor keeps
        const fast = pagePosition(root, at, starts);
        expect([fast.node, fast.offset]).toEqual([node, offset]);
        expect(storedOffset(root, node, offset, 'end', starts)).toBe(inside ? inside[1] : at);
      }
    }
  });

  it('a position inside a chip (the browser should never give one) counts as its start or end', () => {
    const stored = `前${tokenFor('t3.r1.total')}后`;
    const root = render(stored);
    const chipText = root.childNodes[0]!.childNodes[1]!.childNodes[0]!;
    expect(storedOffset(root, chipText, 1, 'start')).toBe(1);
    expect(storedOffset(root, chipText, 1, 'end')).toBe(1 + tokenFor('t3.r1.total').length);
  });

  it('reads what the browser made on its own: text in the root, a block in a block, <br> line breaks', () => {
    const root = new FakeNode(1, 'DIV');
    root.appendChild(doc.createTextNode('第一行'));
    const block = root.appendChild(new FakeNode(1, 'DIV')) as FakeNode;
    block.appendChild(doc.createTextNode('第二行'));
    block.appendChild(new FakeNode(1, 'BR'));
    block.appendChild(doc.createTextNode('第三行'));
    const inner = block.appendChild(new FakeNode(1, 'DIV')) as FakeNode;
    inner.appendChild(doc.createTextNode('第四行'));
    const empty = root.appendChild(new FakeNode(1, 'DIV')) as FakeNode;
    empty.appendChild(new FakeNode(1, 'BR'));
    const styled = root.appendChild(new FakeNode(1, 'DIV')) as FakeNode;
    const span = styled.appendChild(new FakeNode(1, 'SPAN')) as FakeNode;
    span.appendChild(doc.createTextNode('带样式的'));
    styled.appendChild(makeLine(doc, look, [{ kind: 'figure', id: 't3.r1.total' }]).childNodes[0]!);
    expect(readPage(root)).toBe(`第一行\n第二行\n第三行\n第四行\n\n带样式的${tokenFor('t3.r1.total')}`);
    expect(readPage(new FakeNode(1, 'DIV'))).toBe('');
  });

  it('plain text with 「⟦名称：数值⟧」 (copied from the editor) reads back as live figures; other brackets stay text', () => {
    const naming: TokenNaming = { label: look.label, value: look.value, idOf: (l) => figureIdOf('2021', l) };
    expect(readShown('申请⟦本年新收政府信息公开申请数量：224⟧件，⟦备注⟧', naming)).toBe(`申请${tokenFor('t3.r1.total')}件，备注`);
  });
});
