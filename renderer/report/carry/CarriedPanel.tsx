import { useMemo, useState } from 'react';
import { cellDef, cellName, rowLabel, tableName, type CellDef, type TableId } from '../../../core/format/index.js';
import type { ReportSession } from '../state/ReportSession.js';
import { useSessionState } from '../state/useSession.js';
import { baseOf, carriedCells, freshCarry, type CarriedCell } from './cells.js';
import { ReasonDialog } from './ReasonDialog.js';
import './carry.css';

interface Props {
  session: ReportSession;
  tableId: TableId;
}

/** The short name of a carried cell inside its table: 表三's columns (自然人…), 表二's rows. */
function shortLabel(def: CellDef): string {
  return (def.table === 't3' ? def.colPath.at(-1) : def.rowPath.at(-1)) ?? def.id;
}

/** Notices about 表二 (X-4) go under 表二; the others (表三's 结转 row) under 表三. */
function noticeTable(notice: string): TableId {
  return notice.startsWith(tableName('t2')) ? 't2' : 't3';
}

/**
 * Above a table: what came across from last year's report (issue 6) — the carried figures, those
 * changed since with their reasons, last year's 现行有效件数 shown as the base, and what could not
 * be carried.
 */
export function CarriedPanel({ session, tableId }: Props) {
  const data = useSessionState(session, (s) => s.figures);
  const previous = session.previous?.data;
  const fresh = useMemo(() => freshCarry(previous, data.year), [previous, data.year]);
  const [editing, setEditing] = useState<CarriedCell | null>(null);
  const carry = data.carry;
  if (!carry || data.format === 'free') return null;
  const format = data.format;
  const defOf = (id: string) => cellDef(format, id);
  const cells = carriedCells(data, fresh).filter((c) => defOf(c.cellId)?.table === tableId);
  const bases = tableId === 't2' ? ['t2.reg.valid', 't2.norm.valid'].flatMap((id) => (baseOf(data, id, fresh) ? [{ id, base: baseOf(data, id, fresh)! }] : [])) : [];
  const notices = carry.notices.filter((n) => noticeTable(n) === tableId);
  if (!cells.length && !bases.length && !notices.length) return null;
  const changed = cells.filter((c) => c.changed);
  const row = cells[0] && defOf(cells[0].cellId);

  return (
    <section className="carried-panel" aria-label={`从 ${carry.fromYear} 年报告结转`}>
      {cells.length > 0 && (
        <p>
          <span className="carried-tag">结转</span>
          {tableId === 't3' && row ? `「${row.rowPath.at(-1)}」` : '以下数字'}从 {carry.fromYear} 年报告
          {tableId === 't3' ? `「${rowLabel('2021', 't3.r4.total')}」` : ''}结转而来：
          {cells.map((c, i) => (
            <span key={c.cellId} className={`carried-figure${c.changed ? ' changed' : ''}`}>
              {i > 0 ? '，' : ''}
              {shortLabel(defOf(c.cellId)!)} {c.changed ? `${c.carried} → ${c.now ?? '空'}` : c.carried}
            </span>
          ))}
          。
        </p>
      )}
      {changed.length > 0 && (
        <ul className="carried-changed">
          {changed.map((c) => (
            <li key={c.cellId}>
              {cellName(defOf(c.cellId)!)} 已由结转的 {c.carried} 改为 {c.now ?? '空'}：
              {c.note ? <span className="carried-note">原因：{c.note}</span> : <span className="carried-missing">还没写原因</span>}
              {!session.readOnly && (
                <button type="button" className="link small" onClick={() => setEditing(c)}>
                  {c.note ? '修改原因' : '写明原因'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {bases.length > 0 && (
        <p>
          <span className="carried-tag">上年</span>
          {bases[0]!.base.year} 年报告的{bases[0]!.base.label}：
          {bases.map(({ id, base }, i) => (
            <span key={id}>
              {i > 0 ? '，' : ''}
              {defOf(id)?.rowPath.at(-1)} {base.value}
            </span>
          ))}
          （写在各格下方；今年的应为上年的加本年制发、减本年废止）。
        </p>
      )}
      {notices.map((n) => (
        <p key={n} className="carried-notice">
          {n}
        </p>
      ))}
      {editing && (
        <ReasonDialog
          session={session}
          fromYear={carry.fromYear}
          targets={[{ cellId: editing.cellId, carried: editing.carried, after: editing.now }]}
          initial={editing.note ?? ''}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
