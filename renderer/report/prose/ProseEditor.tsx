import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import type { ReportFormat } from '../../../core/report/model.js';
import { headingOf, resolveTokens, tokenFor } from '../../../core/report/prose.js';
import { readShown, showTokens, snapSelection, toShown, toStored, tokensTouching, type Shown, type TokenNaming } from './display.js';
import { figureIdOf, figureLabel, figureValue } from './figures.js';
import { FigurePicker } from './FigurePicker.js';
import { EditHistory, type EditKind } from './history.js';
import { lineAt, lineKind, linesOf, lineStart, mapOffset, markerOf, renumberOutline, setLineKind, type LineKind } from './numbering.js';
import { MAX_PROSE_CHARS, preparePaste } from './paste.js';
import { ProsePreview } from './ProsePreview.js';
import { PendingMarks } from '../carry/PendingMarks.js';

/**
 * The prose editor: a plain text box (robust with every input method, including Chinese IMEs,
 * and with the keyboard), over the stored plain-text model of core/report/prose.ts. Figure tokens
 * show as 「⟦名称：数值⟧」 and move as one piece; numbering is automatic; the editor keeps its own
 * undo history because it rewrites its text (numbering, figure values) as the clerk works.
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
}

export const ProseEditor = memo(function ProseEditor(props: Props) {
  const { label, initial, format, cells, readOnly, structure = false, placeholder, compact, tools, onShowCell, ref } = props;
  const ta = useRef<HTMLTextAreaElement>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  const naming = useMemo<TokenNaming>(
    () => ({
      label: (id) => figureLabel(format, id),
      value: (id) => figureValue(format, cells, id),
      idOf: (l) => figureIdOf(format, l),
    }),
    [format, cells],
  );
  const namingRef = useRef(naming);
  namingRef.current = naming;

  // the editor's model, outside React state: the text box is written directly, never re-rendered
  const model = useRef<{ stored: string; shown: Shown; history: EditHistory; lastCaret: number; caretLine: number; composing: boolean } | null>(null);
  if (!model.current) {
    const stored = initial.replace(/\r\n?/g, '\n');
    model.current = { stored, shown: showTokens(stored, naming), history: new EditHistory({ text: stored, start: 0, end: 0 }), lastCaret: 0, caretLine: -1, composing: false };
  }
  const m = model.current;
  // React must never rewrite the text box after mounting (it would reset the caret), and it would:
  // React 19 writes a textarea's defaultValue (its whole text node) at every render, which costs a
  // layout of the text each time. So no defaultValue: the starting text is put in once, when the
  // text box is attached (before the marks layer measures it).
  const startValue = useRef(m.shown.text);
  const attach = useCallback((el: HTMLTextAreaElement | null) => {
    if (el && ta.current !== el) el.value = startValue.current;
    ta.current = el;
  }, []);

  const [text, setText] = useState(m.stored);
  const [caret, setCaret] = useState<Caret>({ line: 0, kind: lineKind(m.stored.split('\n')[0] ?? ''), tokens: 0 });
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; lines: string[] } | null>(null);
  const [picking, setPicking] = useState(false);
  const [preview, setPreview] = useState(false);

  const storedSelection = (): [number, number] => {
    const el = ta.current;
    if (!el) return [0, 0];
    return [toStored(m.shown, el.selectionStart, 'start'), toStored(m.shown, el.selectionEnd, 'end')];
  };

  const updateCaret = useCallback(() => {
    const el = ta.current;
    if (!el) return;
    const s = toStored(m.shown, el.selectionStart, 'start');
    const e = toStored(m.shown, el.selectionEnd, 'end');
    const line = lineAt(m.stored, s).line;
    const kind = lineKind(m.stored.split('\n')[line] ?? '');
    const tokens = tokensTouching(m.stored, s, e).length;
    setCaret((c) => (c.line === line && c.kind === kind && c.tokens === tokens ? c : { line, kind, tokens }));
  }, [m]);

  /** Puts a stored text and selection into the text box; records the step unless `kind` is null. */
  const apply = useCallback(
    (stored: string, start: number, end: number, kind: EditKind | null) => {
      const el = ta.current;
      const before = m.stored;
      const shown = showTokens(stored, namingRef.current);
      m.stored = stored;
      m.shown = shown;
      if (el) {
        if (el.value !== shown.text) el.value = shown.text;
        const s = toShown(shown, start);
        const e = toShown(shown, end);
        if (el.selectionStart !== s || el.selectionEnd !== e) el.setSelectionRange(s, e);
        m.lastCaret = e;
      }
      if (kind) m.history.record({ text: stored, start, end }, kind);
      else m.history.amend({ text: stored, start, end });
      if (stored !== before) {
        onChange.current(stored);
        setText(stored);
      }
      updateCaret();
    },
    [m, updateCaret],
  );

  /** Replaces a stored range with stored text, renumbers, and puts the caret after it. */
  const replaceRange = useCallback(
    (start: number, end: number, insert: string, kind: EditKind = 'other') => {
      const joined = m.stored.slice(0, start) + insert + m.stored.slice(end);
      const renumbered = renumberOutline(joined);
      const caretAt = mapOffset(joined, renumbered, start + insert.length);
      apply(renumbered, caretAt, caretAt, kind);
    },
    [m, apply],
  );

  // the figures changed (a table was edited): the tokens show the new values where they sit
  useEffect(() => {
    const el = ta.current;
    const shown = showTokens(m.stored, naming);
    if (!el || shown.text === m.shown.text) {
      m.shown = shown;
      return;
    }
    const [s, e] = [toStored(m.shown, el.selectionStart, 'start'), toStored(m.shown, el.selectionEnd, 'end')];
    const focused = document.activeElement === el;
    const scroll = el.scrollTop;
    m.shown = shown;
    el.value = shown.text;
    if (focused) el.setSelectionRange(toShown(shown, s), toShown(shown, e));
    el.scrollTop = scroll;
  }, [naming, m]);

  useEffect(() => {
    if (ta.current && ta.current.value !== m.shown.text) ta.current.value = m.shown.text;
  }, [m]);

  /** What the clerk typed (or dropped, or the IME committed): read it back, renumber around the caret. */
  const onInput = () => {
    const el = ta.current;
    if (!el || m.composing) return;
    const value = el.value;
    const n = namingRef.current;
    const stored = readShown(value, n);
    const s = readShown(value.slice(0, el.selectionStart), n).length;
    const e = el.selectionEnd === el.selectionStart ? s : readShown(value.slice(0, el.selectionEnd), n).length;
    const line = lineAt(stored, s).line;
    m.caretLine = line;
    const renumbered = renumberOutline(stored, line);
    apply(renumbered, mapOffset(stored, renumbered, s), mapOffset(stored, renumbered, e), 'type');
  };

  /** The caret moved: keep it out of tokens, and number the line it left. */
  const onCaretMove = useCallback(() => {
    const el = ta.current;
    if (!el || m.composing || document.activeElement !== el) return;
    const [s, e] = snapSelection(m.shown, el.selectionStart, el.selectionEnd, m.lastCaret);
    if (s !== el.selectionStart || e !== el.selectionEnd) el.setSelectionRange(s, e);
    m.lastCaret = el.selectionDirection === 'backward' ? s : e;
    const storedS = toStored(m.shown, s, 'start');
    const line = lineAt(m.stored, storedS).line;
    if (line !== m.caretLine) {
      m.caretLine = line;
      const full = renumberOutline(m.stored, line);
      if (full !== m.stored) {
        const storedE = toStored(m.shown, e, 'end');
        apply(full, mapOffset(m.stored, full, storedS), mapOffset(m.stored, full, storedE), null);
        return;
      }
    }
    updateCaret();
  }, [m, apply, updateCaret]);

  useEffect(() => {
    const onSelection = () => onCaretMove();
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [onCaretMove]);

  // the browser's own undo (menu, gestures) would undo the editor's rewrites wrongly: use ours
  useEffect(() => {
    const el = ta.current;
    if (!el) return;
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType === 'historyUndo' || e.inputType === 'historyRedo') {
        e.preventDefault();
        step(e.inputType === 'historyUndo' ? 'undo' : 'redo');
      }
    };
    el.addEventListener('beforeinput', onBeforeInput);
    return () => el.removeEventListener('beforeinput', onBeforeInput);
  });

  const step = (which: 'undo' | 'redo') => {
    const state = which === 'undo' ? m.history.undo() : m.history.redo();
    if (!state) return;
    const el = ta.current;
    m.caretLine = lineAt(state.text, state.start).line;
    const shown = showTokens(state.text, namingRef.current);
    m.stored = state.text;
    m.shown = shown;
    if (el) {
      el.value = shown.text;
      el.setSelectionRange(toShown(shown, state.start), toShown(shown, state.end));
    }
    onChange.current(state.text);
    setText(state.text);
    updateCaret();
  };

  /** Makes the lines of the selection a kind; the same kind again makes them plain paragraphs. */
  const setKind = (kind: LineKind) => {
    if (readOnly) return;
    const [s, e] = storedSelection();
    const lines = linesOf(m.stored, s, e);
    const current = lineKind(m.stored.split('\n')[lines[0]!] ?? '');
    const target = current === kind && kind !== 'paragraph' ? 'paragraph' : kind;
    let next = m.stored;
    for (const l of lines) next = setLineKind(next, l, target);
    apply(next, mapOffset(m.stored, next, s), mapOffset(m.stored, next, e), 'other');
    ta.current?.focus();
  };

  const insertFigure = (cellId: string) => {
    setPicking(false);
    const [s, e] = storedSelection();
    replaceRange(s, e, tokenFor(cellId));
    ta.current?.focus();
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

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && !e.altKey && (key === 'z' || key === 'y')) {
      e.preventDefault();
      if (!readOnly) step(key === 'y' || e.shiftKey ? 'redo' : 'undo');
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
        setPicking(true);
        return;
      }
    }
    if (readOnly) return;
    const el = e.currentTarget;
    const collapsed = el.selectionStart === el.selectionEnd;
    // a token goes whole
    if (collapsed && (e.key === 'Backspace' || e.key === 'Delete') && !mod) {
      const at = el.selectionStart;
      const t = m.shown.tokens.find((x) => (e.key === 'Backspace' ? x.end === at : x.start === at));
      if (t) {
        e.preventDefault();
        replaceRange(t.storedStart, t.storedEnd, '');
        return;
      }
    }
    // Enter in a list item or a numbered paragraph continues the list; on an empty item it ends it
    if (e.key === 'Enter' && !e.shiftKey && !mod && !e.altKey && collapsed && structure) {
      const s = toStored(m.shown, el.selectionStart);
      const { line } = lineAt(m.stored, s);
      const text = m.stored.split('\n')[line] ?? '';
      const marker = markerOf(text);
      const continues = marker && (marker.kind === 'numbered' || marker.kind === 'bulleted' || !headingOf(text));
      if (!marker || !continues) return;
      e.preventDefault();
      const body = text.trimStart().slice(marker.text.length).trim();
      const start = lineStart(m.stored, line);
      if (!body) {
        replaceRange(start, start + text.length, '');
        return;
      }
      const mark = marker.kind === 'bulleted' ? '• ' : marker.text;
      replaceRange(s, s, `\n${mark}`);
    }
  };

  const onPaste = (e: React.ClipboardEvent<HTMLTextAreaElement>) => {
    if (readOnly) return;
    e.preventDefault();
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
    // figures copied from another editor as 「⟦名称：数值⟧」 come back as live figures
    replaceRange(s, end, readShown(result.text, namingRef.current));
  };

  const onCopy = (e: React.ClipboardEvent<HTMLTextAreaElement>, cut: boolean) => {
    const [s, end] = storedSelection();
    if (s === end) return;
    e.preventDefault();
    const part = m.stored.slice(s, end);
    // other programs get the figures as numbers; this app's editors get the live figures
    e.clipboardData.setData('text/plain', format === 'free' ? part : resolveTokens(part, format, cells));
    e.clipboardData.setData(CLIP_TYPE, part);
    if (cut && !readOnly) replaceRange(s, end, '');
  };

  const onDrop = (e: React.DragEvent<HTMLTextAreaElement>) => {
    if (e.dataTransfer.files.length) {
      e.preventDefault();
      setNotice({ kind: 'info', lines: ['图片和文件不能放进正文，已略去：报告正文只保留文字。'] });
    }
  };

  useImperativeHandle(
    ref,
    () => ({
      replaceAll: (next: string) => {
        const renumbered = renumberOutline(next.replace(/\r\n?/g, '\n'));
        apply(renumbered, 0, 0, 'other');
        ta.current?.focus();
        ta.current?.setSelectionRange(0, 0);
      },
      focus: () => ta.current?.focus(),
    }),
    [apply],
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
        <button type="button" className="tool" title="插入表格中的数字，随表格自动更新（Alt+S）" disabled={!canFigures} onMouseDown={(e) => e.preventDefault()} onClick={() => setPicking(true)}>
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
      <textarea
        ref={attach}
        aria-label={label}
        readOnly={readOnly}
        placeholder={placeholder}
        spellCheck={false}
        onInput={onInput}
        onCompositionStart={() => {
          m.composing = true;
        }}
        onCompositionEnd={() => {
          m.composing = false;
          onInput();
        }}
        onKeyDown={onKeyDown}
        onKeyUp={onCaretMove}
        onMouseUp={onCaretMove}
        onFocus={onCaretMove}
        onBlur={() => {
          // leaving the editor: the line that was being typed gets its number too
          const full = renumberOutline(m.stored);
          if (full !== m.stored) {
            const [s, e] = storedSelection();
            apply(full, mapOffset(m.stored, full, s), mapOffset(m.stored, full, e), null);
          }
          m.caretLine = -1;
          props.onBlur?.();
        }}
        onPaste={onPaste}
        onCopy={(e) => onCopy(e, false)}
        onCut={(e) => onCopy(e, true)}
        onDrop={onDrop}
      />
      {props.marks && props.marks.length > 0 && (
        <PendingMarks target={ta} mentions={props.marks} readOnly={readOnly} onConfirm={(m) => props.onConfirmMark?.(m)} />
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
        <span>{structure ? 'Alt+1…4 设标题级别，Alt+0 正文，Alt+7/8 列表；编号自动排。' : ''}{canFigures ? 'Alt+S 插入表格数字。' : ''}</span>
        <span>{chars} 字</span>
      </div>
      {preview && <ProsePreview text={text} format={format} cells={cells} />}
      {picking && format !== 'free' && <FigurePicker format={format} cells={cells} onPick={insertFigure} onClose={() => { setPicking(false); ta.current?.focus(); }} />}
    </div>
  );
});
