import type { Agency, ReportData, Signoff } from '../report/model.js';
import { storedFingerprint } from '../report/fingerprint.js';
import { shownCells } from '../report/totals.js';
import type { ReportSnapshot } from '../report/versions.js';

/**
 * What 「定稿」 signs: the report's content as a version snapshot holds it, with the agency as it
 * was at that moment. The SHA-256 fingerprint is taken of the report rebuilt from the snapshot,
 * so that exporting the signed version years later rebuilds exactly the same content and the
 * same fingerprint — and a stored version whose content no longer matches is caught.
 */

/** The version kind of a signed version (versions.kind). */
export const SIGNED_KIND = 'signed';
/** The version kind written when a signed report is reopened for changes (「修改定稿」). */
export const REOPEN_KIND = 'reopen';

/** The report a snapshot holds, ready for the rules and the document builder. */
export function snapshotReport(snapshot: ReportSnapshot, agency: Agency): ReportData {
  const signoff: Signoff = { preparer: '', reviewer: '', approver: '', ...snapshot.signoff };
  return {
    format: snapshot.format,
    year: snapshot.year,
    agency: snapshot.agency ?? agency,
    cells: { ...shownCells(snapshot) },
    sections: { ...snapshot.sections },
    notes: { ...snapshot.notes },
    signoff,
    origin: snapshot.origin,
    ...(snapshot.confirmations ? { confirmations: snapshot.confirmations } : {}),
  };
}

/** 「sha256-2:…」: the stored form of a new signature (versions: core/report/fingerprint.ts). */
export function signedFingerprint(report: ReportData): string {
  return storedFingerprint(report);
}

/** The label of the n-th signed version of a report: 「第2版定稿」. */
export function signedLabel(n: number): string {
  return `第${n}版定稿`;
}

/** The version as the footer of a signed copy names it: 「第2版」. */
export function footerVersion(label: string): string {
  return /^(第\d+版)/.exec(label)?.[1] ?? label;
}

/** The label of the version written when a signed report is reopened: the reason, kept with it. */
export function reopenLabel(reason: string): string {
  return `修改定稿：${reason.trim()}`;
}
