import { useEffect, useState } from 'react';
import type { AgencyRecord, ImportConfirmed, ReportSummary } from '../../core/api.js';
import { rowLabel } from '../../core/format/index.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { navigate } from '../route.js';

interface Props {
  confirmed: ImportConfirmed;
  /** the agency being worked on: an import into another one does not change it */
  current: AgencyRecord;
  onChooseAgency: (id: number) => void;
  onAnother: () => void;
}

/** Step 3: stored. The natural next step is the year after, started from this report. */
export function DoneStep({ confirmed, current, onChooseAgency, onAnother }: Props) {
  const { summary, agency, replaced } = confirmed;
  const next = summary.year + 1;
  const [nextReport, setNextReport] = useState<ReportSummary | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    let live = true;
    call('report.list', { agencyId: agency.id }).then(
      (list) => live && setNextReport(list.find((r) => r.year === next) ?? null),
      () => live && setNextReport(null),
    );
    return () => {
      live = false;
    };
  }, [agency.id, next]);

  const carry = async () => {
    setBusy(true);
    setFailure('');
    try {
      const created = await call('report.create', { agencyId: agency.id, year: next, carry: true });
      navigate({ name: 'report', reportId: created.id, section: 's1' });
    } catch (err) {
      setFailure(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="content">
      <section className="card import-done" aria-label="导入完成">
        <h2 role="status">
          已导入「{agency.name}」{summary.year} 年报告{replaced ? '（替换了原来的那份）' : ''}
        </h2>
        {agency.id !== current.id ? (
          <p className="import-other-agency" role="note">
            这份报告导入到了「{agency.name}」，不是当前机关「{current.name}」。当前机关没有改变。
            <button onClick={() => onChooseAgency(agency.id)}>切换到「{agency.name}」</button>
          </p>
        ) : null}
        <p className="muted">
          它在报告列表里标为「导入」，数字按原文保存（合计也按原文）。打开它可以修改文字和数字，规则会指出原文对不上的地方。
        </p>
        <div className="import-done-next">
          {nextReport ? (
            <p>
              {next} 年报告已经有了。
              <button onClick={() => navigate({ name: 'report', reportId: nextReport.id, section: 's1' })}>打开 {next} 年报告</button>
            </p>
          ) : (
            <p>
              接下来可以从这份报告开始 {next} 年的报告：表三「{rowLabel('2021', 't3.r2.total')}」会取这份报告的「{rowLabel('2021', 't3.r4.total')}」，文字作为草稿带入。
            </p>
          )}
          {failure ? (
            <p className="form-error" role="alert">
              {failure}
            </p>
          ) : null}
        </div>
        <div className="actions import-done-actions">
          <button onClick={() => navigate({ name: 'reports' })}>查看报告列表</button>
          <button onClick={onAnother}>再导入一份</button>
          <button onClick={() => navigate({ name: 'report', reportId: summary.id, section: 's1' })}>打开 {summary.year} 年报告</button>
          {nextReport === null ? (
            <button className="primary" onClick={() => void carry()} disabled={busy}>
              从这份报告结转 {next} 年
            </button>
          ) : null}
        </div>
      </section>
    </main>
  );
}
