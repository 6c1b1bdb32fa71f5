import { AppError, type ExportDelivery, type Handlers, type PackageExported } from '../../core/api.js';
import { shortFingerprint, snapshotReport } from '../../core/document/index.js';
import {
  buildPackage,
  MEMBER_LABELS,
  openPackage,
  openRemarks,
  type BuiltPackage,
  type PackageManifest,
  type PackageOpened,
} from '../../core/package/index.js';
import type { ImportOutcome } from '../../core/import/index.js';
import type { Store } from '../store/index.js';
import { ExportWriteError } from '../export/write-file.js';
import { prepareExport, renderExport, type ExportHost } from './export.js';
import { loadReport } from './reports.js';
import { signedVersions } from './signoff.js';
import { reviewAnswer } from './county/answer.js';

/**
 * 「导出报送包」 (issue 14): a report sealed into one `.nianbao` file (core/package) for the county
 * or a USB stick — for a signed report its signed version with the formal DOCX and PDF, for a
 * draft the report as it is now. Opening one (through 「导入」, `nianbao verify`) checks the seal
 * first and refuses a package that changed, saying what changed.
 */

export const PACKAGE_MIME = 'application/vnd.nianbao.package+zip';

export interface PackageOptions {
  host?: ExportHost;
  generator: PackageManifest['generator'];
  now: string;
}

export interface MadePackage extends BuiltPackage {
  /** what could not be included, in Chinese (no browser for the PDF…) */
  warnings: string[];
}

/** The package of a stored report: its latest signed version with the formal copies, or the draft as it is. */
export async function packageStoredReport(store: Store, reportId: number, options: PackageOptions): Promise<MadePackage> {
  const detail = loadReport(store, reportId);
  const warnings: string[] = [];
  if (detail.summary.state !== 'signed') {
    return { ...buildPackage({ report: detail.data, state: 'draft', ...reviewAnswer(store, reportId), generator: options.generator, createdAt: options.now }), warnings };
  }
  const latest = signedVersions(store, reportId)[0];
  const version = latest && store.versions.get(reportId, latest.id);
  if (!version) throw new AppError('internal', `${detail.summary.year} 年报告标为已定稿，却找不到定稿版本。请先「修改定稿」再重新定稿。`);
  const report = snapshotReport(version.snapshot, detail.data.agency);
  // the formal copies, through the same gate and renderers as 「导出 Word / PDF」
  const prepared = prepareExport(store, { reportId, draft: false });
  const documents: { docx?: Uint8Array; pdf?: Uint8Array } = { docx: (await renderExport(prepared, 'docx', options.host)).bytes };
  try {
    documents.pdf = (await renderExport(prepared, 'pdf', options.host)).bytes;
  } catch (err) {
    // no browser for the PDF on this computer: the package still goes, with the Word copy, and says so
    if (!(err instanceof AppError)) throw err;
    warnings.push(`没有放入 PDF 正式版：${err.message}`);
  }
  const built = buildPackage({
    report,
    state: 'signed',
    signed: { version: version.label, signedAt: version.createdAt, fingerprint: version.fingerprint },
    documents,
    // the answers to the county's remarks, when it sent the report back (issue 15)
    ...reviewAnswer(store, reportId),
    generator: options.generator,
    createdAt: options.now,
  });
  return { ...built, warnings };
}

/** One line a clerk reads about a package: whose report, which year, draft or which signed version. */
export function packageSummary(manifest: PackageManifest): string {
  const what = manifest.state === 'signed' && manifest.signoff ? `${manifest.signoff.version}，校验码 ${manifest.signoff.short}` : '草稿';
  const members = manifest.members.map((m) => MEMBER_LABELS[m.role]).join('、');
  return `${manifest.unit.name} ${manifest.year} 年报告（${what}）；包含：${members}`;
}

/** The short form of a package's seal, as shown and read out: 「3F9A-1C0B-22D4」. */
export function sealShort(manifest: PackageManifest): string {
  return shortFingerprint(manifest.seal.value);
}

/** Why a package was refused, as one message. */
export function refusal(opened: Exclude<PackageOpened, { status: 'intact' }>): string {
  if (opened.status === 'unreadable') return opened.message;
  return `这个报送包在封装后被改动过，不能打开：${opened.problems.join('；')}。请让对方重新发送。`;
}

/**
 * A package given to 「导入」: verified first; an intact one reads as its report, with what the
 * seal vouches for among the things to check. A changed one is refused with what changed.
 */
export function importPackage(bytes: Uint8Array): ImportOutcome {
  const opened = openPackage(bytes);
  if (opened.status !== 'intact') return { ok: false, message: refusal(opened) };
  const { manifest, report } = opened;
  const notes = [`报送包已核验，封签完好（封签 ${sealShort(manifest)}）：${packageSummary(manifest)}。`];
  if (opened.comments) {
    const open = openRemarks(opened.comments).length;
    notes.push(`包中有 ${opened.comments.items.length} 条意见${open ? `（${open} 条还没有答复）` : ''}；导入只导入报告本身。`);
  }
  return {
    ok: true,
    report,
    warnings: [...notes, ...opened.notes],
    uncertain: [],
    detected: { format: report.format, year: report.year, agencyName: report.agency.name, level: report.agency.level },
    normalizedText: opened.reportText,
  };
}

function deliver(made: MadePackage, host: ExportHost): Promise<ExportDelivery> | ExportDelivery {
  const file = { fileName: made.fileName, mime: PACKAGE_MIME, format: 'nianbao' as const, bytes: made.bytes };
  if (host.deliver) return host.deliver(file);
  return { kind: 'download', fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64'), size: file.bytes.length };
}

export function packageHandlers(
  store: Store,
  options: { host?: ExportHost; generator: PackageManifest['generator']; now: () => string },
): Pick<Handlers, 'package.export'> {
  return {
    'package.export': async ({ reportId }): Promise<PackageExported> => {
      const made = await packageStoredReport(store, reportId, { generator: options.generator, now: options.now(), ...(options.host ? { host: options.host } : {}) });
      let delivery: ExportDelivery;
      try {
        delivery = await deliver(made, options.host ?? {});
      } catch (e) {
        // the folder is read-only, the disk full…: the message names it
        if (e instanceof ExportWriteError) throw new AppError('storage', e.message);
        throw e;
      }
      return { delivery, seal: sealShort(made.manifest), summary: packageSummary(made.manifest), state: made.manifest.state, warnings: made.warnings };
    },
  };
}
