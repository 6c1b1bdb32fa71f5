import { useCallback, useMemo, type ReactNode } from 'react';
import { cellDef, getFormat, type TableId } from '../../../core/format/index.js';
import { baseOf, cellCarryMarks, freshCarry } from '../carry/cells.js';
import type { ReportSession } from '../state/ReportSession.js';
import { useSessionState } from '../state/useSession.js';
import { shownValue, signedChange, signedPct, tableYoy, type YoyFigure } from './compare.js';
import { useYoyShown } from './toggle.js';

export interface CellDecor {
  classes: string[];
  lines: string[];
  after?: ReactNode;
  /** what the decor shows, as one string: a cell whose decor has the same key need not be drawn again */
  key: string;
}

/** The figures of this table compared with last year's, while 「对比上年」 is on; undefined when off or impossible. */
export function useTableYoy(session: ReportSession, tableId: TableId): Map<string, YoyFigure> | undefined {
  const on = useYoyShown();
  const shown = useSessionState(session, (s) => s.shown);
  const previous = session.previous?.data;
  const { format } = session.detail.data;
  return useMemo(
    () => (on && previous && format !== 'free' ? tableYoy(getFormat(format).tables[tableId], format, previous.format, shown, previous.cells) : undefined),
    [on, previous, format, tableId, shown],
  );
}

/**
 * What a value cell shows besides its figure: carried from last year (marker and tooltip), the
 * reason written for changing it, last year's 现行有效件数 as the base of this year's, and with
 * 「对比上年」 on, last year's figure, the change and a flag on jumps.
 */
export function useCellDecor(session: ReportSession, figures: Map<string, YoyFigure> | undefined): (cellId: string) => CellDecor | undefined {
  const previous = session.previous?.data;
  const data = useSessionState(session, (s) => s.figures);
  const fresh = useMemo(() => freshCarry(previous, data.year), [previous, data.year]);
  return useCallback(
    (cellId: string) => {
      if (data.format === 'free') return undefined;
      const { classes, lines } = cellCarryMarks(data, cellId, fresh);
      const f = figures?.get(cellId);
      const kind = cellDef(data.format, cellId)?.kind ?? 'count';
      const lastYear = data.year - 1;
      let after: ReactNode;
      // what `after` shows, for the key
      let afterKey: unknown = null;
      if (f) {
        afterKey = [f.last, f.change, f.jump];
        const pct = signedPct(f);
        lines.push(
          `${lastYear} 年：${shownValue(kind, f.last)}` + (f.change !== undefined ? `，变化 ${signedChange(kind, f.change)}${pct ? `（${pct}）` : ''}` : ''),
        );
        if (f.jump) {
          classes.push('yoy-jump');
          lines.push('与上年相比超过 5 倍或不到五分之一，请核对是否填错');
        }
        after = (
          <span className="yoy" data-yoy={cellId}>
            <span className="yoy-line">
              上年 {f.last === undefined ? '空' : shownValue(kind, f.last).replace('万元', '')}
              {f.jump && (
                <span className="yoy-flag" aria-label="跳变">
                  跳变
                </span>
              )}
            </span>
            {f.change !== undefined && f.change !== 0 && (
              <span className={`yoy-line yoy-change ${f.change > 0 ? 'up' : 'down'}`}>
                {signedChange(kind, f.change)}
                {pct && pct !== '新增' ? ` ${pct}` : ''}
              </span>
            )}
          </span>
        );
      } else {
        const base = baseOf(data, cellId, fresh);
        if (base) {
          afterKey = base.value;
          after = (
            <span className="yoy yoy-base" data-base={cellId}>
              上年 {base.value}
            </span>
          );
        }
      }
      if (!classes.length && !lines.length && !after) return undefined;
      return { classes, lines, after, key: JSON.stringify([classes, lines, afterKey]) };
    },
    [data, fresh, figures],
  );
}
