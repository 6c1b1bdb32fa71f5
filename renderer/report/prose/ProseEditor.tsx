import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import type { ReportFormat } from '../../../core/report/model.js';
import { headingOf, resolveTokens, tokenFor } from '../../../core/report/prose.js';
import { CHIP_CLASS, chipTitle, LINE_CLASS, lineStarts, makeLine, pagePosition, partsOf, readPage, storedOffset, type ChipLook } from './chips.js';
import { readShown, tokensTouching, type TokenNaming } from './display.js';
import { figureIdOf, figureLabel, figureValue } from './figures.js';
import { FigurePicker } from './FigurePicker.js';
import { EditHistory, type EditKind } from './history.js';
import { lineAt, lineKind, linesOf, lineStart, mapOffset, markerOf, renumberOutline, setLineKind, type LineKind } from './numbering.js';
import { MAX_PROSE_CHARS, preparePaste, proseFromPlain } from './paste.js';
import { ProsePreview } from './ProsePreview.js';
import { PendingMarks } from '../carry/PendingMarks.js';

/**
 * The prose editor, over the stored plain-text model of core/report/prose.ts: one line a paragraph,
 * figures from the tables as atomic chips (renderer/report/prose/chips.ts) that show the value now,
 * name the figure on hover, go whole on Backspace/Delete and are stepped over by the arrows. Every
 * edit is made in the model and drawn (an input method's composition is left to the browser and read
 * back at its end); numbering is automatic; the editor keeps its own undo history because it
 * rewrites its text (numbering, figure values) as the clerk works.
 */

export interface ProseEditorHandle {
  /** replaces the whole text as one undoable step (the 总体情况 outline) */
  replaceAll(text: string): void;
  focus(): void;
}

interface Props {
  /** the text box's accessible name: 「正文」, 「导语」, 「表二下方的说明」 */
  label: string;
  initial: string;
  format: ReportFormat;
  cells: Readonly<Record<string, number>>;
  readOnly: boolean;
  /** the stored text after every change */
  onChange(text: string): void;
  onBlur?(): void;
  /** heading levels and lists (the three prose sections); notes and the 导语 get figures only */
  structure?: boolean;
  placeholder?: string;
  compact?: boolean;
  /** more tools at the end of the toolbar */
  tools?: ReactNode;
  /** 「去表格查看」 a figure */
  onShowCell?(cellId: string): void;
  /** last year's years and figures still 「待更新」 in a carried text, marked in place (issue 6) */
  marks?: readonly string[];
  onConfirmMark?(mention: string): void;
  ref?: Ref<ProseEditorHandle>;
}

const MOD_SHORTCUTS: Record<string, LineKind> = { '0': 'paragraph', '1': 1, '2': 2, '3': 3, '4': 4, '7': 'numbered', '8': 'bulleted' };

const KIND_BUTTONS: { kind: LineKind; text: string; title: string }[] = [
  { kind: 'paragraph', text: '正文', title: '普通段落（Alt+0）' },
  { kind: 1, text: '一、', title: '一级标题（Alt+1）' },
  { kind: 2, text: '（一）', title: '二级标题（Alt+2）' },
  { kind: 3, text: '1.', title: '三级标题（Alt+3）' },
  { kind: 4, text: '（1）', title: '四级标题（Alt+4）' },
  { kind: 'numbered', text: '①', title: '编号列表（Alt+7）' },
  { kind: 'bulleted', text: '•', title: '项目列表（Alt+8）' },
];

/** The custom clipboard type that carries figure tokens from one editor of the app to another. */
const CLIP_TYPE = 'application/x-nianbao-prose';

function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/.test(ch)) n++;
  return n;
}

interface Caret {
  line: number;
  kind: LineKind;
  /** figure tokens the selection touches */
  tokens: number;
  /** the figure the caret stands by or the selection holds: named under the text (what a hover shows) */
  near: string | null;
  /** the caret (the selection's end), stored offset */
  at: number | null;
}

export const ProseEditor = memo(function ProseEditor(props: Props) {
  const { label, initial, format, cells, readOnly, structure = false, placeholder, compact, tools, onShowCell, ref } = props;
  const box = useRef<HTMLDivElement>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  const look = useMemo<ChipLook & TokenNaming>(
    () => ({
      label: (id) => figureLabel(format, id),
      value: (id) => figureValue(format, cells, id),
      idOf: (l) => figureIdOf(format, l),
    }),
    [format, cells],
  );
  const lookRef = useRef(look);
  lookRef.current = look;

  // the editor's model, outside React state: the page is written directly, never re-rendered by React
  const model = useRef<{
    stored: string;
    /** the lines the page shows now, and where each starts in the stored text */
    lines: string[];
    starts: number[];
    history: EditHistory;
    caretLine: number;
    composing: boolean;
  } | null>(null);
  if (!model.current) {
    const stored = initial.replace(/\r\n?/g, '\n');
    model.current = { stored, lines: [], starts: [0], history: new EditHistory({ text: stored, start: 0, end: 0 }), caretLine: -1, composing: false };
  }
  const m = model.current;

  const [text, setText] = useState(m.stored);
  const [caret, setCaret] = useState<Caret>({ line: 0, kind: lineKind(m.stored.split('\n')[0] ?? ''), tokens: 0, near: null, at: null });
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; lines: string[] } | null>(null);
  const [picking, setPicking] = useState(false);
  const [preview, setPreview] = useState(false);

  /** Puts the stored text on the page: only the lines that changed are drawn again. */
  const paint = useCallback(
    (stored: string) => {
      const el = box.current;
      const next = stored.split('\n');
      if (!el) {
        m.lines = next;
        m.starts = lineStarts(stored);
        return;
      }
      let prev = m.lines;
      // the browser reshaped the page on its own (an input method): draw it all again
      if (el.childNodes.length !== prev.length || [...el.childNodes].some((n) => !(n instanceof HTMLDivElement) || !n.classList.contains(LINE_CLASS))) {
        el.replaceChildren();
        prev = [];
      }
      let a = 0;
      while (a < prev.length && a < next.length && prev[a] === next[a]) a++;
      let b = 0;
      while (b < prev.length - a && b < next.length - a && prev[prev.length - 1 - b] === next[next.length - 1 - b]) b++;
      const kids = el.childNodes;
      const after = kids[prev.length - b] ?? null;
      for (let i = prev.length - b - 1; i >= a; i--) el.removeChild(kids[i]!);
      const fresh = document.createDocumentFragment();
      for (let i = a; i < next.length - b; i++) fresh.appendChild(drawLine(next[i]!, lookRef.current));
      el.insertBefore(fresh, after);
      m.lines = next;
      m.starts = lineStarts(stored);
      el.classList.toggle('empty', stored === '');
    },
    [m],
  );

  /** The selection in stored offsets, or null when it is not in this editor. */
  const selection = useCallback((): [number, number] | null => {
    const el = box.current;
    const sel = document.getSelection();
    if (!el || !sel || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    if (!el.contains(r.startContainer) || !el.contains(r.endContainer)) return null;
    return [storedOffset(el, r.startContainer, r.startOffset, 'start', m.starts), storedOffset(el, r.endContainer, r.endOffset, 'end', m.starts)];
  }, [m]);

  const storedSelection = (): [number, number] => selection() ?? [m.stored.length, m.stored.length];

  const select = useCallback(
    (start: number, end: number) => {
      const el = box.current;
      const sel = document.getSelection();
      if (!el || !sel) return;
      const a = pagePosition(el, start, m.starts);
      const b = start === end ? a : pagePosition(el, end, m.starts);
      sel.setBaseAndExtent(a.node as Node, a.offset, b.node as Node, b.offset);
    },
    [m],
  );

  const updateCaret = useCallback(() => {
    const range = selection();
    if (!range) return;
    const [s, e] = range;
    const line = lineAt(m.stored, s).line;
    const kind = lineKind(m.lines[line] ?? '');
    const touching = tokensTouching(m.stored, s, e);
    const near = touching[0]?.id ?? null;
    const tokens = touching.length;
    setCaret((c) => (c.line === line && c.kind === kind && c.tokens === tokens && c.near === near && c.at === e ? c : { line, kind, tokens, near, at: e }));
  }, [m, selection]);

  /** Puts a stored text and selection on the page; records the step unless `kind` is null. */
  const apply = useCallback(
    (stored: string, start: number, end: number, kind: EditKind | null, focus = true) => {
      const before = m.stored;
      m.stored = stored;
      paint(stored);
      if (focus && box.current && document.activeElement === box.current) select(start, end);
      if (kind) m.history.record({ text: stored, start, end }, kind);
      else m.history.amend({ text: stored, start, end });
      if (stored !== before) {
        onChange.current(stored);
        setText(stored);
      }
      updateCaret();
    },
    [m, paint, select, updateCaret],
  );

  /**
   * Replaces a stored range with stored text and puts the caret after it. Typing renumbers every
   * line but the one being typed (its number changes once the caret leaves it); other edits renumber all.
   */
  const replaceRange = useCallback(
    (start: number, end: number, insert: string, kind: EditKind = 'other') => {
      const joined = m.stored.slice(0, start) + insert + m.stored.slice(end);
      const at = start + insert.length;
      if (start !== end) m.history.seal();
      const line = kind === 'type' ? lineAt(joined, at).line : undefined;
      if (line !== undefined) m.caretLine = line;
      const renumbered = renumberOutline(joined, line);
      const caretAt = mapOffset(joined, renumbered, at);
      apply(renumbered, caretAt, caretAt, kind);
    },
    [m, apply],
  );

  // the first drawing, as the page is attached: before the marks (a later sibling) look at it
  const attach = useCallback(
    (el: HTMLDivElement | null) => {
      box.current = el;
      if (el && !el.childNodes.length) {
        m.lines = [];
        paint(m.stored);
      }
    },
    [m, paint],
  );

  // the figures changed (a table was edited): every chip shows its figure's value now
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    for (const chip of el.querySelectorAll<HTMLElement>(`.${CHIP_CLASS}`)) {
      const id = chip.dataset.cell!;
      const value = look.value(id);
      if (chip.textContent !== value) {
        chip.textContent = value;
        chip.title = chipTitle(look, id);
        chip.setAttribute('aria-label', `${look.label(id)}：${value}`);
      }
    }
  }, [look]);

  /** The browser changed the page itself (an input method committed, a spelling fix): read it back. */
  const readBack = useCallback(() => {
    const el = box.current;
    if (!el) return;
    const read = readPage(el);
    // the caret, counted on the page as it is now (the line starts are the old ones: count afresh)
    const sel = document.getSelection();
    let at = read.length;
    if (sel && sel.rangeCount && el.contains(sel.focusNode)) at = storedOffset(el, sel.focusNode!, sel.focusOffset, 'end');
    // what the page shows now, line by line, so that only the lines that change are drawn again
    m.lines = [...el.childNodes].map((n) => (n instanceof HTMLDivElement && n.classList.contains(LINE_CLASS) ? readPage(n) : '\u0000'));
    const line = lineAt(read, at).line;
    m.caretLine = line;
    const renumbered = renumberOutline(read, line);
    const caretAt = mapOffset(read, renumbered, at);
    apply(renumbered, caretAt, caretAt, 'type');
  }, [m, apply]);

  /** The caret moved: number the line it left, and say which figure it stands by. */
  const onCaretMove = useCallback(() => {
    const el = box.current;
    if (!el || m.composing || document.activeElement !== el) return;
    const range = selection();
    if (!range) return;
    const [s, e] = range;
    // the caret went elsewhere: what is typed next is an undo step of its own
    const last = m.history.current;
    if (last.start !== s || last.end !== e) m.history.seal();
    const line = lineAt(m.stored, s).line;
    if (line !== m.caretLine) {
      m.caretLine = line;
      const full = renumberOutline(m.stored, line);
      if (full !== m.stored && !readOnly) {
        apply(full, mapOffset(m.stored, full, s), mapOffset(m.stored, full, e), null);
        return;
      }
    }
    updateCaret();
  }, [m, apply, selection, updateCaret, readOnly]);

  useEffect(() => {
    const onSelection = () => onCaretMove();
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [onCaretMove]);

  const step = (which: 'undo' | 'redo') => {
    const state = which === 'undo' ? m.history.undo() : m.history.redo();
    if (!state) return;
    m.caretLine = lineAt(state.text, state.start).line;
    m.stored = state.text;
    paint(state.text);
    if (box.current && document.activeElement === box.current) select(state.start, state.end);
    onChange.current(state.text);
    setText(state.text);
    updateCaret();
  };
  const stepRef = useRef(step);
  stepRef.current = step;

  /** Enter: a new line; in a list item or a numbered paragraph the list goes on; on an empty item it ends. */
  const newLine = (s: number, e: number) => {
    if (structure && s === e) {
      const { line } = lineAt(m.stored, s);
      const lineText = m.lines[line] ?? '';
      const marker = markerOf(lineText);
      const continues = marker && (marker.kind === 'numbered' || marker.kind === 'bulleted' || !headingOf(lineText));
      if (marker && continues) {
        const body = lineText.trimStart().slice(marker.text.length).trim();
        const start = lineStart(m.stored, line);
        if (!body) {
          replaceRange(start, start + lineText.length, '');
          return;
        }
        replaceRange(s, s, `\n${marker.kind === 'bulleted' ? '• ' : marker.text}`);
        return;
      }
    }
    replaceRange(s, e, '\n', 'type');
  };
  const newLineRef = useRef(newLine);
  newLineRef.current = newLine;

  /** Deletes what a delete key or command takes; a figure next to a collapsed caret goes whole. */
  const remove = (e: InputEvent, [s, end]: [number, number]) => {
    if (s !== end) {
      replaceRange(s, end, '');
      return;
    }
    const backward = e.inputType.includes('Backward');
    const token = tokensTouching(m.stored, s, s).find((t) => (backward ? t.end === s : t.start === s));
    if (token) {
      replaceRange(token.start, token.end, '');
      return;
    }
    // what the browser would delete (a character, a word, to the line's start)
    const target = e.getTargetRanges?.()[0];
    const el = box.current!;
    if (target && !target.collapsed) {
      const a = storedOffset(el, target.startContainer, target.startOffset, 'start', m.starts);
      const b = storedOffset(el, target.endContainer, target.endOffset, 'end', m.starts);
      if (b > a) {
        replaceRange(a, b, '', 'type');
        return;
      }
    }
    // one character (a surrogate pair whole)
    if (backward && s > 0) {
      const width = s > 1 && /[\udc00-\udfff]/.test(m.stored[s - 1]!) && /[\ud800-\udbff]/.test(m.stored[s - 2]!) ? 2 : 1;
      replaceRange(s - width, s, '', 'type');
    } else if (!backward && s < m.stored.length) {
      const width = /[\ud800-\udbff]/.test(m.stored[s]!) && /[\udc00-\udfff]/.test(m.stored[s + 1] ?? '') ? 2 : 1;
      replaceRange(s, s + width, '', 'type');
    }
  };
  const removeRef = useRef(remove);
  removeRef.current = remove;

  /**
   * Every edit goes through the model, so the page always shows the stored text and a figure is
   * never half-deleted: the browser's own change is cancelled and ours drawn instead. Only an input
   * method's composition is left to the browser while it lasts (cancelling it would break typing
   * Chinese); it is read back when it ends.
   */
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const onBeforeInput = (e: InputEvent) => {
      const type = e.inputType;
      if (type === 'insertCompositionText' || e.isComposing || m.composing) return;
      if (type === 'historyUndo' || type === 'historyRedo') {
        e.preventDefault();
        if (!readOnly) stepRef.current(type === 'historyUndo' ? 'undo' : 'redo');
        return;
      }
      e.preventDefault();
      // formatting (Ctrl+B…), pastes, cuts and drops: the clipboard and drop handlers do those
      if (readOnly || type.startsWith('format') || type === 'insertFromPaste' || type === 'deleteByCut' || type === 'insertFromDrop' || type === 'deleteByDrag') return;
      const range = selection();
      if (!range) return;
      if (type === 'insertParagraph' || type === 'insertLineBreak') {
        newLineRef.current(range[0], range[1]);
      } else if (type.startsWith('delete')) {
        removeRef.current(e, range);
      } else if (type.startsWith('insert')) {
        const data = e.data ?? e.dataTransfer?.getData('text/plain') ?? '';
        // typed text is the clerk's words: 「{{cell:…}}」 typed is not a figure, nor are control characters
        replaceRange(range[0], range[1], data.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f]/g, '').replace(/\{\{/g, '{ {'), 'type');
      }
    };
    const onInput = (e: Event) => {
      if (m.composing || (e as InputEvent).isComposing) return;
      readBack();
    };
    el.addEventListener('beforeinput', onBeforeInput);
    el.addEventListener('input', onInput);
    return () => {
      el.removeEventListener('beforeinput', onBeforeInput);
      el.removeEventListener('input', onInput);
    };
  }, [m, readOnly, selection, replaceRange, readBack]);

  /** Makes the lines of the selection a kind; the same kind again makes them plain paragraphs. */
  const setKind = (kind: LineKind) => {
    if (readOnly) return;
    const [s, e] = storedSelection();
    const lines = linesOf(m.stored, s, e);
    const current = lineKind(m.lines[lines[0]!] ?? '');
    const target = current === kind && kind !== 'paragraph' ? 'paragraph' : kind;
    let next = m.stored;
    for (const l of lines) next = setLineKind(next, l, target);
    box.current?.focus();
    apply(next, mapOffset(m.stored, next, s), mapOffset(m.stored, next, e), 'other');
  };

  /** Where the caret was when the picker opened: the figure goes there. */
  const pickAt = useRef<[number, number] | null>(null);
  const openPicker = () => {
    pickAt.current = selection() ?? [m.stored.length, m.stored.length];
    setPicking(true);
  };

  const insertFigure = (cellId: string) => {
    setPicking(false);
    const [s, e] = pickAt.current ?? [m.stored.length, m.stored.length];
    box.current?.focus();
    replaceRange(s, e, tokenFor(cellId));
  };

  /** 「转为文字」: the figures the selection touches become the plain numbers they show now. */
  const tokensToText = (cellId?: string) => {
    const [s, e] = storedSelection();
    const touched = cellId ? tokensTouching(m.stored, 0, m.stored.length).filter((t) => t.id === cellId) : tokensTouching(m.stored, s, e);
    if (!touched.length || format === 'free') return;
    let next = m.stored;
    let caretAt = e;
    for (const t of [...touched].reverse()) {
      const value = resolveTokens(tokenFor(t.id), format, cells);
      next = next.slice(0, t.start) + value + next.slice(t.end);
      if (t.end <= caretAt) caretAt += value.length - (t.end - t.start);
    }
    apply(next, caretAt, caretAt, 'other');
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && !e.altKey && (key === 'z' || key === 'y')) {
      e.preventDefault();
      if (!readOnly) step(key === 'y' || e.shiftKey ? 'redo' : 'undo');
      return;
    }
    // no bold, italics or underline in a report's text
    if (mod && !e.altKey && (key === 'b' || key === 'i' || key === 'u')) {
      e.preventDefault();
      return;
    }
    if (e.altKey && !mod && !e.shiftKey) {
      const kind = MOD_SHORTCUTS[e.key];
      if (structure && kind !== undefined) {
        e.preventDefault();
        setKind(kind);
        return;
      }
      if (key === 's' && format !== 'free' && !readOnly) {
        e.preventDefault();
        openPicker();
      }
    }
  };

  const onPaste = (e: React.ClipboardEvent<HTMLDivElement>) => {
    e.preventDefault();
    if (readOnly) return;
    const data = e.clipboardData;
    const [s, end] = storedSelection();
    const own = data.getData(CLIP_TYPE);
    const room = MAX_PROSE_CHARS - [...m.stored].length + (end - s);
    const result = own
      ? { text: own, notices: [] as string[], refused: own.length > room ? '要粘贴的文字太长，超过了这一部分能容纳的字数，没有粘贴。' : undefined }
      : preparePaste({ html: data.getData('text/html'), plain: data.getData('text/plain'), files: data.files.length }, room);
    if (result.refused) {
      setNotice({ kind: 'error', lines: [result.refused] });
      return;
    }
    setNotice(result.notices.length ? { kind: 'info', lines: result.notices } : null);
    if (!result.text) return;
    // the app's own copies carry their figures; figures written 「⟦名称：数值⟧」 come back as live figures
    replaceRange(s, end, own ? result.text : readShown(result.text.replace(/\{\{/g, '{ {'), lookRef.current));
  };

  const onCopy = (e: React.ClipboardEvent<HTMLDivElement>, cut: boolean) => {
    const [s, end] = storedSelection();
    e.preventDefault();
    if (s === end) return;
    const part = m.stored.slice(s, end);
    // other programs get the figures as numbers; this app's editors get the live figures
    e.clipboardData.setData('text/plain', format === 'free' ? part : resolveTokens(part, format, cells));
    e.clipboardData.setData(CLIP_TYPE, part);
    if (cut && !readOnly) replaceRange(s, end, '');
  };

  /** Text dragged out of this editor: its stored range, so that a drop here moves it with its figures. */
  const dragged = useRef<[number, number] | null>(null);

  const onDragStart = (e: React.DragEvent<HTMLDivElement>) => {
    const [s, end] = storedSelection();
    dragged.current = s < end ? [s, end] : null;
    if (s === end) return;
    const part = m.stored.slice(s, end);
    e.dataTransfer.setData('text/plain', format === 'free' ? part : resolveTokens(part, format, cells));
    e.dataTransfer.setData(CLIP_TYPE, part);
  };

  const onDrop = (e: React.DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    const from = dragged.current;
    dragged.current = null;
    if (e.dataTransfer.files.length) {
      setNotice({ kind: 'info', lines: ['图片和文件不能放进正文，已略去：报告正文只保留文字。'] });
      return;
    }
    if (readOnly) return;
    // dropped text goes where it was dropped; dragged within this editor it moves (Ctrl: a copy)
    const el = box.current!;
    const point = document.caretRangeFromPoint?.(e.clientX, e.clientY);
    const at = point && el.contains(point.startContainer) ? storedOffset(el, point.startContainer, point.startOffset, 'end', m.starts) : storedSelection()[1];
    const own = e.dataTransfer.getData(CLIP_TYPE);
    const text = own || readShown(proseFromPlain(e.dataTransfer.getData('text/plain')).replace(/\{\{/g, '{ {'), lookRef.current);
    if (!text) return;
    if (from && own && !e.ctrlKey) {
      if (at >= from[0] && at <= from[1]) return;
      const without = m.stored.slice(0, from[0]) + m.stored.slice(from[1]);
      const to = at > from[1] ? at - (from[1] - from[0]) : at;
      const joined = without.slice(0, to) + text + without.slice(to);
      const renumbered = renumberOutline(joined);
      const caretAt = mapOffset(joined, renumbered, to + text.length);
      apply(renumbered, caretAt, caretAt, 'other');
      return;
    }
    replaceRange(at, at, text);
  };

  useImperativeHandle(
    ref,
    () => ({
      replaceAll: (next: string) => {
        const renumbered = renumberOutline(next.replace(/\r\n?/g, '\n'));
        box.current?.focus();
        apply(renumbered, 0, 0, 'other');
        select(0, 0);
      },
      focus: () => box.current?.focus(),
    }),
    [apply, select],
  );

  const ids = useMemo(() => [...new Set(tokensTouching(text, 0, text.length).map((t) => t.id))], [text]);
  const chars = useMemo(() => countChars(format === 'free' ? text : resolveTokens(text, format, cells)), [text, format, cells]);
  const canFigures = format !== 'free' && !readOnly;

  return (
    <div className={`prose-editor${compact ? ' compact' : ''}`}>
      <div className="prose-toolbar" role="toolbar" aria-label="排版和数字工具">
        {structure &&
          KIND_BUTTONS.map((b) => (
            <button
              key={String(b.kind)}
              type="button"
              className={`tool${caret.kind === b.kind ? ' on' : ''}`}
              title={b.title}
              aria-label={b.title}
              aria-pressed={caret.kind === b.kind}
              disabled={readOnly}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setKind(b.kind)}
            >
              {b.text}
            </button>
          ))}
        {structure && <span className="tool-gap" />}
        <button type="button" className="tool" title="插入表格中的数字，随表格自动更新（Alt+S）" disabled={!canFigures} onMouseDown={(e) => e.preventDefault()} onClick={openPicker}>
          插入数字…
        </button>
        <button
          type="button"
          className="tool"
          title="把光标处或选中的表格数字变成普通文字（不再随表格更新）"
          disabled={!canFigures || caret.tokens === 0}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => tokensToText()}
        >
          转为文字
        </button>
        <span className="tool-gap" />
        <button type="button" className="tool" title="撤销（Ctrl+Z）" aria-label="撤销" disabled={readOnly || !m.history.canUndo} onMouseDown={(e) => e.preventDefault()} onClick={() => step('undo')}>
          ↶
        </button>
        <button type="button" className="tool" title="重做（Ctrl+Y）" aria-label="重做" disabled={readOnly || !m.history.canRedo} onMouseDown={(e) => e.preventDefault()} onClick={() => step('redo')}>
          ↷
        </button>
        <span className="tool-gap" />
        <button type="button" className={`tool${preview ? ' on' : ''}`} aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
          排版预览
        </button>
        {tools}
      </div>
      {notice && (
        <div className={`prose-notice prose-notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
          <button type="button" className="link" aria-label="关闭提示" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      <div
        ref={attach}
        className="prose-input"
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        aria-readonly={readOnly || undefined}
        tabIndex={0}
        contentEditable={!readOnly}
        suppressContentEditableWarning
        spellCheck={false}
        data-placeholder={placeholder}
        onCompositionStart={() => {
          m.composing = true;
        }}
        onCompositionEnd={() => {
          m.composing = false;
          readBack();
        }}
        onKeyDown={onKeyDown}
        onKeyUp={onCaretMove}
        onMouseUp={onCaretMove}
        onFocus={onCaretMove}
        onBlur={() => {
          // leaving the editor: the line that was being typed gets its number too
          const full = renumberOutline(m.stored);
          if (full !== m.stored && !readOnly) apply(full, 0, 0, null, false);
          m.caretLine = -1;
          props.onBlur?.();
        }}
        onPaste={onPaste}
        onCopy={(e) => onCopy(e, false)}
        onCut={(e) => onCopy(e, true)}
        onDragStart={onDragStart}
        onDragEnd={() => (dragged.current = null)}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
      />
      {props.marks && props.marks.length > 0 && (
        <PendingMarks target={box} text={text} caret={caret.at} starts={m.starts} mentions={props.marks} readOnly={readOnly} onConfirm={(mention) => props.onConfirmMark?.(mention)} onLocate={(s, e) => (box.current?.focus(), select(s, e), updateCaret())} />
      )}
      {ids.length > 0 && (
        <div className="prose-figures" aria-label="引用的表格数字">
          <span className="muted">引用的表格数字：</span>
          {ids.map((id) => (
            <span key={id} className="figure-ref">
              <span className="figure-chip" title={`${figureLabel(format, id)}（随表格自动更新）`}>
                {figureLabel(format, id)} = {figureValue(format, cells, id)}
              </span>
              {canFigures && (
                <button type="button" className="link small" onClick={() => tokensToText(id)} title="这个数字在本部分各处都变成普通文字">
                  转为文字
                </button>
              )}
              {onShowCell && (
                <button type="button" className="link small" onClick={() => onShowCell(id)}>
                  去表格查看
                </button>
              )}
            </span>
          ))}
        </div>
      )}
      <div className="prose-footer muted">
        <span>
          {caret.near && format !== 'free' ? (
            <span className="figure-near" aria-live="polite">
              光标处的数字：{figureLabel(format, caret.near)} = {figureValue(format, cells, caret.near)}（随表格自动更新）
            </span>
          ) : (
            <>
              {structure ? 'Alt+1…4 设标题级别，Alt+0 正文，Alt+7/8 列表；编号自动排。' : ''}
              {canFigures ? 'Alt+S 插入表格数字。' : ''}
            </>
          )}
        </span>
        <span>{chars} 字</span>
      </div>
      {preview && <ProsePreview text={text} format={format} cells={cells} />}
      {picking && format !== 'free' && (
        <FigurePicker
          format={format}
          cells={cells}
          onPick={insertFigure}
          onClose={() => {
            setPicking(false);
            box.current?.focus();
            if (pickAt.current) select(...pickAt.current);
          }}
        />
      )}
    </div>
  );
});

/** One line of stored text as the page draws it: a heading's level shows in its look. */
function drawLine(line: string, look: ChipLook): HTMLElement {
  const heading = headingOf(line);
  return makeLine(document, look, partsOf(line)[0]!, heading ? `${LINE_CLASS} pl-h${heading.level}` : LINE_CLASS) as unknown as HTMLElement;
}
