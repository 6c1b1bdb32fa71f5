import { useCallback, useEffect, useState } from 'react';
import type { ReportDetail } from '../../core/api.js';
import { SECTIONS, sectionHeading, type SectionKey } from '../../core/format/index.js';
import type { ProseKey } from '../../core/report/model.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { formatLabel } from '../labels.js';
import { navigate } from '../route.js';
import { CarryReasons } from './carry/CarryReasons.js';
import { ExportBar } from './export/ExportBar.js';
import { ExchangeButtons } from '../exchange/ExchangeButtons.js';
import { IssuesPanel } from './findings/IssuesPanel.js';
import { SectionBadge } from './findings/SectionBadge.js';
import { countsBySection } from './findings/summary.js';
import { NoteEditor } from './prose/NoteEditor.js';
import { ProseSection } from './ProseSection.js';
import { useEditorSnapshot, useReportEditor } from './table/useReportEditor.js';
import { TableSection } from './TableSection.js';
import { saveStateText, useSaveState } from './useSaveState.js';
import { VersionsButton } from './versions/VersionsPanel.js';

interface Props {
  reportId: number;
  section: SectionKey;
  /** the report's agency becomes the current one, so 「报告列表」 leads back to this report's list */
  onAgency?(agencyId: number): void;
}

export function ReportScreen({ reportId, section, onAgency }: Props) {
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [failure, setFailure] = useState('');
  const { state: saveState, track } = useSaveState();
  // the figures, rule findings and undo history of the open report, shared by its three tables
  const editor = useReportEditor(detail, track);
  const snapshot = useEditorSnapshot(editor);
  // saved prose reaches the rules that read the text
  const sections = detail?.data.sections;
  useEffect(() => {
    if (sections) editor?.setSections(sections);
  }, [editor, sections]);

  const agencyOfReport = detail?.summary.agencyId;
  useEffect(() => {
    if (agencyOfReport !== undefined) onAgency?.(agencyOfReport);
    // once per report: the callback is a new function at each render
  }, [agencyOfReport]);

  const load = useCallback(async () => {
    try {
      setDetail(await call('report.open', { reportId }));
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }, [reportId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (failure) {
    return (
      <div className="page">
        <section className="card fault" role="alert">
          <h1>无法打开报告</h1>
          <p>{failure}</p>
          <button onClick={() => navigate({ name: 'reports' })}>返回报告列表</button>
        </section>
      </div>
    );
  }
  if (!detail || !editor || !snapshot) return <div className="boot">正在打开报告…</div>;

  const { data, summary } = detail;
  const current = SECTIONS.find((s) => s.key === section) ?? SECTIONS[0]!;
  const readOnly = summary.state === 'signed';
  const counts = countsBySection(snapshot.findings, snapshot.acks);
  // saved prose goes into the report, and from there to the rules that read the text
  const proseSaved = (key: ProseKey, text: string) =>
    setDetail((d) => (d ? { ...d, data: { ...d.data, sections: { ...d.data.sections, [key]: text } } } : d));

  return (
    <div className="report-page">
      <header className="topbar report-header">
        <button className="back" onClick={() => navigate({ name: 'reports' })} aria-label="返回报告列表">
          ‹ 报告列表
        </button>
        <div className="report-title">
          <strong>{detail.agency.name}</strong>
          <span className="year">{data.year} 年政府信息公开工作年度报告</span>
        </div>
        <span className="badge">{formatLabel(data.format)}</span>
        <ExportBar detail={detail} editor={editor} />
        <ExchangeButtons detail={detail} editor={editor} />
        <VersionsButton reportId={reportId} editor={editor} readOnly={readOnly} />
        <span className={`save-state save-${saveState.kind}`} role="status" aria-live="polite">
          {saveStateText(saveState)}
        </span>
      </header>
      <div className="report-body">
        <nav className="sidebar" aria-label="报告的六个部分">
          <ol>
            {SECTIONS.map((s) => (
              <li key={s.key}>
                <a
                  href={`#/report/${reportId}/${s.key}`}
                  className={s.key === current.key ? 'active' : undefined}
                  aria-current={s.key === current.key ? 'page' : undefined}
                >
                  {sectionHeading(s)}
                  <SectionBadge count={counts.get(s.key)} />
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <main className="section-pane">
          {readOnly && (
            <p className="signed-banner" role="note">
              {data.year} 年报告已定稿，只能查看、打印和导出，不能修改。确需修改，请点上方「修改定稿…」并写明理由。
            </p>
          )}
          <h2 className="section-title">{sectionHeading(current)}</h2>
          {current.kind === 'table' && current.table ? (
            <>
              <TableSection editor={editor} reportId={reportId} tableId={current.table} track={track} />
              <NoteEditor key={current.table} reportId={reportId} tableId={current.table} editor={editor} track={track} onSaved={proseSaved} />
            </>
          ) : (
            <ProseSection
              key={current.key}
              reportId={reportId}
              sectionKey={current.key as 's1' | 's5' | 's6'}
              editor={editor}
              readOnly={readOnly}
              track={track}
              onSaved={proseSaved}
              onShowCell={(cellId) => {
                const target = editor.sectionOf(cellId);
                editor.requestFocus(cellId);
                if (target) navigate({ name: 'report', reportId, section: target });
              }}
            />
          )}
        </main>
        <IssuesPanel editor={editor} snapshot={snapshot} reportId={reportId} current={current.key} />
        {!readOnly && <CarryReasons editor={editor} reportId={reportId} track={track} />}
      </div>
    </div>
  );
}
