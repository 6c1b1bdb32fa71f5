import { useState } from 'react';
import type { ReportDetail } from '../../core/api.js';
import type { SectionKey } from '../../core/format/index.js';
import { targetLabel, type PackageComment } from '../../core/package/comments.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import type { ReportSession } from '../report/state/ReportSession.js';
import './county.css';

interface Props {
  detail: ReportDetail;
  session: ReportSession;
  section: SectionKey;
  /** unit: answers each remark; county: sees the answers and marks a remark resolved */
  side: 'unit' | 'county';
  onChanged(): void;
}

/** Where a remark shows: its section, its cell's table section, or every section for the whole report. */
function sectionOfRemark(c: PackageComment, session: ReportSession): SectionKey | 'all' {
  if (c.target.kind === 'report') return 'all';
  if (c.target.kind === 'cell') return session.sectionOf(c.target.cellId) ?? 'all';
  const key = c.target.key;
  if (/^s[1-6]$/.test(key)) return key as SectionKey;
  // the 导语 shows with 一; a table's note with its table
  return key === 'intro' ? 's1' : (`s${Number(key.slice(-1))}` as SectionKey);
}

/**
 * The county's remarks on a report, shown at the part of the report they are about: on the unit's
 * side until the county marks them resolved (each with its answer box), on the county's side with
 * the unit's answers. The cells a remark is about are outlined in the table.
 */
export function RemarksPanel({ detail, session, section, side, onChanged }: Props) {
  const thread = detail.review!.thread;
  const remarks = thread.items.filter((c) => c.from === 'county' && !c.replyTo && (side === 'county' || !c.resolved));
  const here = remarks.filter((c) => {
    const at = sectionOfRemark(c, session);
    return at === 'all' || at === section;
  });
  const elsewhere = remarks.length - here.length;
  const answerOf = (id: string) => thread.items.find((c) => c.from === 'unit' && c.replyTo === id);
  const cells = here.flatMap((c) => (c.target.kind === 'cell' ? [c.target.cellId] : []));
  if (!remarks.length) return null;
  return (
    <section className="remarks" aria-label="县里的意见">
      {/* outline the cells remarked on (cell ids are [a-z0-9_.] only) */}
      {cells.length > 0 && <style>{cells.map((id) => `td[data-cell="${id}"]`).join(',') + '{outline:3px solid #d97706;outline-offset:-3px}'}</style>}
      <h3>
        {detail.review!.from}的意见（{detail.review!.createdAt.slice(0, 10)}）：本部分 {here.length} 条{elsewhere ? `，其他部分 ${elsewhere} 条` : ''}
      </h3>
      <ol>
        {here.map((c) => (
          <Remark key={c.id} remark={c} answer={answerOf(c.id)} detail={detail} session={session} side={side} onChanged={onChanged} />
        ))}
      </ol>
    </section>
  );
}

function Remark({ remark, answer, detail, session, side, onChanged }: { remark: PackageComment; answer?: PackageComment } & Omit<Props, 'section'>) {
  const [text, setText] = useState(answer?.text ?? '');
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const label = targetLabel(detail.data.format, remark.target);
  const act = async (work: () => Promise<unknown>) => {
    setError('');
    try {
      await work();
      setSaved(true);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <li className={`remark${remark.resolved ? ' resolved' : ''}`} data-remark={remark.id}>
      <p>
        <strong>{label}</strong>
        {remark.target.kind === 'cell' && (
          <button type="button" className="link" onClick={() => session.requestFocus((remark.target as { cellId: string }).cellId)}>
            定位到这一格
          </button>
        )}
      </p>
      <p className="remark-text">{remark.text}</p>
      <p className="muted">
        {remark.author} · {remark.at.slice(0, 10)}
        {remark.resolved ? ' · 已解决' : ''}
      </p>
      {side === 'unit' ? (
        <div className="answer">
          <label>
            答复
            <textarea value={text} rows={2} onChange={(e) => (setText(e.target.value), setSaved(false))} placeholder="写明怎么改的，或为什么不改" />
          </label>
          <button type="button" disabled={!text.trim()} onClick={() => void act(() => call('review.answer', { reportId: detail.summary.id, commentId: remark.id, text, author: '' }))}>
            保存答复
          </button>
          {saved && <span className="muted">已保存，下次导出报送包时带给县里</span>}
        </div>
      ) : (
        <div className="answer">
          <p>{answer ? `单位答复：${answer.text}` : '单位还没有答复'}</p>
          {!remark.resolved && (
            <button type="button" onClick={() => void act(() => call('county.resolve', { collectedId: detail.summary.id, commentId: remark.id }))}>
              标为已解决
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
