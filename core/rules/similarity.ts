/**
 * How alike two texts are, 0 … 1: the Dice coefficient of their character bigrams (counted
 * with multiplicity), ignoring white space. Used by X-5 to catch a 「存在的主要问题及改进情况」
 * copied from last year's report. Linear in the length of the texts.
 */
export function textSimilarity(a: string, b: string): number {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i + 1 < x.length; i++) {
    const key = x.charCodeAt(i) * 65536 + x.charCodeAt(i + 1);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i + 1 < y.length; i++) {
    const key = y.charCodeAt(i) * 65536 + y.charCodeAt(i + 1);
    const n = counts.get(key);
    if (n) {
      shared++;
      counts.set(key, n - 1);
    }
  }
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}
