import { cellDef, getFormat, cellName } from '../format/index.js';
import { fenToWan } from './money.js';
import { PROSE_KEYS, type Agency, type ReportData, type Signoff } from './model.js';
import { SIGNOFF_FIELD_NAMES } from './signoff.js';
import { sideBySide, type DiffRow } from './text-diff.js';
import { isComputedIn, shownCells } from './totals.js';
import { canonicalJson } from './fingerprint.js';

/**
 * A saved version of a report: everything the clerk wrote (figures, prose, cell notes, who
 * signs), frozen. Versions are compared and restored from these; the agency's own details are
 * not part of a report and are not restored.
 */
export interface ReportSnapshot {
  schema: typeof SNAPSHOT_SCHEMA;
  format: ReportData['format'];
  year: number;
  origin: ReportData['origin'];
  /** cells as stored: what the clerk entered (and, for imported reports, the published totals) */
  cells: Record<string, number>;
  /** prose by key; an empty text is left out, so "empty" and "never written" compare equal */
  sections: Record<string, string>;
  notes: Record<string, string>;
  signoff: Partial<Signoff>;
  /**
   * Signed versions only (kind 'signed', issue 5): the agency as it was when the report was
   * signed, so the signed copy can be rebuilt exactly; never restored, never compared.
   */
  agency?: Agency;
  /** 表三/表四 source and confirmer, when recorded: the signed copy's 审批单 prints them */
  confirmations?: ReportData['confirmations'];
}

export const SNAPSHOT_SCHEMA = 'nianbao.snapshot/1';

/** A snapshot of stored report content. */
export function makeSnapshot(report: {
  format: ReportData['format'];
  year: number;
  origin: ReportData['origin'];
  cells: Readonly<Record<string, number>>;
  sections: Readonly<Record<string, string | undefined>>;
  notes: Readonly<Record<string, string>>;
  signoff?: Partial<Signoff>;
  confirmations?: ReportData['confirmations'];
}): ReportSnapshot {
  const sections: Record<string, string> = {};
  for (const [key, text] of Object.entries(report.sections)) if (text) sections[key] = text;
  const notes: Record<string, string> = {};
  for (const [key, text] of Object.entries(report.notes)) if (text) notes[key] = text;
  const signoff: Partial<Signoff> = {};
  for (const [key, value] of Object.entries(report.signoff ?? {})) if (value) (signoff as Record<string, string>)[key] = value;
  return {
    schema: SNAPSHOT_SCHEMA,
    format: report.format,
    year: report.year,
    origin: report.origin,
    cells: { ...report.cells },
    sections,
    notes,
    signoff,
    ...(report.confirmations && Object.keys(report.confirmations).length ? { confirmations: report.confirmations } : {}),
  };
}


/**
 * A quick, stable hash of a snapshot's content, for telling versions apart on screen and for
 * noticing "nothing changed since the last version". FNV-1a (two 32-bit lanes): NOT a
 * cryptographic fingerprint — the signed version's SHA-256 is made by the sign-off code.
 * The `fnv1a:` prefix says which kind a stored fingerprint is.
 */
export function quickContentHash(snapshot: ReportSnapshot): string {
  const text = canonicalJson(snapshot);
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `fnv1a:${hex(h1)}${hex(h2)}`;
}

// ---------- comparing ----------

/** A prose part that differs, as aligned rows (tokens left as `{{cell:…}}` for the window to show). */
export interface SectionDiff {
  key: string;
  rows: DiffRow[];
  added: number;
  removed: number;
}

export interface CellDiff {
  cellId: string;
  /** 「表三「一、本年新收政府信息公开申请数量」·总计」 */
  name: string;
  /** as a clerk reads it; 「（空）」 when blank */
  before: string;
  after: string;
  /** a computed total that changed because its parts did */
  computed: boolean;
}

export interface TextChange {
  key: string;
  name: string;
  before: string;
  after: string;
}

export interface SnapshotComparison {
  sections: SectionDiff[];
  cells: CellDiff[];
  notes: TextChange[];
  signoff: TextChange[];
  /** true when the two hold exactly the same content */
  same: boolean;
}

const BLANK = '（空）';

function cellOrder(s: ReportSnapshot): Map<string, number> {
  if (s.format === 'free') return new Map();
  return new Map(getFormat(s.format).cells.map((c, i) => [c.id, i]));
}

function nameOf(format: ReportData['format'], cellId: string): string {
  const def = format === 'free' ? undefined : cellDef(format, cellId);
  return def ? cellName(def) : cellId;
}

function showValue(format: ReportData['format'], cellId: string, value: number | undefined): string {
  if (value === undefined) return BLANK;
  const def = format === 'free' ? undefined : cellDef(format, cellId);
  return def?.kind === 'money' ? `${fenToWan(value)}万元` : String(value);
}

/** Section keys in reading order: the 导语, 一, 五, 六, then the notes; anything else after. */
function sectionOrder(keys: Iterable<string>): string[] {
  const known: readonly string[] = PROSE_KEYS;
  return [...new Set(keys)].sort((x, y) => {
    const a = known.indexOf(x);
    const b = known.indexOf(y);
    return (a < 0 ? 99 : a) - (b < 0 ? 99 : b) || (x < y ? -1 : 1);
  });
}

/** What changed from `a` (left, older) to `b` (right, newer). */
export function compareSnapshots(a: ReportSnapshot, b: ReportSnapshot): SnapshotComparison {
  const sections: SectionDiff[] = [];
  for (const key of sectionOrder([...Object.keys(a.sections), ...Object.keys(b.sections)])) {
    const left = a.sections[key] ?? '';
    const right = b.sections[key] ?? '';
    if (left === right) continue;
    const rows = sideBySide(left, right);
    sections.push({
      key,
      rows,
      added: rows.filter((r) => r.kind === 'insert' || r.kind === 'change').length,
      removed: rows.filter((r) => r.kind === 'delete' || r.kind === 'change').length,
    });
  }

  const format = b.format;
  const shownA = shownCells(a);
  const shownB = shownCells(b);
  const order = cellOrder(b);
  const ids = [...new Set([...Object.keys(shownA), ...Object.keys(shownB)])].filter((id) => shownA[id] !== shownB[id]);
  ids.sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9) || (x < y ? -1 : 1));
  const cells: CellDiff[] = ids.map((cellId) => {
    return {
      cellId,
      name: nameOf(format, cellId),
      before: showValue(format, cellId, shownA[cellId]),
      after: showValue(format, cellId, shownB[cellId]),
      computed: isComputedIn(b, cellId),
    };
  });

  const notes: TextChange[] = [...new Set([...Object.keys(a.notes), ...Object.keys(b.notes)])]
    .filter((id) => (a.notes[id] ?? '') !== (b.notes[id] ?? ''))
    .sort((x, y) => (order.get(x) ?? 1e9) - (order.get(y) ?? 1e9))
    .map((id) => ({ key: id, name: nameOf(format, id), before: a.notes[id] ?? BLANK, after: b.notes[id] ?? BLANK }));

  const signoff: TextChange[] = (Object.keys(SIGNOFF_FIELD_NAMES) as (keyof Signoff)[])
    .filter((k) => (a.signoff[k] ?? '') !== (b.signoff[k] ?? ''))
    .map((k) => ({ key: k, name: SIGNOFF_FIELD_NAMES[k], before: a.signoff[k] || BLANK, after: b.signoff[k] || BLANK }));

  return {
    sections,
    cells,
    notes,
    signoff,
    same: !sections.length && !cells.length && !notes.length && !signoff.length,
  };
}
