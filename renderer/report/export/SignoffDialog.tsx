import { useState } from 'react';
import type { SignoffStatus } from '../../../core/api.js';
import type { Signoff } from '../../../core/report/model.js';
import { SIGNING_DATE_LABEL, SIGNOFF_STEPS } from '../../../core/report/signoff.js';
import type { Finding } from '../../../core/rules/index.js';
import { call } from '../../api/client.js';
import { DateField } from '../../components/DateField.js';
import { Dialog, FormError } from '../../components/Dialog.js';
import { useFormAction } from '../../components/useFormAction.js';
import { rememberAuthor, rememberedAuthor } from '../versions/labels.js';
import { GateList } from './GateList.js';
import { reopenAfterStateChange } from './reload.js';

interface Props {
  reportId: number;
  status: SignoffStatus;
  onGo(finding: Finding): void;
  /** checks again after the clerk changed something elsewhere */
  onRecheck(): Promise<SignoffStatus | null>;
  onClose(): void;
}

/** Today as yyyy-mm-dd in the clerk's own time zone (the 落款 date is a calendar date). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

type Form = Required<Signoff>;

/**
 * 「定稿」: who prepared, reviewed and approved the report and when, the date under the agency
 * name, then the gate — errors and blank cells listed (each takes the clerk to its place) and
 * signing refused; warnings not accepted with a reason listed to be confirmed. Signing freezes
 * the report into a signed version with its fingerprint; the window then opens it afresh,
 * read-only.
 */
export function SignoffDialog({ reportId, status, onGo, onRecheck, onClose }: Props) {
  const initial = status.signoff;
  const [fields, setFields] = useState<Form>({
    preparer: initial.preparer,
    preparerDate: initial.preparerDate ?? '',
    reviewer: initial.reviewer,
    reviewerDate: initial.reviewerDate ?? '',
    approver: initial.approver,
    approverDate: initial.approverDate ?? '',
    date: initial.date ?? today(),
  });
  const [confirmed, setConfirmed] = useState(false);
  const [notice, setNotice] = useState('');
  const form = useFormAction();
  const { blocking, unconfirmed, accepted } = status.gate;

  const setField = (key: keyof Form, value: string) => setFields((f) => ({ ...f, [key]: value }));
  const set = (key: keyof Form) => (e: React.ChangeEvent<HTMLInputElement>) => setField(key, e.target.value);

  const save = async () => {
    setNotice('');
    if (await form.run(() => call('signoff.save', { reportId, signoff: fields }))) setNotice('签发信息已保存。');
  };

  const sign = async (e: React.FormEvent) => {
    e.preventDefault();
    setNotice('');
    const author = fields.preparer.trim() || rememberedAuthor();
    const signed = await form.run(() => call('report.sign', { reportId, signoff: fields, confirmWarnings: confirmed, author }));
    if (signed) {
      rememberAuthor(author);
      // every part of the window becomes read-only: open the report afresh
      reopenAfterStateChange(reportId);
    } else {
      // what was refused may have changed since the dialog opened
      await onRecheck();
    }
  };

  const canSign = !form.busy && blocking.length === 0 && (unconfirmed.length === 0 || confirmed);
  return (
    <Dialog title="定稿" className="signoff" onClose={onClose} onSubmit={sign}>
      <p className="muted small-print">
        定稿后，报告冻结为只读的定稿版本，并生成校验码印在正式版的页脚。以后如需修改，要说明理由，改完后重新定稿。
      </p>
      <div className="signoff-grid">
        {SIGNOFF_STEPS.map((step, i) => (
          <div className="signoff-row" key={step.name}>
            <label className="field">
              <span>{step.label}</span>
              <input autoFocus={i === 0} value={fields[step.name]} maxLength={40} onChange={set(step.name)} />
            </label>
            <label className="field">
              <span>{step.dateLabel}</span>
              <DateField value={fields[step.date]} onChange={(v) => setField(step.date, v)} />
            </label>
          </div>
        ))}
        <label className="field">
          <span>{SIGNING_DATE_LABEL}（印在报告末尾机关名称下）</span>
          <DateField value={fields.date} onChange={(v) => setField('date', v)} />
        </label>
      </div>

      {blocking.length > 0 && (
        <section className="gate-block" aria-label="必须改正的问题">
          <p className="form-error">还有 {blocking.length} 个必须改正的问题，改正后才能定稿（点问题转到相关位置）：</p>
          <GateList findings={blocking} label="必须改正的问题" onGo={onGo} />
        </section>
      )}
      {unconfirmed.length > 0 && (
        <section className="gate-block" aria-label="需要确认的提醒">
          <p>以下 {unconfirmed.length} 条提醒还没有确认（也可以在「检查结果」中逐条接受并写明理由）：</p>
          <GateList findings={unconfirmed} label="需要确认的提醒" onGo={onGo} />
          <label className="gate-confirm">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            以上提醒我已逐条核对，数字和内容无误
          </label>
        </section>
      )}
      {accepted.length > 0 && <p className="muted">已接受并写明理由的提醒 {accepted.length} 条。</p>}
      {blocking.length === 0 && unconfirmed.length === 0 && <p className="gate-ok">检查通过，可以定稿。</p>}

      <FormError message={form.error} className="form-error preserve-lines" />
      {notice && !form.error && <p role="status">{notice}</p>}
      <div className="actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
        <button type="button" disabled={form.busy} onClick={() => void save()}>
          只保存签发信息
        </button>
        <button type="submit" className="primary" disabled={!canSign}>
          定稿
        </button>
      </div>
    </Dialog>
  );
}
