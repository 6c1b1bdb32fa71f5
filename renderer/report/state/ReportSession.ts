import type { Acknowledgement, ReportDetail, ReportEdit, SaveAck } from '../../../core/api.js';
import { cellDef, sectionOfTable, type SectionKey } from '../../../core/format/index.js';
import { enteredCells, isComputedIn, shownCells, type CarryInfo, type ConfirmedTable, type TableConfirmation, type ProseKey, type ReportData, type ReportFigures } from '../../../core/report/index.js';
import type { Finding } from '../../../core/rules/index.js';
import { applyChanges, History, type CellChange, type Edit } from './history.js';
import { applyStored, compareWithStore, settledEdits, storedOf, type Choice, type Comparison, type Stored } from './conflict.js';
import { SaveQueue, type Queued, type SaveStatus } from './saveQueue.js';
import { stableFindings } from './stableFindings.js';

/**
 * One open report in the window: everything shown of it and everything waiting to be saved.
 *
 * The session owns the figures (as entered, and as shown with the computed totals), the prose
 * parts, the cells' notes, the carried mentions still 「待更新」, the accepted warnings, the rule
 * findings, the undo history of the tables, the save status and the report's revision. Editors
 * render what it holds and send it intents (`apply`, `setProse`, `setNote`, `accept`, …); they
 * never save. Every kind of change goes through one save queue (report.save), and `saved()` is
 * the one promise that export, versions and sign-off await before they read the store.
 *
 * The rules run here, in the window, on the figures and on the prose alike: at once after a
 * figure changes, after a short pause while text is typed.
 *
 * Plain TypeScript, so that it is tested without a window. React reads it through
 * useSessionState (./useSession.ts), each component selecting only the part it shows, so that a
 * keystroke in a text re-renders what shows that text and little else.
 */

export interface SessionState {
  /** the report as it stands in the window: figures as entered, prose as typed */
  report: ReportData;
  /** the same without the prose; a new object only when figures, notes or carry change */
  figures: ReportFigures;
  /** what the tables show: the entered figures plus the computed totals */
  shown: Readonly<Record<string, number>>;
  findings: readonly Finding[];
  acks: ReadonlyMap<string, Acknowledgement>;
  history: { canUndo: boolean; canRedo: boolean; undoLabel?: string; redoLabel?: string };
  save: SaveStatus;
  /** the report's revision in the store, as of the last save of this window */
  revision: number;
  /** a cell some part of the window asked to be focused (clicking a finding, undo in another table) */
  focus?: { cellId: string; seq: number };
  /** another window saved first and both changed the same place: the clerk chooses (ConflictDialog) */
  conflict?: Comparison;
  /** the store holds content this window does not show: the screen loads the report again (counts up) */
  reloadWanted?: number;
}

export interface SessionDeps {
  detail: ReportDetail;
  /** the rules: core/rules checkReport with last year's report, or a stub in tests */
  check(report: ReportData): Finding[];
  /** one save on the revision the window holds (report.save with baseRevision) */
  send(edits: ReportEdit[], baseRevision: number): Promise<SaveAck>;
  /** the report as the store holds it now (report.open): read when a save was refused as stale */
  load?(): Promise<ReportDetail>;
  /** how long typing may pause before the text is saved; well inside the one-second promise */
  proseDelayMs?: number;
  /** how long typing may pause before the rules read the text again */
  checkDelayMs?: number;
  retryMs?: number;
}

export const PROSE_SAVE_DELAY_MS = 400;
export const PROSE_CHECK_DELAY_MS = 250;

export class ReportSession {
  readonly reportId: number;
  readonly readOnly: boolean;
  readonly detail: ReportDetail;
  /** last year's report of the agency, when the store has it (cross-year rules, comparisons; issue 6) */
  readonly previous?: ReportDetail['previous'];
  private state: SessionState;
  private readonly history = new History();
  private readonly queue: SaveQueue;
  private readonly listeners = new Set<() => void>();
  private focusSeq = 0;
  private checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** texts, figures and notes as this window last knew them stored: what a conflict is judged against */
  private known: Stored;
  /** this window's changes taken out of the queue while a conflict is settled */
  private parked: Queued[] = [];
  /** the store's report read after a stale save */
  private fresh: ReportDetail | undefined;

  constructor(private readonly deps: SessionDeps) {
    const { detail } = deps;
    this.detail = detail;
    this.reportId = detail.summary.id;
    // a signed report, or one collected by the county workspace (never saved from this window)
    this.readOnly = detail.summary.state === 'signed' || detail.readOnly === true;
    if (detail.previous) this.previous = detail.previous;
    this.known = storedOf(detail.data);
    // every save names the revision it was made on: another window's save in between makes it stale
    this.queue = new SaveQueue((edits) => deps.send(edits, this.state.revision), {
      ...(deps.retryMs !== undefined ? { retryMs: deps.retryMs } : {}),
      onStatus: (save) => this.publish({ save }),
      onSaved: (ack, edits) => {
        this.known = applyStored(this.known, edits);
        this.publish({ revision: ack.revision });
      },
      onStale: () => void this.onStale(),
    });
    const report: ReportData = { ...detail.data, cells: enteredCells(detail.data) };
    const { sections: _sections, ...figures } = report;
    this.state = {
      report,
      figures,
      shown: shownCells(report),
      findings: deps.check(report),
      acks: new Map(detail.acknowledgements.map((a) => [a.key, a])),
      history: { canUndo: false, canRedo: false },
      save: { kind: 'saved' },
      revision: detail.summary.revision,
    };
  }

  // ---- React's external-store protocol (see useSessionState) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SessionState => this.state;

  private publish(next: Partial<SessionState>): void {
    this.state = { ...this.state, ...next };
    this.listeners.forEach((l) => l());
  }

  /** A new report and figures from changed parts; the rules run again when `check` is set. */
  private change(
    parts: Partial<Pick<ReportData, 'cells' | 'sections' | 'notes' | 'carry' | 'confirmations'>>,
    check: boolean,
    extra: Partial<SessionState> = {},
  ): void {
    const report = { ...this.state.report, ...parts };
    if ('carry' in parts && parts.carry === undefined) delete report.carry;
    const figuresChanged = 'cells' in parts || 'notes' in parts || 'carry' in parts || 'confirmations' in parts;
    const { sections: _s, ...figures } = report;
    this.publish({
      report,
      ...(figuresChanged ? { figures } : {}),
      ...('cells' in parts ? { shown: shownCells(report) } : {}),
      ...(check ? { findings: this.findingsOf(report) } : {}),
      ...extra,
    });
  }

  /** The report as it stands in the window, for reading once (not for rendering: use the state). */
  report(): ReportData {
    return this.state.report;
  }

  // ---- figures ----

  /** Whether the clerk may type into a cell: it exists in the format and is not a computed total. */
  isEditable(cellId: string): boolean {
    const { report } = this.state;
    if (this.readOnly || report.format === 'free') return false;
    return Boolean(cellDef(report.format, cellId)) && !isComputedIn(report, cellId);
  }

  /** Writes cells as one undoable step and saves them. Unchanged and computed cells are left out. */
  apply(changes: readonly CellChange[], label: string): Edit | undefined {
    const cells = this.state.report.cells;
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
    this.writeCells(after);
    return edit;
  }

  /** Reverts the last step of the tables; returns it so the window can show where it happened. */
  undo(): Edit | undefined {
    if (this.readOnly) return undefined;
    const edit = this.history.undo();
    if (edit) this.writeCells(edit.before);
    return edit;
  }

  redo(): Edit | undefined {
    if (this.readOnly) return undefined;
    const edit = this.history.redo();
    if (edit) this.writeCells(edit.after);
    return edit;
  }

  private writeCells(changes: CellChange[]): void {
    const history = {
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      ...(this.history.nextUndo !== undefined ? { undoLabel: this.history.nextUndo } : {}),
      ...(this.history.nextRedo !== undefined ? { redoLabel: this.history.nextRedo } : {}),
    };
    this.change({ cells: applyChanges(this.state.report.cells, changes) }, true, { history });
    void this.queue.put(changes.map((c) => ({ kind: 'cell', ...c })));
  }

  // ---- prose ----

  /** The text of a prose part as it stands in the window. */
  prose(key: ProseKey): string {
    return this.state.report.sections[key] ?? '';
  }

  /**
   * A prose part as typed: shown at once, saved after a short pause (or at once with `now`, as
   * when the 导语 is generated again), read by the rules after a pause of their own.
   */
  setProse(key: ProseKey, text: string, options: { now?: boolean } = {}): void {
    if (this.readOnly) return;
    if (this.prose(key) !== text) this.change({ sections: { ...this.state.report.sections, [key]: text } }, false);
    const edit: ReportEdit = { kind: 'section', key, text };
    if (options.now) void this.queue.put([edit]);
    else this.queue.hold(edit, this.deps.proseDelayMs ?? PROSE_SAVE_DELAY_MS);
    this.checkSoon();
  }

  /** Leaving a text (blur, another section): what is held for it goes now. */
  flushProse(): void {
    this.queue.flushNow();
  }

  private checkSoon(): void {
    if (this.checkTimer !== undefined) clearTimeout(this.checkTimer);
    this.checkTimer = setTimeout(() => this.checkNow(), this.deps.checkDelayMs ?? PROSE_CHECK_DELAY_MS);
  }

  private checkNow(): void {
    if (this.checkTimer !== undefined) clearTimeout(this.checkTimer);
    this.checkTimer = undefined;
    this.publish({ findings: this.findingsOf(this.state.report) });
  }

  /** The rules' findings, the same objects (and array) where they say what they said before. */
  private findingsOf(report: ReportData): readonly Finding[] {
    return stableFindings(this.state.findings, this.deps.check(report));
  }

  // ---- notes, carried mentions, accepted warnings: stored first, then shown ----

  /** A cell's note (the reason for changing a carried figure); '' removes it. Resolves whether it was stored. */
  async setNote(cellId: string, note: string): Promise<boolean> {
    const text = note.trim();
    if (!(await this.queue.put([{ kind: 'note', cellId, note: text }], { retry: false }))) return false;
    const notes = { ...this.state.report.notes };
    if (text) notes[cellId] = text;
    else delete notes[cellId];
    // read the notes: the panel must not go stale until the next keystroke
    this.change({ notes }, true);
    return true;
  }

  /** 「确认无需修改」: a carried year or figure is no longer 「待更新」. */
  async confirmMention(key: ProseKey, mention: string): Promise<boolean> {
    if (!(await this.queue.put([{ kind: 'confirm', key, mention }], { retry: false }))) return false;
    const carry = this.state.report.carry;
    if (!carry) return true;
    const rest = (carry.pending[key] ?? []).filter((m) => m !== mention);
    const pending: CarryInfo['pending'] = { ...carry.pending, [key]: rest };
    if (!rest.length) delete pending[key];
    // X-6 counts what is still pending: counted again at once (issue 12)
    this.change({ carry: { ...carry, pending } }, true);
    return true;
  }

  /** 表三/表四: where the figures come from and who confirmed them; null clears. Resolves whether it was stored. */
  async setConfirmation(table: ConfirmedTable, value: TableConfirmation | null): Promise<boolean> {
    if (!(await this.queue.put([{ kind: 'table-confirmation', table, value }], { retry: false }))) return false;
    const confirmations = { ...this.state.report.confirmations };
    if (value) confirmations[table] = value;
    else delete confirmations[table];
    this.change({ confirmations }, true);
    return true;
  }

  /** Accepts a warning with a written reason. Resolves whether it was stored. */
  async accept(key: string, reason: string): Promise<boolean> {
    const text = reason.trim();
    if (!(await this.queue.put([{ kind: 'ack', key, reason: text }], { retry: false }))) return false;
    const acks = new Map(this.state.acks);
    acks.set(key, { key, reason: text, createdAt: new Date().toISOString() });
    this.publish({ acks });
    return true;
  }

  async withdraw(key: string): Promise<boolean> {
    if (!(await this.queue.put([{ kind: 'ack', key, reason: null }], { retry: false }))) return false;
    const acks = new Map(this.state.acks);
    acks.delete(key);
    this.publish({ acks });
    return true;
  }

  // ---- focus ----

  /** Asks the table holding the cell to focus it (now, or when its section is opened). */
  requestFocus(cellId: string): void {
    this.focusSeq += 1;
    this.publish({ focus: { cellId, seq: this.focusSeq } });
  }

  /** The table that focused the cell says so, so that it is not focused again later. */
  focusDone(seq: number): void {
    if (this.state.focus?.seq === seq) this.publish({ focus: undefined });
  }

  /** The section whose table holds a cell. */
  sectionOf(cellId: string): SectionKey | undefined {
    const { format } = this.state.report;
    if (format === 'free') return undefined;
    const def = cellDef(format, cellId);
    return def ? sectionOfTable(def.table).key : undefined;
  }

  // ---- two windows on one report (issue 12) ----

  /**
   * A save was refused because the store moved on (another window, tab or the command line saved).
   * Nothing typed is dropped: the changes wait while the store's report is read; where both changed
   * the same place the clerk chooses, else this window's changes go on the new revision as they are.
   */
  private async onStale(): Promise<void> {
    this.parked.push(...this.queue.takeAll());
    let fresh: ReportDetail;
    try {
      if (!this.deps.load) throw new Error('no load');
      fresh = await this.deps.load();
    } catch {
      // the store cannot be read now: try the same again a little later, nothing lost
      setTimeout(() => this.queue.isBlocked && void this.onStale(), this.deps.retryMs ?? 2000);
      return;
    }
    this.fresh = fresh;
    const comparison = compareWithStore(this.state.report.format, this.known, this.parkedEdits(), storedOf(fresh.data));
    if (!comparison.conflicts.length && !comparison.elsewhere.length) {
      // the revision moved without a change this window would show (the sign-off names were saved…)
      this.settle(new Map());
      return;
    }
    this.publish({ conflict: comparison });
  }

  private parkedEdits(): ReportEdit[] {
    this.parked.push(...this.queue.takeAll());
    return this.parked.map((q) => q.edit);
  }

  /**
   * The clerk's choices (per conflict target; unnamed ones keep this window's change): the
   * changes are saved on the store's revision, then the screen loads the report as stored.
   */
  settle(choices: ReadonlyMap<string, Choice>): void {
    const fresh = this.fresh;
    if (!fresh) return;
    const hadConflict = this.state.conflict !== undefined;
    const parked = this.parked;
    this.parked = [];
    const restore: Queued[] = [];
    for (const q of parked) {
      const settled = settledEdits([q.edit], choices)[0];
      if (settled) restore.push({ ...q, edit: settled });
      // the other window's text kept: nothing of this one to store for it
      else q.waiters.forEach((w) => w(true));
    }
    this.known = storedOf(fresh.data);
    this.fresh = undefined;
    this.publish({ revision: fresh.summary.revision, conflict: undefined });
    this.queue.resume(restore);
    if (hadConflict) {
      // what the window shows is not what is stored: once these are in, the screen loads it again
      void this.queue.idle().then(() => this.publish({ reloadWanted: (this.state.reloadWanted ?? 0) + 1 }));
    }
  }

  /** Nothing typed waits, nothing is being settled: the window may load the report again freely. */
  get quiet(): boolean {
    return this.queue.unsaved === 0 && !this.queue.isBlocked && this.state.conflict === undefined;
  }

  // ---- saving ----

  /** Resolves when every change so far is in the store (what is held back is sent now). */
  async saved(): Promise<void> {
    this.queue.flushNow();
    if (this.checkTimer !== undefined) this.checkNow();
    await this.queue.idle();
  }

  /** Changes made but not yet stored. */
  get unsaved(): number {
    return this.queue.unsaved;
  }

  /** Sends what is waiting now (the window is closing, the report is left). */
  flush(): void {
    this.queue.flushNow();
  }

  dispose(): void {
    this.queue.dispose();
    if (this.checkTimer !== undefined) clearTimeout(this.checkTimer);
  }
}
