import type { ReportEdit } from '../../../core/api.js';
import { cellDef, cellName } from '../../../core/format/index.js';
import { enteredCells, type ProseKey, type ReportData } from '../../../core/report/index.js';
import { proseLabel } from '../../../core/rules/context.js';

/**
 * Two windows on one report (issue 12): what this window has not yet stored, set against what the
 * store holds now that another window (a tab, the command line) saved first.
 *
 * Pure, so that it is tested without a window. The session keeps `Stored`: the texts, figures and
 * notes as this window last knew them stored. A change of this window is in conflict only where
 * the other saved something different there too; where the other did not touch it, or wrote the
 * same, this window's change simply goes on the new revision.
 */

/** The parts of a report a save can change and a clerk can compare: texts, figures, notes. */
export interface Stored {
  sections: Partial<Record<ProseKey, string>>;
  cells: Record<string, number>;
  notes: Record<string, string>;
}

export function storedOf(data: ReportData): Stored {
  return { sections: { ...data.sections }, cells: { ...enteredCells(data) }, notes: { ...data.notes } };
}

/** What a stored save leaves in the store (applied to this window's picture of it). */
export function applyStored(stored: Stored, edits: readonly ReportEdit[]): Stored {
  const next: Stored = { sections: { ...stored.sections }, cells: { ...stored.cells }, notes: { ...stored.notes } };
  for (const e of edits) {
    if (e.kind === 'section') next.sections[e.key] = e.text;
    else if (e.kind === 'cell') {
      if (e.value === null) delete next.cells[e.cellId];
      else next.cells[e.cellId] = e.value;
    } else if (e.kind === 'note') {
      if (e.note) next.notes[e.cellId] = e.note;
      else delete next.notes[e.cellId];
    }
  }
  return next;
}

/** One place both windows changed differently: the texts (or figures) to choose between. */
export interface ConflictItem {
  /** the save queue's target: `section:s5`, `cell:t3.r1.np`, `note:t3.r1.np` */
  target: string;
  kind: 'section' | 'cell' | 'note';
  /** 「五、存在的主要问题及改进情况」, 「表三「一、本年新收…」·自然人」, 「…的说明」 */
  label: string;
  /** what the other window saved ('' for a blank) */
  theirs: string;
  /** what this window has ('' for a blank) */
  mine: string;
}

export interface Comparison {
  conflicts: ConflictItem[];
  /** parts the other window changed that this window has not touched: they are taken as stored */
  elsewhere: string[];
}

const asText = (v: number | string | null | undefined): string => (v === undefined || v === null ? '' : String(v));

function editTarget(e: ReportEdit): string | undefined {
  if (e.kind === 'section') return `section:${e.key}`;
  if (e.kind === 'cell') return `cell:${e.cellId}`;
  if (e.kind === 'note') return `note:${e.cellId}`;
  return undefined;
}

function labelOf(format: ReportData['format'], kind: ConflictItem['kind'], key: string): string {
  if (kind === 'section') return proseLabel(key as ProseKey).replace(/[「」]/g, '');
  const def = format === 'free' ? undefined : cellDef(format, key);
  const name = def ? cellName(def) : key;
  return kind === 'note' ? `${name}的说明` : name;
}

function valueIn(s: Stored, kind: ConflictItem['kind'], key: string): string {
  if (kind === 'section') return asText(s.sections[key as ProseKey]);
  if (kind === 'cell') return asText(s.cells[key]);
  return asText(s.notes[key]);
}

/**
 * `known`: the store as this window last knew it; `pending`: this window's changes not stored;
 * `fresh`: the store now. Conflicts are the pending changes where the store moved away from what
 * this window knew and does not already say the same.
 */
export function compareWithStore(format: ReportData['format'], known: Stored, pending: readonly ReportEdit[], fresh: Stored): Comparison {
  const conflicts: ConflictItem[] = [];
  const touched = new Set<string>();
  for (const e of pending) {
    const target = editTarget(e);
    if (!target) continue;
    touched.add(target);
    const [kind, key] = target.split(/:(.*)/s) as [ConflictItem['kind'], string];
    const mine = e.kind === 'section' ? e.text : e.kind === 'cell' ? asText(e.value) : e.kind === 'note' ? e.note : '';
    const base = valueIn(known, kind, key);
    const theirs = valueIn(fresh, kind, key);
    if (theirs === base || theirs === mine) continue;
    conflicts.push({ target, kind, label: labelOf(format, kind, key), theirs, mine });
  }
  const elsewhere: string[] = [];
  const kinds: [ConflictItem['kind'], Record<string, unknown>, Record<string, unknown>][] = [
    ['section', known.sections, fresh.sections],
    ['cell', known.cells, fresh.cells],
    ['note', known.notes, fresh.notes],
  ];
  for (const [kind, a, b] of kinds) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (touched.has(`${kind}:${key}`) || asText(a[key] as string) === asText(b[key] as string)) continue;
      elsewhere.push(labelOf(format, kind, key));
    }
  }
  return { conflicts, elsewhere };
}

/** The clerk's choice for one place: keep this window's, take the other's, or a text made from both. */
export type Choice = { take: 'mine' } | { take: 'theirs' } | { take: 'both'; text: string };

/** Both texts one after the other, for the clerk to edit into one (「两份都要」). */
export function bothTexts(item: ConflictItem): string {
  return [item.mine, item.theirs].filter((t) => t.trim()).join('\n');
}

/**
 * The edits to store on the fresh revision: this window's pending changes, with each conflict
 * settled as the clerk chose (taking the other's means leaving the store as it is).
 */
export function settledEdits(pending: readonly ReportEdit[], choices: ReadonlyMap<string, Choice>): ReportEdit[] {
  const out: ReportEdit[] = [];
  for (const e of pending) {
    const target = editTarget(e);
    const choice = target ? choices.get(target) : undefined;
    if (!choice || choice.take === 'mine') out.push(e);
    else if (choice.take === 'both') {
      if (e.kind === 'section') out.push({ ...e, text: choice.text });
      else if (e.kind === 'note') out.push({ ...e, note: choice.text.trim() });
      else out.push(e);
    }
  }
  return out;
}
