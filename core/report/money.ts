/**
 * Money is kept as an exact integer number of 分 and shown in 万元 with up to six decimals
 * (six decimals of 万元 is exactly one 分: published reports print fees such as 1234.567891 万元).
 * No floating point is involved anywhere: conversions work on the decimal text.
 */

export const FEN_PER_WAN = 1_000_000;
/** decimals of 万元 that one 分 needs */
export const WAN_DECIMALS = 6;

/** 17732 00 分 → "1.7732"; 1000000 → "1"; 1500000 → "1.5"; 1234567891 → "1234.567891". */
export function fenToWan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / FEN_PER_WAN);
  const frac = String(abs % FEN_PER_WAN).padStart(WAN_DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Pads 万元 to at least a number of decimals for print: ("1.5", 4) → "1.5000"; never drops a digit. */
export function fenToWanFixed(fen: number, decimals: number): string {
  const text = fenToWan(fen);
  if (decimals <= 0) return text;
  const [whole, frac = ''] = text.split('.');
  return `${whole}.${frac.padEnd(decimals, '0')}`;
}

/**
 * "1.7732" → 1773200. Returns null for anything that is not a plain decimal with at most six
 * decimals. Works on the text, so 0.1 + 0.2 style errors cannot happen.
 */
export function wanToFen(text: string): number | null {
  const m = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(text);
  if (!m) return null;
  const fen = Number(m[2]) * FEN_PER_WAN + Number((m[3] ?? '').padEnd(WAN_DECIMALS, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] ? -fen : fen;
}

/** A JSON number of 万元 (as read from a report file) to 分, through its shortest decimal text. */
export function wanNumberToFen(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  // String() gives the shortest round-tripping decimal, e.g. 1.7732 → "1.7732"
  const text = String(value);
  if (/e/i.test(text)) return null;
  return wanToFen(text);
}

/**
 * The store and version snapshots before money was kept in 分 held whole 元: ×100 brings such a
 * value to 分 (used by the store migration and by old snapshots).
 */
export const FEN_PER_YUAN = 100;
