import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportDetail, SignoffStatus } from '../../../core/api.js';
import type { Finding } from '../../../core/rules/index.js';
import { call } from '../../api/client.js';
import { errorMessage } from '../../api/errors.js';
import { stateLabel } from '../../labels.js';
import { navigate } from '../../route.js';
import type { ReportSession } from '../state/ReportSession.js';
import { PrintPreview } from './PrintPreview.js';
import { reopenedAfterStateChange } from './reload.js';
import { ReopenDialog } from './ReopenDialog.js';
import { SignoffDialog } from './SignoffDialog.js';

interface Props {
  detail: ReportDetail;
  session: ReportSession;
}

type Open = 'preview' | 'sign' | 'reopen' | null;

/**
 * The header's part of issue 5: the report's state (「已定稿 · 校验码 …」 once signed), 「打印 /
 * 导出」 with the print preview, and 「定稿」 — or 「修改定稿」 for a signed report.
 */
export function ExportBar({ detail, session }: Props) {
  const { summary } = detail;
  const reportId = summary.id;
  const signedNow = summary.state === 'signed';
  const [status, setStatus] = useState<SignoffStatus | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [problem, setProblem] = useState('');

  // the header's fingerprint, and the people and the gate for the dialogs
  const refresh = useCallback(async (): Promise<SignoffStatus | null> => {
    try {
      // the gate must see what the clerk sees: what is still waiting is saved first
      if (!session.readOnly) await session.saved();
      const next = await call('signoff.status', { reportId });
      setStatus(next);
      setProblem('');
      return next;
    } catch (err) {
      setProblem(errorMessage(err));
      return null;
    }
  }, [session, reportId]);
  useEffect(() => {
    void call('signoff.status', { reportId }).then(setStatus, () => undefined);
  }, [reportId]);

  const show = async (which: Exclude<Open, null>) => {
    if (await refresh()) setOpen(which);
  };
  const close = useCallback(() => setOpen(null), []);

  /** A finding in a dialog takes the clerk to its section and cell; the dialog closes. */
  const go = useCallback(
    (f: Finding) => {
      setOpen(null);
      const cell = f.cells[0];
      const section = (cell && session.sectionOf(cell)) || f.section;
      navigate({ name: 'report', reportId, section });
      if (cell) session.requestFocus(cell);
    },
    [session, reportId],
  );

  // signing or reopening reloads the window (see reopenAfterStateChange): the focus goes to the
  // button now in the place of the one that opened the dialog, not to the page
  const action = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (reopenedAfterStateChange(reportId)) action.current?.focus();
  }, [reportId]);

  const signed = signedNow ? status?.signed : undefined;
  return (
    <>
      <span className={`badge state-badge${signedNow ? ' signed' : ''}`} title={signed ? `定稿版本：${signed.label}，完整校验码 ${signed.fingerprint}` : undefined}>
        {signed ? `已定稿 · 校验码 ${signed.short}` : stateLabel(summary)}
      </span>
      <button type="button" aria-haspopup="dialog" onClick={() => void show('preview')}>
        打印 / 导出
      </button>
      {signedNow ? (
        <button type="button" ref={action} aria-haspopup="dialog" onClick={() => void show('reopen')}>
          修改定稿…
        </button>
      ) : (
        <button type="button" ref={action} className="primary" aria-haspopup="dialog" onClick={() => void show('sign')}>
          定稿…
        </button>
      )}
      {problem && (
        <span className="form-error header-error" role="alert">
          {problem}
        </span>
      )}
      {open === 'preview' && status && (
        <PrintPreview reportId={reportId} status={status} onGo={go} onSign={() => setOpen('sign')} onClose={close} />
      )}
      {open === 'sign' && status && <SignoffDialog reportId={reportId} status={status} onGo={go} onRecheck={refresh} onClose={close} />}
      {open === 'reopen' && status && <ReopenDialog reportId={reportId} status={status} onClose={close} />}
    </>
  );
}
