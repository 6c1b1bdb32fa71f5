import type { ValueKind } from '../format/index.js';
import { WAN_DECIMALS, wanToFen } from './money.js';

/** The largest figure a cell accepts (a count, or 万元 before the decimals). */
export const MAX_VALUE = 999_999_999;

export type InputResult =
  | { ok: true; value: number | null }
  | { ok: false; message: string };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g;

/**
 * Brings what a clerk typed or pasted to plain ASCII: full-width digits, point and signs to
 * half-width, thousands separators (, and ，) and every kind of space removed.
 */
export function normaliseNumberText(raw: string): string {
  return raw
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[−–—]/g, '-')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/(\d)[,，](?=\d{3}(\D|$))/g, '$1');
}

/**
 * Reads one cell's input. An empty input clears the cell (value null).
 * Money is read in 万元 and returned in 分. Messages are what the clerk sees at the cell.
 */
export function parseCellInput(raw: string, kind: ValueKind): InputResult {
  const text = normaliseNumberText(raw);
  if (text === '') return { ok: true, value: null };
  // what Word templates are often filled with for 「none」: not allowed in a final copy (D-4)
  if (/^(\/|／|-|—+|无|没有|空)$/.test(text)) {
    return { ok: false, message: `「${raw.trim()}」不能用来表示没有：定稿中不能有「/」或空格，没有的请填 0` };
  }
  if (/[^\d.\-+]/.test(text)) {
    return { ok: false, message: `「${raw.trim()}」不是数字，请只填写数字` };
  }
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[-+]/, '');
  if (!/^\d+(\.\d+)?$/.test(unsigned)) {
    return { ok: false, message: `「${raw.trim()}」不是有效的数字` };
  }
  if (negative && kind !== 'delta' && Number(unsigned) !== 0) {
    return { ok: false, message: '这里不能填负数；只有 2019 年版表二的「本年增/减」可以是负数' };
  }
  const [whole, frac] = unsigned.split('.');
  if (Number(whole) > MAX_VALUE) {
    return { ok: false, message: `数字太大了，最多填 ${MAX_VALUE.toLocaleString('en-US')}` };
  }
  if (kind === 'money') {
    if (frac && frac.length > WAN_DECIMALS) {
      return { ok: false, message: `金额以万元为单位，最多保留 ${WAN_DECIMALS} 位小数（即精确到分）` };
    }
    const fen = wanToFen(unsigned);
    if (fen === null) return { ok: false, message: `「${raw.trim()}」不是有效的金额` };
    return { ok: true, value: fen };
  }
  if (frac !== undefined && /[1-9]/.test(frac)) {
    return { ok: false, message: '件数、项数只能是整数，不能有小数' };
  }
  const value = Number(whole);
  return { ok: true, value: negative ? -value : value };
}
