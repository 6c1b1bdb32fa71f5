import { AppError, type Handlers, type SignedVersion, type SignoffStatus } from '../../core/api.js';
import { localDeadline } from './agencies.js';
import {
  exportGate,
  findingLine,
  footerVersion,
  gateRefusal,
  reopenLabel,
  shortFingerprint,
  signedFingerprint,
  signedLabel,
  snapshotReport,
  REOPEN_KIND,
  SIGNED_KIND,
  type ExportGate,
} from '../../core/document/index.js';
import { SIGNING_DATE_LABEL, SIGNOFF_STEPS } from '../../core/report/signoff.js';
import type { ReportData, Signoff } from '../../core/report/model.js';
import { quickContentHash } from '../../core/report/versions.js';
import { checkReport, type Finding } from '../../core/rules/index.js';
import type { Store } from '../store/index.js';
import type { VersionRow } from '../store/versions.js';
import { editableOrFail, loadReport, previousReport, reportOrFail } from './reports.js';
import { storedSnapshot } from './versions.js';

/**
 * Sign-off (issue 5). 「定稿」 runs the gate, then freezes the report: a signed version (kind
 * 'signed') holding the content and the agency as they are, with the SHA-256 fingerprint of that
 * content, and the report's state set to 'signed', which every editing service refuses.
 * 「修改定稿」 needs a reason: it keeps the signed content once more as a version carrying the
 * reason, and the report is a draft again. Signing again makes the next signed version.
 * Versions are written through the versions store (electron/store/versions.ts) and never change.
 */

type SignoffMethods = 'signoff.status' | 'signoff.save' | 'report.sign' | 'report.reopen';

/** The rules on a report's content, with last year's report when the store has it. */
export function findingsOf(store: Store, reportId: number, data: ReportData): Finding[] {
  const summary = store.reports.summary(reportId);
  const previous = summary ? previousReport(store, summary.agencyId, data.year) : undefined;
  const deadline = summary ? localDeadline(store, summary.agencyId) : undefined;
  return checkReport(data, { ...(previous ? { previous: previous.data, previousMadeInApp: previous.madeInApp } : {}), ...(deadline ? { deadline } : {}) });
}

/** The gate on a report's content: its findings and the accepted warnings. */
export function gateOf(store: Store, reportId: number, data: ReportData): ExportGate {
  const findings = findingsOf(store, reportId, data);
  const accepted = new Set(store.reports.acknowledgements(reportId).map((a) => a.key));
  return exportGate(findings, accepted);
}

export function signedVersionOf(row: VersionRow): SignedVersion {
  return {
    versionId: row.id,
    label: row.label,
    footerLabel: footerVersion(row.label),
    fingerprint: row.fingerprint,
    short: shortFingerprint(row.fingerprint),
    author: row.author,
    createdAt: row.createdAt,
  };
}

/** Every signed version of a report, newest first. */
export function signedVersions(store: Store, reportId: number): VersionRow[] {
  return store.versions.list(reportId).filter((v) => v.kind === SIGNED_KIND);
}

/** Empty fields left out, so that a stored sign-off says only what was filled in. */
function cleanSignoff(signoff: Partial<Signoff>): Partial<Signoff> {
  return Object.fromEntries(Object.entries(signoff).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Partial<Signoff>;
}

/** The people an agency signs with, offered again on its next report (dates are not remembered). */
function people(signoff: Partial<Signoff>): Partial<Signoff> {
  return cleanSignoff({ preparer: signoff.preparer, reviewer: signoff.reviewer, approver: signoff.approver });
}

/** What 「定稿」 needs filled in before it can run, as one sentence; null when nothing is missing. */
function missingSignoff(signoff: Partial<Signoff>): string | null {
  const missing: string[] = SIGNOFF_STEPS.filter((s) => !signoff[s.name]?.trim()).map((s) => s.label);
  if (!signoff.date?.trim()) missing.push(SIGNING_DATE_LABEL);
  return missing.length ? `请先填写${missing.join('、')}，再定稿。` : null;
}

/**
 * `beforeSign` runs once the gate has let 定稿 through and before anything is written: the
 * running app makes its pre-定稿 backup there (issue 14). If it fails, nothing is signed.
 */
export function signoffHandlers(store: Store, now: () => string, beforeSign?: () => Promise<void>): Pick<Handlers, SignoffMethods> {
  const saveSignoff = (reportId: number, agencyId: number, signoff: Partial<Signoff>) => {
    const at = now();
    const revision = store.transaction(() => {
      store.reports.setSignoff(reportId, cleanSignoff(signoff));
      // remembered for next year's report of the same agency
      const names = people(signoff);
      if (Object.keys(names).length) store.agencies.setSignoff(agencyId, { ...store.agencies.signoff(agencyId), ...names });
      return store.reports.touch(reportId, at);
    });
    return { savedAt: at, revision };
  };

  return {
    'signoff.status': ({ reportId }) => {
      const detail = loadReport(store, reportId);
      const remembered = store.agencies.signoff(detail.summary.agencyId);
      const own = detail.data.signoff ?? { preparer: '', reviewer: '', approver: '' };
      const signoff: Signoff = {
        ...own,
        preparer: own.preparer || remembered.preparer || '',
        reviewer: own.reviewer || remembered.reviewer || '',
        approver: own.approver || remembered.approver || '',
      };
      const versions = signedVersions(store, reportId).map(signedVersionOf);
      const status: SignoffStatus = {
        state: detail.summary.state,
        signoff,
        gate: gateOf(store, reportId, detail.data),
        signedVersions: versions,
      };
      if (versions[0]) status.signed = versions[0];
      return status;
    },

    'signoff.save': ({ reportId, signoff }) => {
      const summary = editableOrFail(store, reportId);
      return saveSignoff(reportId, summary.agencyId, signoff);
    },

    'report.sign': async ({ reportId, signoff, confirmWarnings, author }) => {
      const summary = editableOrFail(store, reportId);
      // the people are kept even when the gate refuses: they were typed in and are not wrong
      saveSignoff(reportId, summary.agencyId, signoff);
      const missing = missingSignoff(signoff);
      if (missing) throw new AppError('refused', missing);

      const detail = loadReport(store, reportId);
      const gate = gateOf(store, reportId, detail.data);
      if (gate.blocking.length) throw new AppError('refused', gateRefusal(gate, '定稿'));
      if (gate.unconfirmed.length && !confirmWarnings) {
        const lines = gate.unconfirmed.map((f, i) => `${i + 1}. ${findingLine(f)}`);
        throw new AppError('refused', [`还有 ${gate.unconfirmed.length} 条提醒没有确认。请逐条核对后勾选「已核对」，再定稿：`, ...lines].join('\n'));
      }
      await beforeSign?.();

      const signed = store.transaction(() => {
        const at = now();
        const snapshot = { ...storedSnapshot(store, reportId), agency: detail.data.agency };
        const fingerprint = signedFingerprint(snapshotReport(snapshot, detail.data.agency));
        const n = signedVersions(store, reportId).length + 1;
        const row = store.versions.insert(reportId, { label: signedLabel(n), author, kind: SIGNED_KIND, fingerprint, snapshot }, at);
        store.reports.setState(reportId, 'signed', at);
        return row;
      });
      return { summary: store.reports.summary(reportId)!, signed: signedVersionOf(signed) };
    },

    'report.reopen': ({ reportId, reason, author }) => {
      const summary = reportOrFail(store, reportId);
      if (summary.state !== 'signed') throw new AppError('refused', `${summary.year} 年报告还没有定稿，可以直接修改。`);
      const version = store.transaction(() => {
        const at = now();
        const snapshot = storedSnapshot(store, reportId);
        const row = store.versions.insert(
          reportId,
          { label: reopenLabel(reason), author, kind: REOPEN_KIND, fingerprint: quickContentHash(snapshot), snapshot },
          at,
        );
        store.reports.setState(reportId, 'draft', at);
        return row;
      });
      return { summary: store.reports.summary(reportId)!, version };
    },
  };
}
