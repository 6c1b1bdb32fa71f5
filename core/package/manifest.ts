import { z } from 'zod';
import { AGENCY_LEVELS } from '../report/model.js';
import { sha256Hex } from '../report/sha256.js';

/**
 * The manifest of a sealed exchange package (`.nianbao`, a zip): what the package is, who made it
 * for which year, the state and sign-off of the report, and the SHA-256 of every member and of the
 * canonical report. It travels as `manifest.json`, the first entry of the zip.
 *
 * The same package goes both ways between a unit and its county: a unit sends its report
 * (purpose 'report'); the county may send it back with remarks per cell and section (purpose
 * 'review', comments.json); the unit's next package answers them (`inReplyTo` names the review's
 * seal, and its comments.json carries the thread with the answers). See comments.ts.
 */

export const PACKAGE_SCHEMA = 'nianbao.package/1';
export const PACKAGE_EXTENSION = '.nianbao';
/** The zip layout the seal covers (container.ts): stored entries, fixed order and times. */
export const CONTAINER_LAYOUT = 'stored/1';

export const MEMBER_ROLES = ['report', 'docx', 'pdf', 'comments'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The fixed names of the members inside the zip (ASCII: every unzip tool reads them). */
export const MEMBER_PATHS: Readonly<Record<MemberRole, string>> = {
  report: 'report.nianbao.json',
  docx: 'report.docx',
  pdf: 'report.pdf',
  comments: 'comments.json',
};

/** How a clerk calls each member. */
export const MEMBER_LABELS: Readonly<Record<MemberRole, string>> = {
  report: '报告文件',
  docx: 'Word 正式版',
  pdf: 'PDF 正式版',
  comments: '意见',
};

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const isoTime = z.string().min(10).max(40);

const memberSchema = z
  .object({
    path: z.string().min(1).max(100),
    role: z.enum(MEMBER_ROLES),
    size: z.number().int().min(0),
    sha256,
  })
  .strict();

export const manifestSchema = z
  .object({
    schema: z.literal(PACKAGE_SCHEMA),
    layout: z.literal(CONTAINER_LAYOUT),
    generator: z.object({ app: z.string().max(100), version: z.string().max(40) }).strict(),
    createdAt: isoTime,
    purpose: z.enum(['report', 'review']),
    /** the report file's schema and the official format of the tables */
    reportSchema: z.string().max(40),
    format: z.enum(['2021', '2019', 'free']),
    formatNotice: z.string().max(100).optional(),
    year: z.number().int().min(2000).max(2100),
    unit: z
      .object({
        name: z.string().max(200),
        level: z.enum(AGENCY_LEVELS).optional(),
        /** the unit's code (统一社会信用代码 or the county's own numbering), when known */
        code: z.string().max(60).optional(),
        /** the body the unit reports to, when known */
        parent: z.string().max(200).optional(),
        region: z.string().max(200).optional(),
      })
      .strict(),
    state: z.enum(['draft', 'signed']),
    /** a signed report: the signed version, its fingerprint (as printed in the footer) and the people */
    signoff: z
      .object({
        version: z.string().max(40),
        signedAt: isoTime,
        fingerprint: z.string().regex(/^sha256(-2)?:[0-9a-f]{64}$/),
        short: z.string().max(40),
        preparer: z.string().max(40).optional(),
        reviewer: z.string().max(40).optional(),
        approver: z.string().max(40).optional(),
        date: z.string().max(20).optional(),
      })
      .strict()
      .optional(),
    /** the report member and the SHA-256 of the report's canonical content (core/report/fingerprint.ts) */
    report: z.object({ path: z.string().max(100), canonicalSha256: sha256 }).strict(),
    members: z.array(memberSchema).min(1).max(8),
    /** the package this one answers: its seal */
    inReplyTo: z.object({ seal: sha256, purpose: z.enum(['report', 'review']), createdAt: isoTime }).strict().optional(),
    comments: z.object({ path: z.string().max(100), total: z.number().int().min(0), open: z.number().int().min(0) }).strict().optional(),
    /** SHA-256 of the canonical manifest without `seal`; optionally signed (see signature in the service) */
    seal: z
      .object({
        algorithm: z.literal('sha256'),
        value: sha256,
        signature: z
          .object({ algorithm: z.literal('ed25519'), publicKey: z.string().max(200), keyId: z.string().max(40), value: z.string().max(200) })
          .strict()
          .optional(),
      })
      .strict(),
  })
  .strict();

export type PackageManifest = z.infer<typeof manifestSchema>;
export type PackageMember = PackageManifest['members'][number];
export type UnsealedManifest = Omit<PackageManifest, 'seal'>;

/** A value with the keys of every object sorted: the one text a manifest is written and sealed as. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}

/**
 * The manifest as written into the package: keys sorted, two-space indented, one final newline.
 * Readable by a person, and one text only — a reader rejects any other spelling of the same
 * manifest, so no byte of it can change unnoticed.
 */
export function manifestText(manifest: PackageManifest): string {
  return `${JSON.stringify(sorted(manifest), null, 2)}\n`;
}

/** The seal: SHA-256 of the manifest's text without the seal itself. */
export function sealValue(manifest: UnsealedManifest): string {
  return sha256Hex(`${JSON.stringify(sorted(manifest), null, 2)}\n`);
}
