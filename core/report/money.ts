/**
 * Money is kept as an exact integer number of 元 and shown in 万元 with up to four decimals
 * (four decimals of 万元 is exactly one 元). No floating point is involved anywhere.
 */

export const YUAN_PER_WAN = 10000;

/** 17732 元 → "1.7732"; 10000 → "1"; 15000 → "1.5". */
export function yuanToWan(yuan: number): string {
  const negative = yuan < 0;
  const abs = Math.abs(yuan);
  const whole = Math.floor(abs / YUAN_PER_WAN);
  const frac = String(abs % YUAN_PER_WAN).padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Pads 万元 to a fixed number of decimals for print: ("1.5", 4) → "1.5000". */
export function yuanToWanFixed(yuan: number, decimals: number): string {
  const text = yuanToWan(yuan);
  if (decimals <= 0) return text;
  const [whole, frac = ''] = text.split('.');
  return `${whole}.${frac.padEnd(decimals, '0')}`;
}

/**
 * "1.7732" → 17732. Returns null for anything that is not a plain decimal with at most
 * four decimals. Works on the text, so 0.1 + 0.2 style errors cannot happen.
 */
export function wanToYuan(text: string): number | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(text);
  if (!m) return null;
  const yuan = Number(m[2]) * YUAN_PER_WAN + Number((m[3] ?? '').padEnd(4, '0'));
  if (!Number.isSafeInteger(yuan)) return null;
  return m[1] ? -yuan : yuan;
}

/** A JSON number of 万元 (as read from a report file) to 元, through its shortest decimal text. */
export function wanNumberToYuan(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  // String() gives the shortest round-tripping decimal, e.g. 1.7732 → "1.7732"
  const text = String(value);
  if (/e/i.test(text)) return null;
  return wanToYuan(text);
}
