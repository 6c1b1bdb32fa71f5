import { useState } from 'react';
import { Dialog, FormError } from '../../components/Dialog.js';
import { useFormAction } from '../../components/useFormAction.js';
import type { ReportSession } from '../state/ReportSession.js';

interface Props {
  session: ReportSession;
  cellId: string;
  /** 「表二「行政许可」·本年处理决定数量」 */
  name: string;
  onClose(): void;
}

/**
 * The note of one cell (Shift+F2, as a spreadsheet's comment): why a figure is what it is — a
 * changed carried figure, a jump from last year, a stock that does not follow from last year's.
 * Kept with the report, shown in the cell's tooltip, not printed. Every cell can have one.
 */
export function NoteDialog({ session, cellId, name, onClose }: Props) {
  const [text, setText] = useState(session.getState().report.notes[cellId] ?? '');
  const form = useFormAction();
  const save = async () => {
    const saved = await form.run(() => session.setNote(cellId, text));
    if (saved) onClose();
    else if (saved === false) form.setError('备注没有保存成功，请看页面上方的保存状态后再试');
  };
  return (
    <Dialog
      title="这一格的备注"
      className="cell-note-dialog"
      onClose={onClose}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="muted">{name}</p>
      <label className="field">
        <span>写明这个数字的来历或变化的原因（随报告保存，鼠标停在格上可以看到；不印在报告上）。清空即删除备注。</span>
        <textarea
          value={text}
          rows={3}
          maxLength={2000}
          autoFocus
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </label>
      <FormError message={form.error} className="field-error" />
      <div className="actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
        <button type="submit" className="primary" disabled={form.busy}>
          保存备注
        </button>
      </div>
    </Dialog>
  );
}
