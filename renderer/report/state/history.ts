/** One write to a cell: an integer (分 for money) or null to clear it. */
export interface CellChange {
  cellId: string;
  value: number | null;
}

/** One undoable step: what the cells held before and what they hold after. */
export interface Edit {
  /** what the step did, e.g. 「粘贴 42 格」, for the undo button's tooltip */
  label: string;
  before: CellChange[];
  after: CellChange[];
}

/** Steps kept per open report; a whole paste or fill is one step, so this is plenty. */
export const HISTORY_LIMIT = 500;

/**
 * The undo and redo stacks of one open report, across its three tables. A new step clears
 * what could be redone, as everywhere else.
 */
export class History {
  private done: Edit[] = [];
  private undone: Edit[] = [];

  constructor(private readonly limit = HISTORY_LIMIT) {}

  push(edit: Edit): void {
    this.done.push(edit);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The step to revert (its `before` is what to write), or undefined when there is none. */
  undo(): Edit | undefined {
    const edit = this.done.pop();
    if (edit) this.undone.push(edit);
    return edit;
  }

  /** The step to apply again (its `after` is what to write). */
  redo(): Edit | undefined {
    const edit = this.undone.pop();
    if (edit) this.done.push(edit);
    return edit;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Label of the next step to undo / redo, for tooltips. */
  get nextUndo(): string | undefined {
    return this.done.at(-1)?.label;
  }

  get nextRedo(): string | undefined {
    return this.undone.at(-1)?.label;
  }
}

/** Applies changes to a copy of the cells. */
export function applyChanges(cells: Readonly<Record<string, number>>, changes: readonly CellChange[]): Record<string, number> {
  const out: Record<string, number> = { ...cells };
  for (const { cellId, value } of changes) {
    if (value === null) delete out[cellId];
    else out[cellId] = value;
  }
  return out;
}

/** Ctrl+Z undoes; Ctrl+Y and Ctrl+Shift+Z redo (⌘ on a Mac). */
export function historyKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): 'undo' | 'redo' | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  return k === 'y' ? 'redo' : undefined;
}
