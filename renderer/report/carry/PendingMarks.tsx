import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { findMentions, hitAt, type MentionHit } from './mentions.js';
import './carry.css';

interface Props {
  /** the prose editor's text box */
  target: RefObject<HTMLTextAreaElement | null>;
  /** last year's years and figures still 「待更新」 in this text (CarryInfo.pending) */
  mentions: readonly string[];
  readOnly: boolean;
  onConfirm(mention: string): void;
}

/** Text metrics the marks must share with the text box so that they fall on the same characters. */
const MIRRORED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
  'textIndent',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
] as const;

/**
 * A typical carried section has tens of marks. A huge pasted text could have thousands: drawing
 * them all would slow every keystroke, so only the first ones are drawn and listed.
 */
const MAX_MARKS = 300;
const MAX_CHIPS = 40;

interface Box {
  value: string;
  caret: number | null;
  scrollTop: number;
  top: number;
  left: number;
  width: number;
  height: number;
  style: CSSProperties;
}

/** Where the caret stands in the text box while it has the focus and nothing is selected (reading it needs no layout). */
function caretOf(el: HTMLTextAreaElement): number | null {
  return document.activeElement === el && el.selectionStart === el.selectionEnd ? el.selectionStart : null;
}

function measure(el: HTMLTextAreaElement): Box {
  const computed = getComputedStyle(el);
  const style: Record<string, string> = {};
  for (const key of MIRRORED) style[key] = computed[key];
  return {
    value: el.value,
    caret: caretOf(el),
    scrollTop: el.scrollTop,
    // the text wraps inside the client box (the scroll bar excluded)
    top: el.offsetTop + el.clientTop,
    left: el.offsetLeft + el.clientLeft,
    width: el.clientWidth,
    height: el.clientHeight,
    style,
  };
}

function same(a: Box | null, b: Box): boolean {
  return (
    a !== null &&
    a.value === b.value &&
    a.caret === b.caret &&
    a.scrollTop === b.scrollTop &&
    a.top === b.top &&
    a.left === b.left &&
    a.width === b.width &&
    a.height === b.height &&
    MIRRORED.every((k) => a.style[k] === b.style[k])
  );
}

/**
 * 「待更新」 in a carried text (issue 6): last year's years and figures are marked in place, drawn
 * on a see-through layer over the text box (a text box cannot colour its own characters), with a
 * small 「确认无需修改」 on the mark the caret is in, and the list of them under the text.
 */
export function PendingMarks({ target, mentions, readOnly, onConfirm }: Props) {
  const [box, setBox] = useState<Box | null>(null);
  const boxRef = useRef<Box | null>(null);
  const layer = useRef<HTMLDivElement>(null);
  const [pop, setPop] = useState<{ top: number; left: number } | null>(null);

  const sync = useCallback(() => {
    const el = target.current;
    if (!el) return;
    const next = measure(el);
    if (same(boxRef.current, next)) return;
    boxRef.current = next;
    setBox(next);
  }, [target]);

  // The editor rewrites its text box without events (numbering, figures, undo): look after every
  // render. Measuring forces a layout of the page, so only when the text or the caret changed:
  // the editor re-renders on every figure typed in the table above it (its figures may be in the
  // text), and the frame of that keystroke must not pay for a layout here.
  useLayoutEffect(() => {
    const el = target.current;
    const last = boxRef.current;
    if (el && last && last.value === el.value && last.caret === caretOf(el)) return;
    sync();
  });
  useEffect(() => {
    const el = target.current;
    if (!el) return;
    const events = ['input', 'scroll', 'keyup', 'mouseup', 'focus', 'blur'] as const;
    events.forEach((e) => el.addEventListener(e, sync));
    // the document's selection moves with every key typed anywhere: only this text box's matters
    const onSelection = () => {
      if (document.activeElement === el || boxRef.current?.caret != null) sync();
    };
    document.addEventListener('selectionchange', onSelection);
    // the text box's size, and the editor's: a notice opening above the text box moves it down
    const observer = new ResizeObserver(sync);
    observer.observe(el);
    if (el.parentElement) observer.observe(el.parentElement);
    return () => {
      events.forEach((e) => el.removeEventListener(e, sync));
      document.removeEventListener('selectionchange', onSelection);
      observer.disconnect();
    };
  }, [target, sync]);

  const value = box?.value;
  const hits = useMemo(() => (value === undefined ? [] : findMentions(value, mentions)), [value, mentions]);
  const current = box?.caret != null ? hitAt(hits, box.caret) : undefined;

  // the 「确认无需修改」 bubble sits just above the mark the caret is in (below it on the first line)
  useLayoutEffect(() => {
    const mark = current && layer.current?.querySelector<HTMLElement>(`mark[data-at="${current.start}"]`);
    if (!box || !mark || readOnly) {
      setPop(null);
      return;
    }
    const y = mark.offsetTop - box.scrollTop;
    const above = y - 30;
    const top = box.top + (above >= 0 ? above : y + mark.offsetHeight + 4);
    const left = box.left + Math.min(mark.offsetLeft, Math.max(0, box.width - 220));
    setPop((p) => (p && p.top === top && p.left === left ? p : { top, left }));
  }, [current, box, readOnly]);

  const locate = (hit: MentionHit) => {
    const el = target.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(hit.start, hit.end);
    const mark = layer.current?.querySelector<HTMLElement>(`mark[data-at="${hit.start}"]`);
    if (mark) el.scrollTop = Math.max(0, mark.offsetTop - el.clientHeight / 3);
  };

  // a signed report cannot be updated: nothing to mark
  if (readOnly || !box || !hits.length) return null;
  const unique = [...new Set(hits.map((h) => h.mention))];
  const pending = unique.slice(0, MAX_CHIPS);
  const segments: (string | MentionHit)[] = [];
  let at = 0;
  for (const h of hits.slice(0, MAX_MARKS)) {
    segments.push(box.value.slice(at, h.start), h);
    at = h.end;
  }
  // a closing line break needs a character after it to take up its line
  segments.push(box.value.slice(at) + '\u200b');

  return (
    <>
      <div className="mark-layer" aria-hidden="true" style={{ top: box.top, left: box.left, width: box.width, height: box.height }}>
        <div ref={layer} className="mark-layer-text" style={{ ...box.style, transform: `translateY(${-box.scrollTop}px)` }}>
          {segments.map((s, i) =>
            typeof s === 'string' ? (
              s
            ) : (
              <mark key={i} data-at={s.start} className={s === current ? 'current' : undefined}>
                {box.value.slice(s.start, s.end)}
              </mark>
            ),
          )}
        </div>
      </div>
      {pop && current && (
        <div className="mark-pop" style={{ top: pop.top, left: pop.left }} role="group" aria-label={`待更新：${current.mention}`}>
          <span className="mark-pop-label">待更新：去年的「{current.mention}」</span>
          <button type="button" className="small" onMouseDown={(e) => e.preventDefault()} onClick={() => onConfirm(current.mention)}>
            确认无需修改
          </button>
        </div>
      )}
      <div className="pending-bar" aria-label="待更新的年份和数字">
        <span className="muted">待更新（从上年报告带来，请改为今年的，或确认无需修改）：</span>
        {pending.map((m) => {
          const first = hits.find((h) => h.mention === m)!;
          return (
            <span key={m} className={`pending-chip${current?.mention === m ? ' current' : ''}`}>
              <button type="button" className="link small" title="在正文中找到它" onClick={() => locate(first)}>
                {m}
              </button>
              {!readOnly && (
                <button type="button" className="link small" title="这处不用改：不再标为待更新" aria-label={`确认「${m}」无需修改`} onClick={() => onConfirm(m)}>
                  ✓
                </button>
              )}
            </span>
          );
        })}
        {unique.length > pending.length && <span className="muted">…另有 {unique.length - pending.length} 处（共 {hits.length} 处{hits.length > MAX_MARKS ? `，正文中只标出前 ${MAX_MARKS} 处` : ''}）</span>}
      </div>
    </>
  );
}
