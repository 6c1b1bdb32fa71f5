import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { pagePosition } from '../prose/chips.js';
import { findMentions, hitAt, type MentionHit } from './mentions.js';
import './carry.css';

interface Props {
  /** the prose editor's page */
  target: RefObject<HTMLDivElement | null>;
  /** the stored text the page shows, and where its lines start */
  text: string;
  starts: readonly number[];
  /** the caret (stored offset) while the editor has it */
  caret: number | null;
  /** last year's years and figures still 「待更新」 in this text (CarryInfo.pending) */
  mentions: readonly string[];
  readOnly: boolean;
  onConfirm(mention: string): void;
  /** selects a stored range in the editor */
  onLocate(start: number, end: number): void;
}

/**
 * A typical carried section has tens of marks. A huge pasted text could have thousands: drawing
 * them all would slow every keystroke, so only the first ones are drawn and listed.
 */
const MAX_MARKS = 300;
const MAX_CHIPS = 40;

/**
 * The marks are drawn with the browser's highlights (CSS Custom Highlight API): they colour ranges
 * of the page without adding a single element to it, so the editor's text and caret are untouched.
 * All editors share the two highlights 「pending」 and 「pending-current」; each keeps its own ranges.
 */
const drawn = new Map<symbol, { all: Range[]; current: Range[] }>();

function publish(): void {
  const registry = (globalThis.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const Ctor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!registry || !Ctor) return;
  const all = [...drawn.values()].flatMap((d) => d.all);
  const current = [...drawn.values()].flatMap((d) => d.current);
  registry.set('pending', new Ctor(...all));
  registry.set('pending-current', new Ctor(...current));
}

function rangeOf(root: HTMLElement, starts: readonly number[], hit: MentionHit): Range {
  const a = pagePosition(root, hit.start, starts);
  const b = pagePosition(root, hit.end, starts);
  const range = document.createRange();
  range.setStart(a.node as Node, a.offset);
  range.setEnd(b.node as Node, b.offset);
  return range;
}

/**
 * 「待更新」 in a carried text (issue 6): last year's years and figures are marked in place, with a
 * small 「确认无需修改」 on the mark the caret is in, and the list of them under the text. The places
 * are core's staleSpots, the list rule X-6 counts: one chip per place, as many as are marked.
 */
export function PendingMarks({ target, text, starts, caret, mentions, readOnly, onConfirm, onLocate }: Props) {
  const key = useRef(Symbol('pending-marks')).current;
  const [pop, setPop] = useState<{ top: number; left: number } | null>(null);
  const hits = useMemo(() => findMentions(text, mentions), [text, mentions]);
  const current = caret !== null ? hitAt(hits, caret) : undefined;

  // after the editor drew the text (its own layout effect ran first): mark the places
  useLayoutEffect(() => {
    const root = target.current;
    if (!root || readOnly) {
      drawn.delete(key);
      publish();
      return;
    }
    const shown = hits.slice(0, MAX_MARKS);
    const ranges = shown.map((h) => rangeOf(root, starts, h));
    const at = current ? shown.indexOf(current) : -1;
    drawn.set(key, { all: ranges, current: at >= 0 ? [ranges[at]!] : [] });
    publish();
    // the 「确认无需修改」 bubble sits just above the mark the caret is in (below it on the first line)
    const box = root.parentElement;
    if (at < 0 || !box) {
      setPop(null);
      return;
    }
    const mark = ranges[at]!.getBoundingClientRect();
    const frame = box.getBoundingClientRect();
    const above = mark.top - frame.top - 34;
    const top = above >= 0 ? above : mark.bottom - frame.top + 4;
    const left = Math.max(0, Math.min(mark.left - frame.left, frame.width - 240));
    setPop((p) => (p && p.top === top && p.left === left ? p : { top, left }));
  }, [target, hits, starts, current, readOnly, key]);

  useEffect(
    () => () => {
      drawn.delete(key);
      publish();
    },
    [key],
  );

  // a signed report cannot be updated: nothing to mark
  if (readOnly || !hits.length) return null;
  const listed = hits.slice(0, MAX_CHIPS);
  const times = new Map<string, number>();
  for (const h of hits) times.set(h.mention, (times.get(h.mention) ?? 0) + 1);

  return (
    <>
      {pop && current && (
        <div className="mark-pop" style={{ top: pop.top, left: pop.left }} role="group" aria-label={`待更新：${current.mention}`}>
          <span className="mark-pop-label">待更新：去年的「{current.mention}」</span>
          <button type="button" className="small" onMouseDown={(e) => e.preventDefault()} onClick={() => onConfirm(current.mention)}>
            确认无需修改{times.get(current.mention)! > 1 ? `（${times.get(current.mention)} 处）` : ''}
          </button>
        </div>
      )}
      <div className="pending-bar" aria-label="待更新的年份和数字">
        <span className="muted">待更新（从上年报告带来，请改为今年的，或确认无需修改）：</span>
        {listed.map((h) => {
          const n = times.get(h.mention)!;
          return (
            <span key={h.start} className={`pending-chip${current === h ? ' current' : ''}`}>
              <button type="button" className="link small" title="在正文中找到它" onClick={() => onLocate(h.start, h.end)}>
                {h.mention}
              </button>
              <button
                type="button"
                className="link small"
                title={n > 1 ? `不用改：正文中的 ${n} 处「${h.mention}」都不再标为待更新` : '这处不用改：不再标为待更新'}
                aria-label={`确认「${h.mention}」无需修改`}
                onClick={() => onConfirm(h.mention)}
              >
                ✓
              </button>
            </span>
          );
        })}
        {hits.length > listed.length && (
          <span className="muted">
            …另有 {hits.length - listed.length} 处（共 {hits.length} 处{hits.length > MAX_MARKS ? `，正文中只标出前 ${MAX_MARKS} 处` : ''}）
          </span>
        )}
      </div>
    </>
  );
}
