import { shortFingerprint } from '../document/build.js';
import { exportFileName } from '../document/file-name.js';
import { FORMATS } from '../format/index.js';
import { fingerprintMatches, reportFingerprint, type FingerprintVersion } from '../report/fingerprint.js';
import { parseReportFile, REPORT_SCHEMA, serializeReportFile } from '../report/file.js';
import type { ReportData } from '../report/model.js';
import { sha256BytesHex } from '../report/sha256.js';
import { commentsText, openRemarks, type CommentThread } from './comments.js';
import { writeContainer } from './container.js';
import {
  CONTAINER_LAYOUT,
  manifestText,
  MEMBER_PATHS,
  PACKAGE_EXTENSION,
  PACKAGE_SCHEMA,
  sealValue,
  type MemberRole,
  type PackageManifest,
  type UnsealedManifest,
} from './manifest.js';

/**
 * Making a sealed package: the report file, for a signed report its formal DOCX and PDF, the
 * comments when there are any, and the manifest with the SHA-256 of each and the seal over the
 * manifest — in the one zip layout of container.ts.
 *
 * What the seal proves: that nothing in the file has changed since it was sealed, byte for byte,
 * and (through the canonical report hash, which for a signed report is the fingerprint printed in
 * the footer of the signed copies) that the report file is the signed version. What it does not
 * prove on its own: who sealed it — anyone with this app can seal a package. The optional
 * signature (an Ed25519 key of the installation, added by the Node side through `sign`) ties
 * packages to one installation; see electron/services/package.ts.
 */

export interface PackageSignature {
  algorithm: 'ed25519';
  publicKey: string;
  keyId: string;
  value: string;
}

export interface PackageInput {
  report: ReportData;
  state: 'draft' | 'signed';
  /** a signed report: its signed version */
  signed?: { version: string; signedAt: string; fingerprint: string };
  /** a signed report's formal copies */
  documents?: { docx?: Uint8Array; pdf?: Uint8Array };
  purpose?: PackageManifest['purpose'];
  comments?: CommentThread;
  /** the package this one answers (a review answered by the unit, or a report reviewed by the county) */
  inReplyTo?: PackageManifest['inReplyTo'];
  /** the unit's code and parent body, when known */
  unit?: { code?: string; parent?: string };
  generator: PackageManifest['generator'];
  createdAt: string;
  /** signs the seal value (hex) with the installation's key; absent: the package is sealed, not signed */
  sign?(seal: string): PackageSignature;
}

export interface BuiltPackage {
  bytes: Uint8Array;
  manifest: PackageManifest;
  /** 「某某镇人民政府2024年政府信息公开工作年度报告（定稿）.nianbao」 */
  fileName: string;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function readBack(reportText: string): ReportData {
  const read = parseReportFile(reportText);
  if (!read.ok) throw new Error(`report file does not read back: ${read.message}`);
  return read.report;
}

/**
 * The SHA-256 of the report's content as its file says it (what a reader of the package computes
 * again): the latest fingerprint version; a package made before names version 1 (see open.ts).
 */
export function canonicalReportSha256(reportText: string, version?: FingerprintVersion): string {
  return reportFingerprint(readBack(reportText), version);
}

/** The name a package is offered under. */
export function packageFileName(report: ReportData, state: 'draft' | 'signed'): string {
  return exportFileName(report, false, 'pdf').replace(/\.pdf$/, `（${state === 'signed' ? '定稿' : '草稿'}）${PACKAGE_EXTENSION}`);
}

export function buildPackage(input: PackageInput): BuiltPackage {
  const { report } = input;
  const reportText = serializeReportFile(report);
  const readBackReport = readBack(reportText);
  const canonical = reportFingerprint(readBackReport);
  if (input.signed && !fingerprintMatches(readBackReport, input.signed.fingerprint)) {
    // the report file must say exactly what was signed; if it does not, no package is made
    throw new Error('the report file does not reproduce the signed fingerprint');
  }
  const members: { role: MemberRole; bytes: Uint8Array }[] = [{ role: 'report', bytes: utf8(reportText) }];
  if (input.documents?.docx) members.push({ role: 'docx', bytes: input.documents.docx });
  if (input.documents?.pdf) members.push({ role: 'pdf', bytes: input.documents.pdf });
  if (input.comments?.items.length) members.push({ role: 'comments', bytes: utf8(commentsText(input.comments)) });

  const { agency } = report;
  const signoff = report.signoff;
  const unsealed: UnsealedManifest = {
    schema: PACKAGE_SCHEMA,
    layout: CONTAINER_LAYOUT,
    generator: input.generator,
    createdAt: input.createdAt,
    purpose: input.purpose ?? 'report',
    reportSchema: REPORT_SCHEMA,
    format: report.format,
    ...(report.format !== 'free' ? { formatNotice: FORMATS[report.format].notice } : {}),
    year: report.year,
    unit: {
      name: agency.name,
      ...(agency.level !== 'other' ? { level: agency.level } : {}),
      ...(input.unit?.code ? { code: input.unit.code } : {}),
      ...(input.unit?.parent ? { parent: input.unit.parent } : {}),
      ...(agency.region ? { region: agency.region } : {}),
    },
    state: input.state,
    ...(input.signed
      ? {
          signoff: {
            version: input.signed.version,
            signedAt: input.signed.signedAt,
            fingerprint: input.signed.fingerprint,
            short: shortFingerprint(input.signed.fingerprint),
            ...(signoff?.preparer ? { preparer: signoff.preparer } : {}),
            ...(signoff?.reviewer ? { reviewer: signoff.reviewer } : {}),
            ...(signoff?.approver ? { approver: signoff.approver } : {}),
            ...(signoff?.date ? { date: signoff.date } : {}),
          },
        }
      : {}),
    report: { path: MEMBER_PATHS.report, canonicalSha256: canonical },
    members: members.map((m) => ({ path: MEMBER_PATHS[m.role], role: m.role, size: m.bytes.length, sha256: sha256BytesHex(m.bytes) })),
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    ...(input.comments?.items.length
      ? { comments: { path: MEMBER_PATHS.comments, total: input.comments.items.length, open: openRemarks(input.comments).length } }
      : {}),
  };
  const seal = sealValue(unsealed);
  const manifest: PackageManifest = { ...unsealed, seal: { algorithm: 'sha256', value: seal, ...(input.sign ? { signature: input.sign(seal) } : {}) } };
  const bytes = writeContainer([
    { path: 'manifest.json', bytes: utf8(manifestText(manifest)) },
    ...members.map((m) => ({ path: MEMBER_PATHS[m.role], bytes: m.bytes })),
  ]);
  return { bytes, manifest, fileName: packageFileName(report, input.state) };
}
