import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReportSummary, SignedVersion } from '../../core/api.js';
import { normaliseNumberText } from '../../core/report/index.js';
import { call } from '../api/client.js';
import { Dialog } from '../components/Dialog.js';

interface Props {
  report: ReportSummary;
  agencyName: string;
  /** the report of the year after, when the store has it */
  next?: ReportSummary;
  onDelete(): void;
  onCancel(): void;
}

const DATE = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' });

/**
 * Deleting a report cannot be undone. A draft is asked about once; a signed report (issue 12) says
 * what goes with it — the 定稿 with its date and fingerprint, and the year carried from it — and
 * is deleted only after the clerk types its year: a deliberate act, not a slip of Enter.
 */
export function DeleteReportDialog({ report, agencyName, next, onDelete, onCancel }: Props) {
  const signed = report.state === 'signed';
  const [version, setVersion] = useState<SignedVersion | null>(null);
  const [typed, setTyped] = useState('');
  // next year's report was started from this one (its 上年结转 figures came from here)
  const [carriedFrom, setCarriedFrom] = useState(false);
  useEffect(() => {
    if (!next) return;
    call('report.open', { reportId: next.id }).then(
      (d) => setCarriedFrom(d.data.carry?.fromYear === report.year),
      () => setCarriedFrom(false),
    );
  }, [next?.id, report.year]);
  const cancel = useRef<HTMLButtonElement>(null);
  const yearBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!signed) return;
    call('signoff.status', { reportId: report.id }).then(
      (s) => setVersion(s.signed ?? null),
      () => setVersion(null),
    );
  }, [report.id, signed]);
  const confirmed = !signed || normaliseNumberText(typed.trim()) === String(report.year);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (confirmed) onDelete();
  };

  return (
    <Dialog title={signed ? `删除已定稿的 ${report.year} 年报告？` : `删除 ${report.year} 年报告？`} onClose={onCancel} onSubmit={submit} initialFocus={signed ? yearBox : cancel}>
      <div className="dialog-body">
        <p>
          「{agencyName}」{report.year} 年报告的全部数字、文字和版本都会被删除，不能恢复。
        </p>
        {signed && (
          <p className="dialog-warning">
            这份报告已经定稿
            {version ? `（${version.label}，${DATE.format(new Date(version.createdAt))}定稿，校验码 ${version.short}）` : ''}
            。删除后定稿版本和它的校验码也一并删除，已打印或公布的版本将无从核对。
          </p>
        )}
        {next && (
          <p className="dialog-warning">
            {carriedFrom
              ? `${next.year} 年报告是从这份报告结转的（上年结转的数字取自这里），跨年核对也以这份报告为准；删除后无法再核对。`
              : `本机还有 ${next.year} 年的报告，跨年核对以这份报告为准；删除后无法再核对。`}
          </p>
        )}
        {signed && (
          <label className="field">
            <span>确实要删除，请输入报告年度「{report.year}」</span>
            <input ref={yearBox} aria-label="输入报告年度以确认删除" value={typed} inputMode="numeric" onChange={(e) => setTyped(e.target.value)} />
          </label>
        )}
      </div>
      <div className="actions">
        <button type="button" ref={cancel} onClick={onCancel}>
          取消
        </button>
        <button type="submit" className="danger" disabled={!confirmed}>
          删除
        </button>
      </div>
    </Dialog>
  );
}
