import { useState } from 'react';
import type { ReportDetail } from '../../core/api.js';
import { cellName, getFormat, sectionHeading, SECTIONS, type FormatId } from '../../core/format/index.js';
import { targetLabel, type CommentTarget } from '../../core/package/comments.js';
import { call } from '../api/client.js';
import { Dialog } from '../components/Dialog.js';
import { useFormAction } from '../components/useFormAction.js';
import type { ReportSession } from '../report/state/ReportSession.js';
import { useSessionState } from '../report/state/useSession.js';
import { delivered } from './useCounty.js';

/** The select's value as a target: 「report」, 「section:s5」, 「cell:t3.r1.np」. */
function decode(v: string): CommentTarget {
  if (v.startsWith('section:')) return { kind: 'section', key: v.slice(8) as 's1' };
  if (v.startsWith('cell:')) return { kind: 'cell', cellId: v.slice(5) };
  return { kind: 'report' };
}

/**
 * 「退回」: remarks on the whole report, a section or a cell — written here or taken from the
 * report's own findings — sent back to the unit as a sealed review package. The unit's app shows
 * each remark at its cell or section; its next package answers them.
 */
export function SendBackDialog({ detail, session, onClose, onSent }: { detail: ReportDetail; session: ReportSession; onClose(): void; onSent(): void }) {
  const findings = useSessionState(session, (s) => s.findings);
  const [remarks, setRemarks] = useState<{ target: CommentTarget; text: string }[]>([]);
  const [target, setTarget] = useState('report');
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const [message, setMessage] = useState('');
  const action = useFormAction();
  const format = detail.data.format;
  const cells = format === 'free' ? [] : getFormat(format as FormatId).cells;
  const add = (t: CommentTarget, body: string) => {
    if (!body.trim()) return;
    setRemarks((r) => [...r, { target: t, text: body.trim() }]);
  };
  const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');

  return (
    <Dialog title={`退回：${detail.agency.name} ${detail.data.year} 年报告`} className="send-back" onClose={onClose}>
      <div className="remark-compose">
        <label>
          意见针对
          <select value={target} aria-label="意见针对" onChange={(e) => setTarget(e.target.value)}>
            <option value="report">整份报告</option>
            {SECTIONS.map((s) => (
              <option key={s.key} value={`section:${s.key}`}>
                {sectionHeading(s)}
              </option>
            ))}
            {cells.map((c) => (
              <option key={c.id} value={`cell:${c.id}`}>
                {cellName(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          意见
          <textarea value={text} rows={3} aria-label="意见内容" onChange={(e) => setText(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={!text.trim()}
          onClick={() => {
            add(decode(target), text);
            setText('');
          }}
        >
          添加这条意见
        </button>
      </div>
      {serious.length > 0 && (
        <details>
          <summary>从这份报告的问题中添加（{serious.length}）</summary>
          <ul className="finding-picks">
            {serious.map((f, i) => (
              <li key={i}>
                {f.message}{' '}
                <button type="button" onClick={() => add(f.cells[0] ? { kind: 'cell', cellId: f.cells[0] } : { kind: 'section', key: f.section }, f.message)}>
                  加入
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <h4>将要退回的意见（{remarks.length}）</h4>
      <ol className="remark-list">
        {remarks.map((r, i) => (
          <li key={i}>
            <strong>{targetLabel(format, r.target)}</strong>：{r.text}{' '}
            <button type="button" className="link-danger" onClick={() => setRemarks(remarks.filter((_, k) => k !== i))}>
              删去
            </button>
          </li>
        ))}
      </ol>
      <label>
        署名
        <input value={author} placeholder="例如：县政务公开办 李某" onChange={(e) => setAuthor(e.target.value)} />
      </label>
      {(action.error || message) && (
        <p className={action.error ? 'error' : undefined} role={action.error ? 'alert' : 'status'}>
          {action.error || message}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
        <button
          type="button"
          className="primary"
          disabled={action.busy || !remarks.length}
          onClick={async () => {
            const sent = await action.run(() => call('county.sendBack', { collectedId: detail.summary.id, author, remarks }));
            if (!sent) return;
            setMessage(`${delivered(sent.delivery)} 封签 ${sent.seal}。`);
            onSent();
          }}
        >
          退回并导出意见包
        </button>
      </div>
    </Dialog>
  );
}
