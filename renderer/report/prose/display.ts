import { TOKEN_RE, tokenFor } from '../../../core/report/prose.js';

/**
 * What the editor's text box shows for stored prose. A figure token `{{cell:t3.r1.total}}` is
 * shown as 「⟦本年新收政府信息公开申请数量：5⟧」: the clerk sees which figure it is and its value
 * right where it sits in the sentence, and the value changes when the table does. The brackets
 * ⟦ ⟧ are not typed by anyone, so the shown text reads back into stored text unambiguously.
 *
 * A token is one unit in the editor (the caret skips over it, Backspace removes it whole); if
 * some edit breaks one anyway, what is left reads back as the plain value, never as half a token.
 */

export const OPEN = '⟦';
export const CLOSE = '⟧';
const SEP = '：';

export interface ShownToken {
  id: string;
  /** offsets in the shown text */
  start: number;
  end: number;
  /** offsets in the stored text */
  storedStart: number;
  storedEnd: number;
}

export interface Shown {
  stored: string;
  text: string;
  tokens: ShownToken[];
}

export interface TokenNaming {
  label(id: string): string;
  value(id: string): string;
  /** the cell a label names, or undefined */
  idOf(label: string): string | undefined;
}

export function tokenText(naming: TokenNaming, id: string): string {
  return `${OPEN}${naming.label(id)}${SEP}${naming.value(id)}${CLOSE}`;
}

export function showTokens(stored: string, naming: TokenNaming): Shown {
  const tokens: ShownToken[] = [];
  let text = '';
  let at = 0;
  for (const m of stored.matchAll(TOKEN_RE)) {
    text += stored.slice(at, m.index);
    const shown = tokenText(naming, m[1]!);
    tokens.push({ id: m[1]!, start: text.length, end: text.length + shown.length, storedStart: m.index, storedEnd: m.index + m[0].length });
    text += shown;
    at = m.index + m[0].length;
  }
  text += stored.slice(at);
  return { stored, text, tokens };
}

const SHOWN_TOKEN_RE = /⟦([^⟦⟧\n]*)⟧/g;
/** what is left of a token whose closing bracket was lost: 「⟦label：」 */
const BROKEN_HEAD_RE = /⟦([^⟦⟧\n]*)：/g;

/** The stored text for what the text box holds. */
export function readShown(text: string, naming: TokenNaming): string {
  if (!text.includes(OPEN) && !text.includes(CLOSE)) return text;
  return text
    .replace(SHOWN_TOKEN_RE, (whole, inner: string) => {
      const sep = inner.lastIndexOf(SEP);
      const label = sep >= 0 ? inner.slice(0, sep) : inner;
      const id = naming.idOf(label);
      if (id) return tokenFor(id);
      return sep >= 0 ? inner.slice(sep + 1) : inner;
    })
    .replace(BROKEN_HEAD_RE, (whole, label: string) => (naming.idOf(label) ? '' : whole))
    .replace(/[⟦⟧]/g, '');
}

/** A shown offset as a stored offset; inside a token it goes to the token's start or end. */
export function toStored(shown: Shown, offset: number, bias: 'start' | 'end' = 'end'): number {
  let delta = 0;
  for (const t of shown.tokens) {
    if (offset <= t.start) break;
    if (offset < t.end) return bias === 'start' ? t.storedStart : t.storedEnd;
    delta = t.storedEnd - t.end;
  }
  return offset + delta;
}

/** A stored offset as a shown offset. */
export function toShown(shown: Shown, offset: number): number {
  let delta = 0;
  for (const t of shown.tokens) {
    if (offset <= t.storedStart) break;
    if (offset < t.storedEnd) return t.end;
    delta = t.end - t.storedEnd;
  }
  return offset + delta;
}

/** The token a shown offset is strictly inside of. */
export function tokenInside(shown: Shown, offset: number): ShownToken | undefined {
  return shown.tokens.find((t) => offset > t.start && offset < t.end);
}

/**
 * Where the caret goes when it lands inside a token: past it in the direction it was moving,
 * else to the nearer edge. A selection that cuts a token is widened to hold all of it.
 */
export function snapSelection(shown: Shown, start: number, end: number, previous: number): [number, number] {
  if (start === end) {
    const t = tokenInside(shown, start);
    if (!t) return [start, end];
    const to = previous <= t.start ? t.end : previous >= t.end ? t.start : start - t.start < t.end - start ? t.start : t.end;
    return [to, to];
  }
  const a = tokenInside(shown, start);
  const b = tokenInside(shown, end);
  return [a ? a.start : start, b ? b.end : end];
}

/** Tokens (stored offsets) that touch a stored range, for 「转为文字」. */
export function tokensTouching(stored: string, start: number, end: number): { id: string; start: number; end: number }[] {
  const out: { id: string; start: number; end: number }[] = [];
  for (const m of stored.matchAll(TOKEN_RE)) {
    const s = m.index;
    const e = s + m[0].length;
    if (e >= start && s <= end) out.push({ id: m[1]!, start: s, end: e });
  }
  return out;
}
