import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { cellName, type FormatId, type TableDef } from '../../../core/format/index.js';
import { printedValue } from '../../../core/document/tables.js';
import { parseCellInput } from '../../../core/report/index.js';
import { cellMarks } from '../findings/summary.js';
import { OfficialTable, type CellSpan } from '../OfficialTable.js';
import type { CellDecor } from '../yoy/useCellDecor.js';
import { CellBubble } from './CellBubble.js';
import { NoteDialog } from './NoteDialog.js';
import { parseClipboardTable, toTabSeparated } from './clipboard.js';
import { historyKey, type CellChange } from '../state/history.js';
import type { ReportSession } from '../state/ReportSession.js';
import { useSessionState } from '../state/useSession.js';
import { buildLayout, move, rectangle, type Move } from './layout.js';
import { describePaste, planPaste, type PasteReport } from './paste.js';

/**
 * One official table as a spreadsheet. The active cell always holds a small text box with the
 * keyboard focus: typed characters (and an input method's composition) land in it and start an
 * edit, the browser's copy and paste events reach it, and the focus ring shows where the clerk is.
 *
 * Modes, as in Excel: `ready` (arrows move; typing starts `enter`), `enter` (typing replaced the
 * value; arrows commit and move), `edit` (F2 or double-click; ←/→ move inside the text).
 * Shift+F2 writes the cell's note, as a spreadsheet's comment; every cell can have one.
 */

type Mode = 'ready' | 'enter' | 'edit';

interface Ui {
  active: string;
  /** the other corner of the selection; equal to `active` when one cell is selected */
  extent: string;
  mode: Mode;
  draft: string;
  /** a refused input or a note, shown under the cell */
  bubble?: { cellId: string; message: string };
}

interface Props {
  session: ReportSession;
  table: TableDef;
  format: FormatId;
  caption: string;
  /** Ctrl+Z / Ctrl+Y: undo or redo across the report (the section shows where it happened) */
  onHistory: (which: 'undo' | 'redo') => void;
  onPasted: (report: PasteReport) => void;
  /** more on a value cell: classes, tooltip lines and content after the value (carried figures, last year's; issue 6) */
  decorate?: (cellId: string) => CellDecor | undefined;
}

const MOVES: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

const COMPUTED_NOTE = '这是自动合计，不能直接填写：改它的各个组成格，合计会随之更新（可以按 Shift+F2 写备注）';

/** 「1234567」 → 「1,234,567」 on screen (the text box, the copy and the printed copy keep the plain figure). */
export function withThousands(text: string): string {
  return text.replace(/^(-?)(\d{4,})/, (_, sign: string, digits: string) => sign + digits.replace(/\B(?=(\d{3})+$)/g, ','));
}
const SIGNED_NOTE = '报告已定稿，不能再修改数字';

/** Scrolls the scrolling boxes around a cell just enough to show it, as a spreadsheet does. */
function keepInView(td: HTMLElement, r: DOMRect): void {
  // a cell's border may stick out of its box by a pixel; that is not worth a scroll
  const SLACK = 2;
  for (let box = td.parentElement; box; box = box.parentElement) {
    const style = getComputedStyle(box);
    if (!/(auto|scroll)/.test(style.overflowY + style.overflowX)) continue;
    const b = box.getBoundingClientRect();
    const bottom = b.top + box.clientHeight;
    const right = b.left + box.clientWidth;
    if (r.top < b.top - SLACK) box.scrollTop -= b.top - r.top;
    else if (r.bottom > bottom + SLACK) box.scrollTop += r.bottom - bottom;
    if (r.left < b.left - SLACK) box.scrollLeft -= b.left - r.left;
    else if (r.right > right + SLACK && r.width < box.clientWidth) box.scrollLeft += r.right - right;
  }
}

export function TableEditor({ session, table, format, caption, onHistory, onPasted, decorate }: Props) {
  const shown = useSessionState(session, (s) => s.shown);
  const findings = useSessionState(session, (s) => s.findings);
  const acks = useSessionState(session, (s) => s.acks);
  const notes = useSessionState(session, (s) => s.report.notes);
  const [noteFor, setNoteFor] = useState<string | null>(null);
  const focusRequest = useSessionState(session, (s) => s.focus);
  const origin = session.detail.data.origin;
  const layout = useMemo(() => buildLayout(table, format, origin), [table, format, origin]);
  const firstInput = useMemo(() => layout.rows.flat().find((c) => !c.computed) ?? layout.rows[0]![0]!, [layout]);
  const [ui, setUiState] = useState<Ui>({ active: firstInput.id, extent: firstInput.id, mode: 'ready', draft: '' });
  // handlers read the latest state through the ref: a blur can arrive before React re-renders
  const uiRef = useRef(ui);
  const setUi = (next: Ui) => {
    uiRef.current = next;
    setUiState(next);
  };
  const inputRef = useRef<HTMLInputElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const dragging = useRef(false);

  const marks = useMemo(() => cellMarks(findings, acks), [findings, acks]);
  const selected = useMemo(() => {
    if (ui.active === ui.extent) return new Set<string>();
    return new Set(rectangle(layout, ui.active, ui.extent).flat().map((c) => c.id));
  }, [layout, ui.active, ui.extent]);

  const text = (cellId: string) => printedValue(format, cellId, shown, null);
  // what each value cell shows apart from the cursor: made again only when figures, findings or
  // decor change (not while a figure is being typed), and a cell whose view is as before is not
  // drawn again (SheetCell)
  const views = useMemo(() => {
    const out = new Map<string, CellView>();
    for (const cell of layout.byId.values()) {
      const id = cell.id;
      const mark = marks.get(id);
      const more = decorate?.(id);
      const classes = ['value'];
      if (cell.computed) classes.push('computed');
      if (shown[id] === undefined) classes.push('is-blank');
      if (mark) classes.push(`mark-${mark.mark}`);
      if (more) classes.push(...more.classes);
      const cellNote = notes[id];
      if (cellNote) classes.push('has-note');
      const title = [cell.computed ? '自动合计' : '', ...(mark?.messages ?? []), ...(more?.lines ?? []), cellNote ? `备注：${cellNote}` : '']
        .filter(Boolean)
        .join('\n');
      const shownText = withThousands(printedValue(format, id, shown, null));
      out.set(id, { text: shownText, className: classes.join(' '), title, label: cellName(cell.def), ...(more ? { decor: more } : {}) });
    }
    return out;
  }, [layout, marks, decorate, shown, format, notes]);
  const nameOf = (cellId: string) => {
    const def = layout.byId.get(cellId)?.def;
    return def ? cellName(def) : cellId;
  };

  // The one text box sits over the active cell. It is moved, never re-created: removing a
  // focused element and focusing a new one costs a layout each, several ms per keystroke.
  // Reading where the cell is forces the page's layout, so it is read once per move (not on every
  // render: a figure typed re-renders the table) and before anything is written.
  const place = (scroll: boolean): void => {
    const input = inputRef.current;
    const sheet = sheetRef.current;
    const td = sheet?.querySelector<HTMLElement>(`td[data-cell="${uiRef.current.active}"]`);
    if (!input || !sheet || !td) return;
    const box = sheet.getBoundingClientRect();
    const r = td.getBoundingClientRect();
    if (scroll) keepInView(td, r);
    // scrolling moves the sheet and the cell alike: the offset between them stays
    input.style.transform = `translate(${r.left - box.left}px, ${r.top - box.top}px)`;
    input.style.width = `${r.width}px`;
    input.style.height = `${r.height}px`;
  };
  const placed = useRef('');
  useLayoutEffect(() => {
    const input = inputRef.current;
    const focus = wantFocus.current;
    if (placed.current !== ui.active || focus) place(focus);
    placed.current = ui.active;
    if (!input || !focus) return;
    wantFocus.current = false;
    if (document.activeElement !== input) input.focus({ preventScroll: true });
    if (ui.mode === 'edit') input.setSelectionRange(input.value.length, input.value.length);
  });
  // the columns change width with the window
  const placeRef = useRef(place);
  placeRef.current = place;
  useEffect(() => {
    const sheet = sheetRef.current;
    if (!sheet) return;
    const observer = new ResizeObserver(() => placeRef.current(false));
    observer.observe(sheet);
    return () => observer.disconnect();
  }, []);

  // a finding was clicked or an undo happened in this table
  useEffect(() => {
    const request = focusRequest;
    if (!request || !layout.byId.has(request.cellId)) return;
    wantFocus.current = true;
    setUi({ active: request.cellId, extent: request.cellId, mode: 'ready', draft: '' });
    session.focusDone(request.seq);
  }, [focusRequest, layout, session]);

  useEffect(() => {
    const up = () => {
      dragging.current = false;
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  // ---- actions ----

  const go = (active: string, extent = active, bubble?: Ui['bubble'], focus = true) => {
    wantFocus.current = focus;
    setUi({ active, extent, mode: 'ready', draft: '', bubble });
  };

  const note = (message: string) => {
    const u = uiRef.current;
    wantFocus.current = true;
    setUi({ ...u, mode: 'ready', draft: '', bubble: { cellId: u.active, message } });
  };

  /** Why the active cell cannot be changed, or undefined when it can. */
  const lockedReason = (cellId: string): string | undefined => {
    if (session.readOnly) return SIGNED_NOTE;
    if (!session.isEditable(cellId)) return COMPUTED_NOTE;
    return undefined;
  };

  /** Ends an edit: writes the value if it reads, or leaves the old value and says why. Returns whether it was accepted. */
  const commit = (then?: Move, focus = true): boolean => {
    const u = uiRef.current;
    if (u.mode === 'ready') return true;
    const cell = layout.byId.get(u.active)!;
    const parsed = parseCellInput(u.draft, cell.def.kind);
    if (!parsed.ok) {
      go(u.active, u.active, { cellId: u.active, message: parsed.message }, focus);
      return false;
    }
    session.apply([{ cellId: u.active, value: parsed.value }], `填写${nameOf(u.active)}`);
    go(then ? move(layout, u.active, then) : u.active, undefined, undefined, focus);
    return true;
  };

  const cancel = () => {
    const u = uiRef.current;
    go(u.active, u.active);
  };

  const startEdit = (cellId: string) => {
    const reason = lockedReason(cellId);
    if (reason) {
      go(cellId, cellId, { cellId, message: reason });
      return;
    }
    wantFocus.current = true;
    setUi({ active: cellId, extent: cellId, mode: 'edit', draft: text(cellId) });
  };

  const selection = () => rectangle(layout, uiRef.current.active, uiRef.current.extent);

  const clearSelection = () => {
    const cells = selection().flat();
    if (session.readOnly) return note(SIGNED_NOTE);
    const editable = cells.filter((c) => session.isEditable(c.id));
    if (!editable.length) return note(COMPUTED_NOTE);
    session.apply(
      editable.map((c) => ({ cellId: c.id, value: null })),
      editable.length === 1 ? `清空${nameOf(editable[0]!.id)}` : `清空 ${editable.length} 格`,
    );
  };

  const copyText = () => toTabSeparated(selection().map((row) => row.map((c) => text(c.id))));

  const paste = (clip: string) => {
    if (session.readOnly) return note(SIGNED_NOTE);
    const block = parseClipboardTable(clip);
    if (!block.length) return;
    const rect = selection();
    const start = rect[0]![0]!;
    // one value over a selection of several cells fills them all, as in a spreadsheet
    if (block.length === 1 && block[0]!.length === 1 && rect.flat().length > 1) {
      const targets = rect.flat().filter((c) => session.isEditable(c.id));
      const parsed = parseCellInput(block[0]![0]!, targets[0]?.def.kind ?? 'count');
      if (!parsed.ok) return note(parsed.message);
      const changes: CellChange[] = targets.filter((c) => c.def.kind === targets[0]!.def.kind).map((c) => ({ cellId: c.id, value: parsed.value }));
      session.apply(changes, `粘贴 ${changes.length} 格`);
      onPasted({ tone: 'ok', lines: [`已把 ${block[0]![0]!.trim()} 粘贴到选中的 ${changes.length} 格。`] });
      return;
    }
    const plan = planPaste(layout, start.id, block, session.getState().report.cells, format);
    if (block.length === 1 && block[0]!.length === 1) {
      // a single value behaves like typing it
      const reason = lockedReason(start.id);
      if (reason) return note(reason);
      if (plan.refused[0]) return go(start.id, start.id, { cellId: start.id, message: plan.refused[0].message });
    }
    session.apply(plan.changes, `粘贴 ${plan.changes.length} 格`);
    const ids = [...plan.changes.map((c) => c.cellId), ...plan.refused.map((r) => r.cellId), ...plan.checks.map((c) => c.cellId)];
    const last = ids.map((id) => layout.byId.get(id)!).sort((a, b) => a.row - b.row || a.col - b.col).at(-1);
    go(start.id, last?.id ?? start.id);
    if (block.length > 1 || block[0]!.length > 1) onPasted(describePaste(plan, nameOf));
  };

  // ---- events ----

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // keys that pick a candidate in an input method belong to it (Enter, arrows, digits)
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const u = uiRef.current;
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key;
    if (u.mode !== 'ready') {
      if (key === 'Enter') commit(e.shiftKey ? 'up' : 'down');
      else if (key === 'Tab') commit(e.shiftKey ? 'prev' : 'next');
      else if (key === 'Escape') cancel();
      else if (key === 'ArrowUp' || key === 'ArrowDown' || (u.mode === 'enter' && MOVES[key])) commit(MOVES[key]);
      else return;
      e.preventDefault();
      return;
    }
    const undo = historyKey(e);
    if (undo) {
      onHistory(undo);
      e.preventDefault();
      return;
    }
    if (ctrl && !e.altKey) {
      if (key.toLowerCase() === 'a') go(layout.rows[0]![0]!.id, layout.rows.at(-1)!.at(-1)!.id);
      else if (key === 'Home' || key === 'End') go(move(layout, u.active, key === 'Home' ? 'first' : 'last'));
      else return; // copy, cut and paste arrive as their own events
      e.preventDefault();
      return;
    }
    if (MOVES[key]) {
      if (e.shiftKey) setUi({ ...u, extent: move(layout, u.extent, MOVES[key]!), bubble: undefined });
      else go(move(layout, u.active, MOVES[key]!));
    } else if (key === 'Tab') {
      const next = move(layout, u.active, e.shiftKey ? 'prev' : 'next');
      // past the table's last (or before its first) cell, Tab leaves the table: no keyboard trap
      if (next === u.active) return;
      go(next);
    }
    else if (key === 'Enter') go(move(layout, u.active, e.shiftKey ? 'up' : 'down'));
    else if (key === 'Home' || key === 'End') go(move(layout, u.active, key === 'Home' ? 'home' : 'end'));
    else if (key === 'F2' && e.shiftKey) {
      if (session.readOnly) note(SIGNED_NOTE);
      else setNoteFor(u.active);
    } else if (key === 'F2') startEdit(u.active);
    else if (key === 'Delete' || key === 'Backspace') clearSelection();
    else if (key === 'Escape') go(u.active);
    else if (key.length === 1 && !e.altKey) {
      // a character starts an edit that replaces the value; the text box receives it
      const reason = lockedReason(u.active);
      if (!reason) return;
      note(reason);
    } else return;
    e.preventDefault();
  };

  const cellOf = (target: EventTarget | null) => (target as HTMLElement | null)?.closest<HTMLElement>('td[data-cell]')?.dataset.cell;

  const onMouseDown = (e: MouseEvent<HTMLDivElement>) => {
    const id = cellOf(e.target);
    if (!id || e.button !== 0) return;
    const u = uiRef.current;
    // clicks inside the text box being edited place the caret
    if (e.target === inputRef.current && u.mode !== 'ready') return;
    e.preventDefault();
    if (u.mode !== 'ready' && !commit()) return;
    if (e.shiftKey) {
      wantFocus.current = true;
      setUi({ ...uiRef.current, extent: id, bubble: undefined });
    } else {
      dragging.current = true;
      go(id);
    }
  };

  const onMouseOver = (e: MouseEvent<HTMLDivElement>) => {
    const id = cellOf(e.target);
    if (!dragging.current || !id || id === uiRef.current.extent) return;
    setUi({ ...uiRef.current, extent: id });
  };

  const onDoubleClick = (e: MouseEvent<HTMLDivElement>) => {
    const id = cellOf(e.target);
    if (id && uiRef.current.mode === 'ready') startEdit(id);
  };

  const editingSelection = (input: HTMLInputElement) => uiRef.current.mode !== 'ready' && input.selectionStart !== input.selectionEnd;

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editingSelection(e.target as HTMLInputElement)) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copyText());
  };

  const onCut = (e: ClipboardEvent<HTMLDivElement>) => {
    if (editingSelection(e.target as HTMLInputElement)) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', copyText());
    clearSelection();
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const clip = e.clipboardData.getData('text/plain');
    // while editing, one value goes into the text box as typed text
    if (uiRef.current.mode !== 'ready' && !/[\t\r\n]/.test(clip.replace(/[\r\n]+$/, ''))) return;
    e.preventDefault();
    paste(clip);
  };

  const onChange = (value: string) => {
    const u = uiRef.current;
    if (lockedReason(u.active)) return;
    setUi({ ...u, mode: u.mode === 'ready' ? 'enter' : u.mode, draft: value, bubble: undefined });
  };

  const onBlur = () => {
    // leaving the table (a click elsewhere, another window) keeps what was typed
    if (uiRef.current.mode !== 'ready') commit(undefined, false);
  };

  return (
    <div
      className="sheet"
      ref={sheetRef}
      onKeyDown={onKeyDown}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onDoubleClick={onDoubleClick}
      onCopy={onCopy}
      onCut={onCut}
      onPaste={onPaste}
    >
      <OfficialTable
        table={table}
        caption={caption}
        valueCell={(id, span) => {
          const view = views.get(id)!;
          let className = view.className;
          if (id === ui.active) className += ` active mode-${ui.mode}`;
          if (selected.has(id)) className += ' selected';
          return <SheetCell key={id} id={id} span={span} view={view} className={className} />;
        }}
      />
      <input
        ref={inputRef}
        className={`cell-input mode-${ui.mode}`}
        data-cell={ui.active}
        aria-label={nameOf(ui.active)}
        inputMode={layout.byId.get(ui.active)?.def.kind === 'money' ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        value={ui.mode === 'ready' ? '' : ui.draft}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {ui.bubble && <CellBubble cellId={ui.bubble.cellId} message={ui.bubble.message} />}
      {noteFor && (
        <NoteDialog
          session={session}
          cellId={noteFor}
          name={nameOf(noteFor)}
          onClose={() => {
            setNoteFor(null);
            go(noteFor);
          }}
        />
      )}
    </div>
  );
}

/** What a value cell shows, cursor and selection aside. */
interface CellView {
  text: string;
  className: string;
  title: string;
  label: string;
  decor?: CellDecor;
}

/**
 * One value cell of the spreadsheet. A figure typed changes a few cells (the cell, its totals,
 * the marks of the rules it touches); the others keep their view and are not drawn again, which
 * keeps the keystroke inside one frame.
 */
const SheetCell = memo(
  function SheetCell({ id, span, view, className }: { id: string; span: CellSpan; view: CellView; className: string }) {
    return (
      <td {...span} className={className} data-cell={id} aria-label={view.label} {...(view.title ? { title: view.title } : {})}>
        <span className="cell-text">{view.text}</span>
        {view.decor?.after}
      </td>
    );
  },
  (a, b) =>
    a.id === b.id &&
    a.className === b.className &&
    a.span.colSpan === b.span.colSpan &&
    a.span.rowSpan === b.span.rowSpan &&
    (a.view === b.view ||
      (a.view.text === b.view.text && a.view.title === b.view.title && a.view.label === b.view.label && a.view.decor?.key === b.view.decor?.key)),
);
