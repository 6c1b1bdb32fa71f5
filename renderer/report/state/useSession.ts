import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ReportDetail } from '../../../core/api.js';
import { checkReport, parseDeadline } from '../../../core/rules/index.js';
import { call } from '../../api/client.js';
import { ReportSession, type SessionState } from './ReportSession.js';

/*
 * A figure typed is shown in the frame of its keystroke and sent to the store just after it:
 * starting a request costs a few milliseconds the frame cannot spare (bench/keystroke.bench.ts).
 * Leaving the page sends at once: what waits for a frame then is let go straight away.
 */
let leaving = false;
const waitingForFrame = new Set<() => void>();

function afterFrame(): Promise<void> {
  if (leaving) return Promise.resolve();
  return new Promise((resolve) => {
    const go = () => {
      waitingForFrame.delete(go);
      clearTimeout(fallback);
      resolve();
    };
    waitingForFrame.add(go);
    // a hidden window has no frames: a short wait instead
    const fallback = setTimeout(go, 50);
    requestAnimationFrame(() => setTimeout(go, 0));
  });
}

function releaseFrames(): void {
  for (const go of [...waitingForFrame]) go();
}

/**
 * The session of the open report, made once when the report has loaded (and again for each new
 * `generation`: the report loaded afresh from the store, issue 12). Leaving the report sends
 * anything still waiting; closing the window with changes not yet stored asks first.
 */
export function useReportSession(detail: ReportDetail | null, generation = 0): ReportSession | null {
  const ref = useRef<ReportSession | null>(null);
  const made = useRef(generation);
  if (ref.current && made.current !== generation) {
    ref.current.dispose();
    ref.current = null;
  }
  if (detail && !ref.current) {
    made.current = generation;
    const reportId = detail.summary.id;
    const previous = detail.previous;
    // the deadline local rules set the agency (G-3), when one is set in 机关信息
    const deadline = (detail.deadline && parseDeadline(detail.deadline)) || undefined;
    ref.current = new ReportSession({
      detail,
      // last year's report brings in the cross-year rules (X-1…X-5, L-5)
      // last year's figures typed in by hand are no report to finish: no findings shown as a to-do list
      check: detail.summary.manual
        ? () => []
        : (report) => checkReport(report, { ...(previous ? { previous: previous.data, previousMadeInApp: previous.madeInApp } : {}), ...(deadline ? { deadline } : {}) }),
      send: (edits, baseRevision) => afterFrame().then(() => call('report.save', { reportId, edits, baseRevision })),
      load: () => call('report.open', { reportId }),
    });
  }
  const session = ref.current;
  useEffect(() => {
    if (!session) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      leaving = true;
      releaseFrames();
      // the clerk may stay (the browser asked): figures typed then wait for their frame again
      setTimeout(() => (leaving = false), 1000);
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
