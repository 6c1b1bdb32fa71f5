import { useRef, useState } from 'react';
import type { SignoffStatus } from '../../../core/api.js';
import { call } from '../../api/client.js';
import { Dialog, FormError } from '../../components/Dialog.js';
import { useFormAction } from '../../components/useFormAction.js';
import { rememberAuthor, rememberedAuthor } from '../versions/labels.js';
import { reopenAfterStateChange } from './reload.js';

interface Props {
  reportId: number;
  status: SignoffStatus;
  onClose(): void;
}

/**
 * 「修改定稿」: a signed report is changed only with a written reason. The signed version stays as
 * it is; the reason is kept as a version of its own, and the report becomes a draft again until
 * it is signed anew (which makes the next signed version).
 */
export function ReopenDialog({ reportId, status, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [author, setAuthor] = useState(rememberedAuthor);
  const form = useFormAction();
  const reasonBox = useRef<HTMLTextAreaElement>(null);

  const reopen = async (e: React.FormEvent) => {
    e.preventDefault();
    const done = await form.run(
      () => call('report.reopen', { reportId, reason: reason.trim(), author: author.trim() }),
      () => !reason.trim() && '请写明为什么要修改已定稿的报告',
    );
    if (!done) {
      if (!reason.trim()) reasonBox.current?.focus();
      return;
    }
    rememberAuthor(author);
    reopenAfterStateChange(reportId);
  };

  return (
    <Dialog title="修改定稿" onClose={onClose} onSubmit={reopen} initialFocus={reasonBox}>
      <p>
        {status.signed ? `「${status.signed.label}」（校验码 ${status.signed.short}）` : '定稿版本'}
        会原样保留，随时可以再打印或导出。修改后的报告要重新定稿，成为新的定稿版本。
      </p>
      <label className="field">
        <span>修改理由（会随版本记录保存）</span>
        <textarea ref={reasonBox} value={reason} rows={3} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label className="field">
        <span>修改人</span>
        <input value={author} maxLength={40} onChange={(e) => setAuthor(e.target.value)} />
      </label>
      <FormError message={form.error} />
      <div className="actions">
        <button type="button" onClick={onClose}>
          取消
        </button>
        <button type="submit" className="primary" disabled={form.busy}>
          退回草稿并修改
        </button>
      </div>
    </Dialog>
  );
}
