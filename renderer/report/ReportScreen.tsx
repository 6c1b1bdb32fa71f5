import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ReportDetail } from '../../core/api.js';
import { SECTIONS, sectionHeading, type SectionKey } from '../../core/format/index.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { formatLabel } from '../labels.js';
import { navigate } from '../route.js';
import { CarryReasons } from './carry/CarryReasons.js';
import { ConflictDialog } from './ConflictDialog.js';
import { ExportBar } from './export/ExportBar.js';
import { ExchangeButtons } from '../exchange/ExchangeButtons.js';
import { IssuesPanel } from './findings/IssuesPanel.js';
import { SectionBadge } from './findings/SectionBadge.js';
import { countsBySection } from './findings/summary.js';
import { NoteEditor } from './prose/NoteEditor.js';
import { ProseSection } from './ProseSection.js';
import { SaveIndicator } from './SaveIndicator.js';
import type { ReportSession } from './state/ReportSession.js';
import { useReportSession, useSessionState } from './state/useSession.js';
import { TableSection } from './TableSection.js';
import { VersionsButton } from './versions/VersionsPanel.js';
import { RemarksPanel } from '../county/RemarksPanel.js';

/**
 * A report that is not one of the office's own: a unit's report collected by the county workspace
 * (issue 15), opened read-only in this same screen, with the county's tools in the header.
 */
export interface ReviewSource {
  load(): Promise<ReportDetail>;
  href(section: SectionKey): string;
  back: { label: string; go(): void };
  banner: string;
  tools?(detail: ReportDetail, session: ReportSession, reload: () => Promise<void>): ReactNode;
}

interface Props {
  reportId: number;
  section: SectionKey;
  review?: ReviewSource;
  /** the report's agency becomes the current one, so 「报告列表」 leads back to this report's list */
  onAgency?(agencyId: number): void;
}

export function ReportScreen({ reportId, section, onAgency, review }: Props) {
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [failure, setFailure] = useState('');
  // counts the times the report was loaded afresh from the store: a new session, every editor drawn anew
  const [generation, setGeneration] = useState(0);
  // everything shown of the open report and everything waiting to be saved (./state)
  const session = useReportSession(detail, generation);

  const agencyOfReport = detail?.summary.agencyId;
  useEffect(() => {
    if (agencyOfReport !== undefined && !review) onAgency?.(agencyOfReport);
    // once per report: the callback is a new function at each render
  }, [agencyOfReport]);

  const load = useCallback(async () => {
    try {
      setDetail(await (review ? review.load() : call('report.open', { reportId })));
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }, [reportId]);
  useEffect(() => {
    void load();
  }, [load]);

  /** The report as the store holds it now, shown afresh (another window or the command line changed it). */
  const reloadFresh = useCallback(async () => {
    try {
      const fresh = await call('report.open', { reportId });
      setDetail(fresh);
      setGeneration((g) => g + 1);
    } catch (err) {
      setFailure(errorMessage(err));
    }
  }, [reportId]);
  // after a conflict was settled and saved, the session asks for the report as stored
  useEffect(() => {
    if (!session) return;
    let seen = session.getState().reloadWanted;
    return session.subscribe(() => {
      const wanted = session.getState().reloadWanted;
      if (wanted === seen) return;
      seen = wanted;
      void reloadFresh();
    });
  }, [session, reloadFresh]);
  useRefreshOnFocus(review ? null : session, reportId, reloadFresh);

  if (failure) {
    return (
      <div className="page">
        <section className="card fault" role="alert">
          <h1>无法打开报告</h1>
          <p>{failure}</p>
          <button onClick={() => (review ? review.back.go() : navigate({ name: 'reports' }))}>{review ? review.back.label : '返回报告列表'}</button>
        </section>
      </div>
    );
  }
  if (!detail || !session) return <div className="boot">正在打开报告…</div>;

  const { data } = detail;
  const current = SECTIONS.find((s) => s.key === section) ?? SECTIONS[0]!;
  const readOnly = session.readOnly;

  return (
    <div className="report-page" key={generation}>
      <header className="topbar report-header">
        {review ? (
          <button className="back" onClick={review.back.go}>
            ‹ {review.back.label}
          </button>
        ) : (
          <button className="back" onClick={() => navigate({ name: 'reports' })} aria-label="返回报告列表">
            ‹ 报告列表
          </button>
        )}
        <div className="report-title">
          <strong>{data.agency.name}</strong>
          <span className="year">{data.year} 年政府信息公开工作年度报告</span>
        </div>
        <span className="badge">{formatLabel(data.format)}</span>
        {detail.summary.manual && <span className="badge">上年数字（手工录入）</span>}
        {review ? (
          review.tools?.(detail, session, load)
        ) : (
          <>
            <ExportBar detail={detail} session={session} />
            <ExchangeButtons detail={detail} session={session} onReview={load} />
            <VersionsButton reportId={reportId} session={session} readOnly={readOnly} />
            <SaveIndicator session={session} />
          </>
        )}
      </header>
      <div className="report-body">
        <Sidebar session={session} href={review ? review.href : (key) => `#/report/${reportId}/${key}`} current={current.key} />
        <main className="section-pane">
          {review && (
            <p className="signed-banner" role="note">
              {review.banner}
            </p>
          )}
          {detail.summary.manual && (
            <p className="signed-banner" role="note">
              这里只有手工录入的 {data.year} 年数字（结转下年度、现行有效件数），用来开始 {data.year + 1} 年的报告和跨年核对，不是一份要完成的报告，不做规则检查。
            </p>
          )}
                    {readOnly && !review && (
            <p className="signed-banner" role="note">
              {data.year} 年报告已定稿，只能查看、打印和导出，不能修改。确需修改，请点上方「修改定稿…」并写明理由。
              {!sameAgency(detail.agency, data.agency) && (
                <> 已定稿，按定稿时的单位信息显示（「{data.agency.name}」）；单位信息此后改过，「修改定稿」后才按现在的单位信息显示。</>
              )}
            </p>
          )}
          <h2 className="section-title">{sectionHeading(current)}</h2>
          {!review && <ConflictDialog session={session} />}
          {detail.review && <RemarksPanel detail={detail} session={session} section={current.key} side={review ? 'county' : 'unit'} onChanged={load} />}
          {current.kind === 'table' && current.table ? (
            <>
              <TableSection session={session} tableId={current.table} />
              <NoteEditor key={current.table} tableId={current.table} session={session} />
            </>
          ) : (
            <ProseSection
              key={current.key}
              sectionKey={current.key as 's1' | 's5' | 's6'}
              session={session}
              onShowCell={(cellId) => {
                const target = session.sectionOf(cellId);
                session.requestFocus(cellId);
                if (target) window.location.hash = review ? review.href(target) : `#/report/${reportId}/${target}`;
              }}
            />
          )}
        </main>
        <IssuesPanel session={session} current={current.key} />
        {!readOnly && <CarryReasons session={session} />}
      </div>
    </div>
  );
}

/**
 * A tab that comes back to the front shows the report as stored, when another window or the
 * command line saved it meanwhile and this one has nothing unsaved (else the next save meets the
 * conflict and the clerk chooses).
 */
function useRefreshOnFocus(session: ReportSession | null, reportId: number, reload: () => Promise<void>): void {
  useEffect(() => {
    if (!session || session.readOnly) return;
    let asking = false;
    const check = async () => {
      if (asking || document.visibilityState === 'hidden' || !session.quiet) return;
      asking = true;
      try {
        const { revision } = (await call('report.list', { agencyId: session.detail.summary.agencyId })).find((r) => r.id === reportId) ?? {};
        if (revision !== undefined && revision !== session.getState().revision && session.quiet) await reload();
      } catch {
        // the store did not answer: the next focus asks again
      } finally {
        asking = false;
      }
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [session, reportId, reload]);
}

/** The six parts, each with the count of what still needs attention in it. */
function Sidebar({ session, href, current }: { session: ReportSession; href(key: SectionKey): string; current: SectionKey }) {
  const findings = useSessionState(session, (s) => s.findings);
  const acks = useSessionState(session, (s) => s.acks);
  const counts = countsBySection(findings, acks);
  return (
    <nav className="sidebar" aria-label="报告的六个部分">
      <ol>
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <a href={href(s.key)} className={s.key === current ? 'active' : undefined} aria-current={s.key === current ? 'page' : undefined}>
              {sectionHeading(s)}
              <SectionBadge count={counts.get(s.key)} />
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The agency's details now and as a signed report holds them are the same (the record's own fields aside). */
function sameAgency(now: ReportDetail['agency'], signed: ReportDetail['data']['agency']): boolean {
  const { id: _id, createdAt: _c, updatedAt: _u, ...details } = now;
  return canonical(details) === canonical(signed);
}

/** JSON with the keys in order at every level, so that two objects compare by content. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
