import type { Acknowledgement } from '../../../core/api.js';
import { cellDef, type SectionKey, type TableId } from '../../../core/format/index.js';
import { enteredCells, isComputedIn, shownCells, type ReportData } from '../../../core/report/index.js';
import type { Finding } from '../../../core/rules/index.js';
import { applyChanges, History, type CellChange, type Edit } from './history.js';
import { CellSaver, type SendCells } from './saver.js';

/**
 * The figures of one open report as the window edits them: the cells the clerk entered, the
 * totals computed from them, the rule findings, the accepted warnings and one undo history for
 * all three tables. Plain TypeScript (React subscribes to it), so it can be tested without a window.
 */

export interface EditorSnapshot {
  /** the report with the cells as entered (computed totals left out for the app's own reports) */
  data: ReportData;
  /** what the tables show: the entered cells plus the computed totals */
  shown: Readonly<Record<string, number>>;
  findings: readonly Finding[];
  acks: ReadonlyMap<string, Acknowledgement>;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel?: string;
  redoLabel?: string;
  /** a cell some part of the window asked to be focused (clicking a finding, undo in another table) */
  focus?: { cellId: string; seq: number };
}

export interface EditorDeps {
  data: ReportData;
  acks: readonly Acknowledgement[];
  readOnly: boolean;
  /** the rules: core/rules checkReport in the window, a stub in tests */
  check(data: ReportData): Finding[];
  sendCells: SendCells;
  setAck(key: string, reason: string): Promise<Acknowledgement | undefined>;
  clearAck(key: string): Promise<boolean>;
  /** last year's report of the agency, when the store has it (cross-year rules, comparisons; issue 6) */
  previous?: { data: ReportData; madeInApp: boolean };
}

const SECTION_OF: Record<TableId, SectionKey> = { t2: 's2', t3: 's3', t4: 's4' };

export class ReportEditor {
  readonly readOnly: boolean;
  readonly previous?: { data: ReportData; madeInApp: boolean };
  private snapshot: EditorSnapshot;
  private readonly history = new History();
  private readonly saver: CellSaver;
  private readonly listeners = new Set<() => void>();
  private focusSeq = 0;

  constructor(private readonly deps: EditorDeps) {
    this.readOnly = deps.readOnly;
    if (deps.previous) this.previous = deps.previous;
    this.saver = new CellSaver(deps.sendCells);
    const { data } = deps;
    const start = { ...data, cells: enteredCells(data) };
    this.snapshot = {
      data: start,
      shown: this.shownOf(start),
      findings: deps.check(start),
      acks: new Map(deps.acks.map((a) => [a.key, a])),
      canUndo: false,
      canRedo: false,
    };
  }

  // ---- React's external-store protocol ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): EditorSnapshot => this.snapshot;

  private publish(next: Partial<EditorSnapshot>): void {
    this.snapshot = {
      ...this.snapshot,
      ...next,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      undoLabel: this.history.nextUndo,
      redoLabel: this.history.nextRedo,
    };
    this.listeners.forEach((l) => l());
  }

  private shownOf(data: ReportData): Readonly<Record<string, number>> {
    return shownCells(data);
  }

  /** Whether the clerk may type into a cell: it exists in the format and is not a computed total. */
  isEditable(cellId: string): boolean {
    const { data } = this.snapshot;
    if (this.readOnly || data.format === 'free') return false;
    const def = cellDef(data.format, cellId);
    return Boolean(def) && !isComputedIn(data, cellId);
  }

  /** Writes cells as one undoable step and saves them. Unchanged and computed cells are left out. */
  apply(changes: readonly CellChange[], label: string): Edit | undefined {
    const cells = this.snapshot.data.cells;
    const wanted = new Map<string, number | null>();
    for (const c of changes) if (this.isEditable(c.cellId)) wanted.set(c.cellId, c.value);
    const after: CellChange[] = [];
    const before: CellChange[] = [];
    for (const [cellId, value] of wanted) {
      const old = cells[cellId] ?? null;
      if (old === value) continue;
      after.push({ cellId, value });
      before.push({ cellId, value: old });
    }
    if (!after.length) return undefined;
    const edit: Edit = { label, before, after };
    this.history.push(edit);
    this.write(after);
    return edit;
  }

  /** Reverts the last step; returns it so the window can show where it happened. */
  undo(): Edit | undefined {
    if (this.readOnly) return undefined;
    const edit = this.history.undo();
    if (edit) this.write(edit.before);
    return edit;
  }

  redo(): Edit | undefined {
    if (this.readOnly) return undefined;
    const edit = this.history.redo();
    if (edit) this.write(edit.after);
    return edit;
  }

  private write(changes: CellChange[]): void {
    const data = { ...this.snapshot.data, cells: applyChanges(this.snapshot.data.cells, changes) };
    this.publish({ data, shown: this.shownOf(data), findings: this.deps.check(data) });
    this.saver.save(changes);
  }

  /** Prose was saved elsewhere: the rules that read the text see the new text. */
  setSections(sections: ReportData['sections']): void {
    if (sections === this.snapshot.data.sections) return;
    const data = { ...this.snapshot.data, sections };
    this.publish({ data, findings: this.deps.check(data) });
  }

  /** A cell's note was saved (the reason for changing a carried value): the tooltips show it. */
  setNote(cellId: string, note: string): void {
    const notes = { ...this.snapshot.data.notes };
    if (note) notes[cellId] = note;
    else delete notes[cellId];
    this.publish({ data: { ...this.snapshot.data, notes } });
  }

  /** What is still 「待更新」 in the carried text changed (a mention was confirmed). */
  setCarry(carry: ReportData['carry']): void {
    const { carry: _old, ...rest } = this.snapshot.data;
    this.publish({ data: carry ? { ...rest, carry } : rest });
  }

  async accept(key: string, reason: string): Promise<boolean> {
    const ack = await this.deps.setAck(key, reason);
    if (!ack) return false;
    const acks = new Map(this.snapshot.acks);
    acks.set(key, ack);
    this.publish({ acks });
    return true;
  }

  async withdraw(key: string): Promise<boolean> {
    if (!(await this.deps.clearAck(key))) return false;
    const acks = new Map(this.snapshot.acks);
    acks.delete(key);
    this.publish({ acks });
    return true;
  }

  /** Asks the table holding the cell to focus it (now, or when its section is opened). */
  requestFocus(cellId: string): void {
    this.focusSeq += 1;
    this.publish({ focus: { cellId, seq: this.focusSeq } });
  }

  /** The table that focused the cell says so, so that it is not focused again later. */
  focusDone(seq: number): void {
    if (this.snapshot.focus?.seq === seq) this.publish({ focus: undefined });
  }

  /** The section whose table holds a cell. */
  sectionOf(cellId: string): SectionKey | undefined {
    const { format } = this.snapshot.data;
    if (format === 'free') return undefined;
    const def = cellDef(format, cellId);
    return def ? SECTION_OF[def.table] : undefined;
  }

  /** Resolves when every edit so far is in the store. */
  saved(): Promise<void> {
    return this.saver.idle();
  }

  get unsaved(): number {
    return this.saver.unsaved;
  }

  flush(): void {
    this.saver.flushNow();
  }

  dispose(): void {
    this.saver.dispose();
  }
}
