import { useState } from 'react';
import { cellDef, cellName } from '../../../core/format/index.js';
import { Dialog, FormError } from '../../components/Dialog.js';
import { useFormAction } from '../../components/useFormAction.js';
import type { ReportSession } from '../state/ReportSession.js';

export interface ReasonTarget {
  cellId: string;
  carried: number;
  /** the value now; undefined: cleared */
  after: number | undefined;
}

interface Props {
  session: ReportSession;
  fromYear: number;
  targets: ReasonTarget[];
  /** the reason already written, when changing it */
  initial?: string;
  onClose(): void;
}

/**
 * Asks why a figure carried from last year was changed by hand (issue 6). The reason is stored as
 * the cell's note (shown in the cell's tooltip, not printed); one reason for every cell of the edit.
 */
export function ReasonDialog({ session, fromYear, targets, initial = '', onClose }: Props) {
  const [reason, setReason] = useState(initial);
  const form = useFormAction();
  const { format } = session.detail.data;
  const name = (id: string) => {
    const def = format === 'free' ? undefined : cellDef(format, id);
    return def ? cellName(def) : id;
  };

  const save = async () => {
    const note = reason.trim();
    const saved = await form.run(
      async () => {
        for (const t of targets) if (!(await session.setNote(t.cellId, note))) return false;
        return true;
      },
      () => !note && '请写明为什么改动结转的数字，例如「其中 1 件申请人已撤回」；不想现在写，可以点「以后再写」',
    );
    if (saved) onClose();
    else if (saved === false) form.setError('原因没有保存成功，请看页面上方的保存状态后再试');
  };

  return (
    <Dialog title="为什么改动结转的数字？" className="carry-reason" onClose={onClose}>
      <ul className="carry-reason-cells">
        {targets.map((t) => (
          <li key={t.cellId}>
            {name(t.cellId)}：从 {fromYear} 年报告结转来的是 <strong>{t.carried}</strong>，现在{t.after === undefined ? '清空了' : <>改为 <strong>{t.after}</strong></>}。
          </li>
        ))}
      </ul>
      <label className="field">
        <span>原因（保存在这一格的说明里，鼠标停在格上可以看到；不印在报告上）</span>
        <textarea value={reason} rows={3} maxLength={2000} autoFocus onChange={(e) => setReason(e.target.value)} />
      </label>
      <FormError message={form.error} className="field-error" />
      <div className="actions">
        <button type="button" onClick={onClose}>
          以后再写
        </button>
        <button type="button" className="primary" disabled={form.busy} onClick={() => void save()}>
          保存原因
        </button>
      </div>
    </Dialog>
  );
}
