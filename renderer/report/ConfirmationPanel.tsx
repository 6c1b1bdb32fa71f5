import { DateField } from '../components/DateField.js';
import { useState } from 'react';
import { tableName } from '../../core/format/index.js';
import { confirmationText } from '../../core/document/approval.js';
import type { ConfirmedTable, TableConfirmation } from '../../core/report/index.js';
import { TABLE_SOURCES } from '../../core/rules/review.js';
import { FormError } from '../components/Dialog.js';
import { useFormAction } from '../components/useFormAction.js';
import type { ReportSession } from './state/ReportSession.js';
import { useSessionState } from './state/useSession.js';

/**
 * Under 表三 and 表四: where the figures come from and who confirmed them (rule S-1), and for a
 * table of zeros the explicit 「已核对，本年确无」 (rule S-2). Printed on the 审批单.
 */
export function ConfirmationPanel({ session, table }: { session: ReportSession; table: ConfirmedTable }) {
  const stored = useSessionState(session, (s) => s.report.confirmations?.[table]);
  const shown = useSessionState(session, (s) => s.shown);
  const [draft, setDraft] = useState<TableConfirmation>(() => stored ?? { source: '', confirmer: '' });
  const form = useFormAction();
  const [saved, setSaved] = useState(false);
  const name = tableName(table);
  const ids = Object.keys(shown).filter((id) => id.startsWith(`${table}.`));
  const allZero = ids.length > 0 && ids.every((id) => shown[id] === 0);

  if (session.readOnly) {
    return (
      <p className="confirmation muted" aria-label={`${name}的数据来源`}>
        {name}数据：{confirmationText(stored)}
      </p>
    );
  }
  const save = async () => {
    setSaved(false);
    const value: TableConfirmation = {
      source: draft.source.trim(),
      confirmer: draft.confirmer.trim(),
      ...(draft.date?.trim() ? { date: draft.date.trim() } : {}),
      ...(allZero && draft.noneConfirmed ? { noneConfirmed: true } : {}),
    };
    const ok = await form.run(
      () => session.setConfirmation(table, value.source || value.confirmer || value.noneConfirmed ? value : null),
      () =>
        (draft.date?.trim() && !/^\d{4}-\d{2}-\d{2}$/.test(draft.date.trim()) && '核对日期请写成 2025-01-10 或 2025年1月10日') ||
        (allZero && draft.noneConfirmed && !value.confirmer && '确认本年确无，请写明核对人'),
    );
    if (ok) setSaved(true);
    else if (ok === false) form.setError('没有保存成功，请看页面上方的保存状态后再试');
  };
  return (
    <form
      className="confirmation"
      aria-label={`${name}的数据来源`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>
        {name}的数据来源和核对人<span className="muted">（印在审批单上）</span>
      </h3>
      <div className="confirmation-fields">
        <label>
          <span>数据来源</span>
          <input value={draft.source} maxLength={200} placeholder={TABLE_SOURCES[table]} onChange={(e) => setDraft({ ...draft, source: e.target.value })} />
        </label>
        <label>
          <span>核对人</span>
          <input value={draft.confirmer} maxLength={100} onChange={(e) => setDraft({ ...draft, confirmer: e.target.value })} />
        </label>
        <label>
          <span>核对日期</span>
          <DateField aria-label="核对日期" value={draft.date ?? ''} onChange={(date) => setDraft({ ...draft, date })} />
        </label>
      </div>
      {allZero && (
        <label className="confirmation-none">
          <input type="checkbox" checked={Boolean(draft.noneConfirmed)} onChange={(e) => setDraft({ ...draft, noneConfirmed: e.target.checked })} />
          已与{draft.source.trim() || TABLE_SOURCES[table]}核对，本年确无
        </label>
      )}
      <FormError message={form.error} className="field-error" />
      <div className="actions">
        <button type="submit" className="small" disabled={form.busy}>
          保存来源和核对人
        </button>
        {saved && <span className="muted" aria-live="polite">已保存</span>}
      </div>
    </form>
  );
}
