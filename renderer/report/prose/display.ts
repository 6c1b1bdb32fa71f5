import { TOKEN_RE, tokenFor } from '../../../core/report/prose.js';

/**
 * Figures written as text: a figure token `{{cell:t3.r1.total}}` written
 * 「⟦本年新收政府信息公开申请数量：5⟧」, which figure it is and its value. The editor shows figures as chips (./chips.ts); this
 * written form is what text pasted from elsewhere may carry (an earlier copy from this app, a note
 * passed around), and it reads back into live figures. The brackets ⟦ ⟧ are not typed by anyone,
 * so the written text reads back into stored text unambiguously; what is left of a broken one reads
 * back as the plain value, never as half a token.
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
