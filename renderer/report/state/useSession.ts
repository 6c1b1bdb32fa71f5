import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ReportDetail } from '../../../core/api.js';
import { checkReport } from '../../../core/rules/index.js';
import { call } from '../../api/client.js';
import { ReportSession, type SessionState } from './ReportSession.js';

/**
 * The session of the open report, made once when the report has loaded. Leaving the report
 * sends anything still waiting; closing the window with changes not yet stored asks first.
 */
export function useReportSession(detail: ReportDetail | null): ReportSession | null {
  const ref = useRef<ReportSession | null>(null);
  if (detail && !ref.current) {
    const reportId = detail.summary.id;
    const previous = detail.previous;
    ref.current = new ReportSession({
      detail,
      // last year's report brings in the cross-year rules (X-1…X-5, L-5)
      check: (report) => checkReport(report, previous ? { previous: previous.data, previousMadeInApp: previous.madeInApp } : {}),
      send: (edits) => call('report.save', { reportId, edits }),
    });
  }
  const session = ref.current;
  useEffect(() => {
    if (!session) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      session.flush();
      if (session.unsaved > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      session.flush();
    };
  }, [session]);
  return session;
}

/**
 * The part of the session's state a component shows; it re-renders when that part changes and
 * not otherwise. `select` must return a part of the state as it is (not a new object).
 */
export function useSessionState<T>(session: ReportSession, select: (state: SessionState) => T): T {
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}
