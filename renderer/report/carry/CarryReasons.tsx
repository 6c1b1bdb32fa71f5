import { useEffect, useMemo, useRef, useState } from 'react';
import { cellDef, cellName } from '../../../core/format/index.js';
import type { ReportSession } from '../state/ReportSession.js';
import { useSessionState } from '../state/useSession.js';
import { carryEvents, freshCarry, type CarryEvent } from './cells.js';
import { ReasonDialog, type ReasonTarget } from './ReasonDialog.js';
import './carry.css';

interface Props {
  session: ReportSession;
}

type Restored = Extract<CarryEvent, { kind: 'restored' }>;

/**
 * Watches the edits to figures carried from last year. A carried value changed by hand asks for a
 * reason once the edit is accepted. An undo that brings the carried value back keeps the reason
 * (a note is never dropped silently): a notice says so and offers to delete it.
 */
export function CarryReasons({ session }: Props) {
  const data = useSessionState(session, (s) => s.figures);
  const seen = useRef(data.cells);
  const [asking, setAsking] = useState<ReasonTarget[]>([]);
  const [restored, setRestored] = useState<Restored[]>([]);
  const previous = session.previous?.data;
  const fresh = useMemo(() => freshCarry(previous, data.year), [previous, data.year]);

  useEffect(() => {
    const before = seen.current;
    seen.current = data.cells;
    if (before === data.cells || session.readOnly) return;
    const events = carryEvents(data.carry, data.notes, before, data.cells, fresh);
    const asks = events.filter((e) => e.kind === 'ask');
    const back = events.filter((e): e is Restored => e.kind === 'restored');
    if (asks.length) {
      setAsking((q) => [...q.filter((t) => !asks.some((a) => a.cellId === t.cellId)), ...asks.map(({ cellId, carried, after }) => ({ cellId, carried, after }))]);
    }
    // a cell asked about and then undone before the clerk answered: nothing to ask any more
    const settled = Object.keys(data.carry?.cells ?? {}).filter((id) => before[id] !== data.cells[id] && !asks.some((a) => a.cellId === id));
    if (settled.length) setAsking((q) => q.filter((t) => !settled.includes(t.cellId)));
    if (back.length) setRestored(back);
  }, [data, session, fresh]);

  if (!data.carry || data.format === 'free') return null;
  const format = data.format;
  const name = (id: string) => {
    const def = cellDef(format, id);
    return def ? cellName(def) : id;
  };

  const dropNote = async (r: Restored) => {
    await session.setNote(r.cellId, '');
    setRestored((list) => list.filter((x) => x !== r));
  };

  return (
    <>
      {asking.length > 0 && (
        <ReasonDialog
          session={session}
          fromYear={data.carry.fromYear}
          targets={asking}
          onClose={() => {
            const first = asking[0]?.cellId;
            setAsking([]);
            if (first) session.requestFocus(first);
          }}
        />
      )}
      {restored.length > 0 && (
        <div className="carry-toast" role="status">
          {restored.map((r) => (
            <p key={r.cellId}>
              {name(r.cellId)} 已恢复为结转的 {r.carried}。改动时写的原因「{r.note}」仍保存在这一格。
              <button type="button" className="small" onClick={() => void dropNote(r)}>
                删除这条原因
              </button>
            </p>
          ))}
          <button type="button" className="link" aria-label="保留原因并关闭提示" onClick={() => setRestored([])}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
