/**
 * Undo and redo for one prose editor. The text box's own undo cannot be used: the editor
 * rewrites its text (numbering, figure values), which the browser's undo does not follow.
 * Typing within a second of the previous keystroke, where the caret was left, joins the same step,
 * as word processors do.
 */

export interface EditorState {
  /** stored text */
  text: string;
  /** selection in stored offsets */
  start: number;
  end: number;
}

export type EditKind = 'type' | 'other';

const JOIN_MS = 1000;
const MAX_STEPS = 300;

export class EditHistory {
  private states: EditorState[];
  private index = 0;
  private lastKind: EditKind = 'other';
  private lastAt = 0;

  constructor(initial: EditorState) {
    this.states = [initial];
  }

  get current(): EditorState {
    return this.states[this.index]!;
  }

  get canUndo(): boolean {
    return this.index > 0;
  }

  get canRedo(): boolean {
    return this.index < this.states.length - 1;
  }

  /** A new state after an edit. */
  record(state: EditorState, kind: EditKind, at = Date.now()): void {
    if (state.text === this.current.text) {
      this.states[this.index] = state;
      return;
    }
    this.states.length = this.index + 1;
    const join = kind === 'type' && this.lastKind === 'type' && at - this.lastAt < JOIN_MS && this.index > 0;
    if (join) {
      this.states[this.index] = state;
    } else {
      this.states.push(state);
      if (this.states.length > MAX_STEPS) this.states.shift();
      this.index = this.states.length - 1;
    }
    this.lastKind = kind;
    this.lastAt = at;
  }

  /** The caret moved away, or a selection is typed over: the next typing starts a step of its own, as in a word processor. */
  seal(): void {
    this.lastKind = 'other';
  }

  /** The same step, tidied (renumbered when the caret left its line): no new undo step. */
  amend(state: EditorState): void {
    this.states[this.index] = state;
  }

  undo(): EditorState | undefined {
    if (!this.canUndo) return undefined;
    this.index -= 1;
    this.lastKind = 'other';
    return this.current;
  }

  redo(): EditorState | undefined {
    if (!this.canRedo) return undefined;
    this.index += 1;
    this.lastKind = 'other';
    return this.current;
  }
}
