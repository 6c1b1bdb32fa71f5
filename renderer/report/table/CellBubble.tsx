import { useLayoutEffect, useRef, useState } from 'react';

/** Keeps the bubble this far from the window's edges. */
const EDGE = 8;

/**
 * A message under a cell (a refused input, a locked total). Positioned against the window, not
 * inside the table, so that the table's scrolling box cannot clip it at the edges; it follows
 * the cell when the page scrolls.
 */
export function CellBubble({ cellId, message }: { cellId: string; message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number; arrow: number } | null>(null);
  useLayoutEffect(() => {
    const place = () => {
      const cell = document.querySelector(`td[data-cell="${cellId}"]`);
      const bubble = ref.current;
      if (!cell || !bubble) return;
      const r = cell.getBoundingClientRect();
      const width = bubble.offsetWidth;
      const centre = r.left + r.width / 2;
      const left = Math.min(Math.max(centre - width / 2, EDGE), window.innerWidth - width - EDGE);
      setPos({ top: r.bottom + 6, left, arrow: centre - left });
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [cellId, message]);
  return (
    <div
      ref={ref}
      className="cell-bubble"
      role="alert"
      data-for={cellId}
      style={pos ? { top: pos.top, left: pos.left, ['--arrow' as string]: `${pos.arrow}px` } : { visibility: 'hidden' }}
    >
      {message}
    </div>
  );
}
