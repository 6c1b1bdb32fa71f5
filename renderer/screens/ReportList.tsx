import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AgencyRecord, AppInfo, ReportSummary } from '../../core/api.js';
import { FORMATS, formatIdForYear } from '../../core/format/index.js';
import { AGENCY_LEVEL_LABELS } from '../../core/report/model.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { DeleteReportDialog } from './DeleteReportDialog.js';
import { navigate } from '../route.js';
import { formatLabel, stateLabel } from '../labels.js';
import { creationArgs, NewReportOptions, type NewReportChoice } from './NewReportOptions.js';

interface Props {
  agency: AgencyRecord;
  agencies: AgencyRecord[];
  info: AppInfo;
  onChooseAgency: (id: number) => void;
}

/** Reports are due in January for the year just ended, so the year offered is last year. */
function defaultYear(reports: ReportSummary[]): number {
  const last = new Date().getFullYear() - 1;
  return reports.some((r) => r.year === last) ? last + 1 : last;
}

export function ReportList({ agency, agencies, info, onChooseAgency }: Props) {
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  // offered at once, so that the field never changes under a clerk who has started typing
  const [year, setYear] = useState(() => String(defaultYear([])));
  const yearTouched = useRef(false);
  const [message, setMessage] = useState('');
  const [deleting, setDeleting] = useState<ReportSummary | null>(null);
  // from last year's report, blank, or from last year's figures typed in (issue 6)
  const [choice, setChoice] = useState<NewReportChoice | null>(null);

  const load = useCallback(async () => {
    const list = await call('report.list', { agencyId: agency.id });
    setReports(list);
    // last year already done: offer this year instead, unless the clerk has typed a year
    if (!yearTouched.current) setYear(String(defaultYear(list)));
  }, [agency.id]);
  useEffect(() => {
    setReports(null);
    void load();
  }, [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    const n = Number(year.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
    if (!Number.isInteger(n) || n < 2008 || n > new Date().getFullYear() + 1) {
      setMessage(`请填写报告年度，例如 ${new Date().getFullYear() - 1}`);
      return;
    }
    try {
      const created = await call('report.create', await creationArgs(agency.id, n, choice));
      navigate({ name: 'report', reportId: created.id, section: 's1' });
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  const remove = async (report: ReportSummary) => {
    setDeleting(null);
    try {
      await call('report.delete', { reportId: report.id, confirm: true });
      await load();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  const nextOf = (r: ReportSummary) => reports?.find((x) => x.year === r.year + 1);
  const yearNumber = Number(year);
  const format = Number.isInteger(yearNumber) && yearNumber > 2000 ? formatIdForYear(yearNumber) : null;

  return (
    <div className="page">
      <header className="topbar">
        <div className="brand">年报助手</div>
        <div className="agency-switch">
          {agencies.length > 1 ? (
            <select aria-label="选择机关" value={agency.id} onChange={(e) => onChooseAgency(Number(e.target.value))}>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          ) : (
            <strong>{agency.name}</strong>
          )}
          <span className="muted">{AGENCY_LEVEL_LABELS[agency.level]}</span>
        </div>
        <nav className="topbar-actions">
          <button onClick={() => navigate({ name: 'agency' })}>机关信息</button>
          <button onClick={() => navigate({ name: 'new-agency' })}>添加机关</button>
          <button onClick={() => navigate({ name: 'backups' })}>备份与恢复</button>
          <button onClick={() => navigate({ name: 'county', tab: 'board' })}>收集所属单位年报</button>
        </nav>
      </header>

      <main className="content">
        <section className="card">
          <h1>年度报告</h1>
          <form className="new-report" onSubmit={create}>
            <label>
              报告年度
              <input
                name="year"
                value={year}
                inputMode="numeric"
                onFocus={() => (yearTouched.current = true)}
                onChange={(e) => {
                  yearTouched.current = true;
                  setYear(e.target.value);
                }}
                aria-describedby="year-hint"
              />
              年
            </label>
            <button type="submit" className="primary">
              新建报告
            </button>
            <button type="button" onClick={() => navigate({ name: 'import' })}>
              导入已公布的报告
            </button>
            <span id="year-hint" className="muted">
              {format === 'free'
                ? '2019 年以前的报告没有统一表格，只有文字部分'
                : format
                  ? `使用${FORMATS[format].name}（${FORMATS[format].notice}）`
                  : ''}
            </span>
          </form>
          <NewReportOptions
            agencyId={agency.id}
            year={format && reports && !reports.some((r) => r.year === yearNumber) ? yearNumber : null}
            onChange={setChoice}
          />
          {message ? (
            <p className="form-error" role="alert">
              {message}
            </p>
          ) : null}

          {reports === null ? (
            <p className="muted">正在读取…</p>
          ) : reports.length === 0 ? (
            <p className="empty">还没有报告。填写年度后点「新建报告」开始。</p>
          ) : (
            <table className="list" aria-label="报告列表">
              <thead>
                <tr>
                  <th>年度</th>
                  <th>格式</th>
                  <th>状态</th>
                  <th>已填数字</th>
                  <th>最后修改</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={`#/report/${r.id}/s1`} className="year-link">
                        {r.year} 年
                      </a>
                    </td>
                    <td>{formatLabel(r.format)}</td>
                    <td>
                      {stateLabel(r)}
                      {r.state === 'signed' && <span className="muted">（只能查看）</span>}
                    </td>
                    <td>{r.filledCells} 格</td>
                    <td>{new Date(r.updatedAt).toLocaleString('zh-CN')}</td>
                    <td className="row-actions">
                      <button onClick={() => navigate({ name: 'report', reportId: r.id, section: 's1' })}>{r.state === 'signed' ? '查看' : '打开'}</button>
                      <button className="link-danger" onClick={() => setDeleting(r)}>
                        删除
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <p className="footnote muted">
          数据保存在本机：{info.dataDir}（{info.host === 'web' ? '浏览器模式' : '桌面版'}，版本 {info.version}）
        </p>
      </main>

      {deleting ? (
        <DeleteReportDialog
          report={deleting}
          agencyName={agency.name}
          {...(nextOf(deleting) ? { next: nextOf(deleting)! } : {})}
          onDelete={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
