/**
 * 雷同: the same text in the reports of two units of one year. Each prose section is cut into
 * overlapping runs of SHINGLE characters (letters and digits only: spacing, punctuation and full-
 * or half-width forms do not hide a copy). A run counts as shared when it is in both texts and is
 * not boilerplate — the official format's own wording (headings, labels, the standard 导语) that
 * every unit writes, or a phrase so common that many units of the county use it. What two texts
 * share is then measured on the shorter one, and the shared passages are given as each text
 * prints them, to be shown side by side.
 *
 * Cost: one pass over every text to index its runs, then only the pairs that share a rare run
 * are looked at — linear in the total text for a county's few hundred reports.
 */

export const SHINGLE = 8;
/** A shared stretch shorter than this is chance (two texts on the same subject share words), not a copied passage. */
export const MIN_PASSAGE = 14;

export interface CopyText {
  unitId: number;
  /** the prose part compared (texts are compared only with the same part of other reports) */
  section: string;
  text: string;
}

export interface SharedPassage {
  /** the passage as the first unit's text prints it */
  a: string;
  /** the same passage in the second unit's text */
  b: string;
}

export interface CopyPair {
  section: string;
  a: number;
  b: number;
  /** shared characters over the shorter text's own (non-boilerplate) characters, 0…1 */
  share: number;
  /** shared characters, counted on the first text */
  sharedChars: number;
  passages: SharedPassage[];
}

export interface CopyOptions {
  /** texts every unit may write: the format's headings and labels, the standard 导语 */
  boilerplate: readonly string[];
  /** a run found in more units than this is common wording, not a copy (default: 10% of the texts, at least 4 and at most 10) */
  commonAbove?: number;
  /** share at which a pair is reported (default 0.5) */
  minShare?: number;
  /** shared characters at which a pair is reported whatever the share (default 200) */
  minChars?: number;
}

interface Prepared {
  /** how many characters are compared (letters and digits) */
  length: number;
  /** original index of each normalised character */
  at: number[];
  text: string;
  hashes: Int32Array;
  /** hash → first position, for locating a passage */
  first: Map<number, number>;
}

const KEEP = /[\p{L}\p{N}]/u;

/** A character as compared: CJK and ASCII letters and digits as they are (ASCII lower-cased), full-width ones folded; anything else -1 (dropped). */
function fold(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return code;
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return code;
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff41 && code <= 0xff5a)) return code - 0xfee0;
  if (code >= 0xff21 && code <= 0xff3a) return code - 0xfee0 + 32;
  if (code < 0x80) return -1;
  return KEEP.test(String.fromCharCode(code)) ? code : -1;
}

function prepare(text: string): Prepared {
  const codes: number[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = fold(text.charCodeAt(i));
    if (c < 0) continue;
    codes.push(c);
    at.push(i);
  }
  const n = Math.max(0, codes.length - SHINGLE + 1);
  const hashes = new Int32Array(n);
  const first = new Map<number, number>();
  for (let p = 0; p < n; p++) {
    // FNV-1a of the run, kept to 30 bits: a small integer is a fast Map key. A chance collision can
    // only join one run of 8 characters; a reported passage needs MIN_PASSAGE characters in a row.
    let h1 = 2166136261;
    for (let k = 0; k < SHINGLE; k++) h1 = Math.imul(h1 ^ codes[p + k]!, 16777619);
    const h = (h1 ^ (h1 >>> 30)) & 0x3fffffff;
    hashes[p] = h;
    if (!first.has(h)) first.set(h, p);
  }
  return { length: codes.length, at, text, hashes, first };
}

/** Runs of the boilerplate: never counted as shared. */
function boilerplateRuns(texts: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const t of texts) for (const h of prepare(t).hashes) out.add(h);
  return out;
}

/** Marks [p, p+SHINGLE) for each position whose run passes `test`. */
function cover(doc: Prepared, test: (h: number) => boolean): Uint8Array {
  const marks = new Uint8Array(doc.length);
  for (let p = 0; p < doc.hashes.length; p++) if (test(doc.hashes[p]!)) marks.fill(1, p, p + SHINGLE);
  return marks;
}

/** Clears the marked stretches shorter than MIN_PASSAGE. */
function dropShort(marks: Uint8Array): Uint8Array {
  let p = 0;
  while (p < marks.length) {
    if (!marks[p]) {
      p++;
      continue;
    }
    let end = p;
    while (end < marks.length && marks[end]) end++;
    if (end - p < MIN_PASSAGE) marks.fill(0, p, end);
    p = end;
  }
  return marks;
}

function passages(a: Prepared, b: Prepared, shared: Uint8Array): SharedPassage[] {
  const out: SharedPassage[] = [];
  let p = 0;
  while (p < shared.length) {
    if (!shared[p]) {
      p++;
      continue;
    }
    let end = p;
    while (end < shared.length && shared[end]) end++;
    const start = b.first.get(a.hashes[p]!) ?? 0;
    const length = end - p;
    const bEnd = Math.min(b.length, start + length);
    out.push({
      a: a.text.slice(a.at[p], a.at[end - 1]! + 1),
      b: b.text.slice(b.at[start], b.at[bEnd - 1]! + 1),
    });
    p = end;
  }
  return out;
}

export function findCopies(texts: readonly CopyText[], options: CopyOptions): CopyPair[] {
  const minShare = options.minShare ?? 0.5;
  const minChars = options.minChars ?? 200;
  const boiler = boilerplateRuns(options.boilerplate);
  const bySection = new Map<string, CopyText[]>();
  for (const t of texts) bySection.set(t.section, [...(bySection.get(t.section) ?? []), t]);
  const out: CopyPair[] = [];
  for (const [section, group] of bySection) {
    const docs = group.map((t) => prepare(t.text));
    // wording more than ten units share is the county's common language (a template passed round), not one unit copying another
    const commonAbove = options.commonAbove ?? Math.min(10, Math.max(4, Math.ceil(group.length / 10)));
    // run → the texts it is in (each text once)
    const where = new Map<number, number[]>();
    docs.forEach((d, i) => {
      for (const h of d.hashes) {
        if (boiler.has(h)) continue;
        const list = where.get(h);
        if (!list) where.set(h, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    const pairCounts = new Map<number, number>();
    for (const list of where.values()) {
      if (list.length < 2 || list.length > commonAbove) continue;
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * group.length + list[y]!;
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
      }
    }
    const rare = (h: number) => {
      const n = where.get(h)?.length ?? 0;
      return n >= 2 && n <= commonAbove;
    };
    const own = docs.map((d) => cover(d, (h) => !boiler.has(h) && (where.get(h)?.length ?? 0) <= commonAbove));
    const ownCount = own.map((m) => m.reduce((s, v) => s + v, 0));
    const sets: (Set<number> | undefined)[] = [];
    const setOf = (k: number) => (sets[k] ??= new Set(docs[k]!.hashes));
    for (const [key, count] of pairCounts) {
      const i = Math.floor(key / group.length);
      const j = key % group.length;
      // a passage of L ≥ MIN_PASSAGE characters holds L − SHINGLE + 1 ≥ L / 2 runs, so the pair shares at
      // most 2 × count characters: a pair that cannot reach either threshold is not looked at further
      if (2 * count < Math.min(minChars, minShare * Math.min(ownCount[i]!, ownCount[j]!))) continue;
      const [a, b] = [docs[i]!, docs[j]!];
      const inB = setOf(j);
      const inA = setOf(i);
      const sharedA = dropShort(cover(a, (h) => rare(h) && inB.has(h)));
      const sharedB = dropShort(cover(b, (h) => rare(h) && inA.has(h)));
      const count1 = (m: Uint8Array) => m.reduce((s, v) => s + v, 0);
      const sharedChars = count1(sharedA);
      const ownA = ownCount[i]!;
      const ownB = ownCount[j]!;
      const shorter = ownA <= ownB ? { shared: sharedChars, own: ownA } : { shared: count1(sharedB), own: ownB };
      const share = shorter.own ? Math.min(1, shorter.shared / shorter.own) : 0;
      if (share < minShare && sharedChars < minChars) continue;
      out.push({ section, a: group[i]!.unitId, b: group[j]!.unitId, share, sharedChars, passages: passages(a, b, sharedA) });
    }
  }
  return out.sort((x, y) => y.share - x.share || y.sharedChars - x.sharedChars);
}
