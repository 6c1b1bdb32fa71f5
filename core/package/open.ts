import { parseReportFile } from '../report/file.js';
import type { ReportData } from '../report/model.js';
import { sha256BytesHex } from '../report/sha256.js';
import { commentsSchema, threadProblems, type CommentThread } from './comments.js';
import { isCanonicalContainer, readContainer, type ContainerEntry } from './container.js';
import { manifestSchema, manifestText, MEMBER_LABELS, PACKAGE_SCHEMA, sealValue, type PackageManifest } from './manifest.js';
import { canonicalReportSha256 } from './seal.js';
import { fingerprintMatches } from '../report/fingerprint.js';

/**
 * Opening a package verifies it. Every byte is accounted for: each member by its SHA-256 in the
 * manifest; the manifest by its seal and by being written in the one canonical way; the zip
 * around them by being exactly the zip that container.ts writes of them. Whatever does not match
 * is named — which member, or the manifest, or the zip itself — and the package is refused.
 *
 * Three outcomes, as `nianbao verify` exits: 'intact' (0), 'tampered' (1: a package of this app
 * that is not as it was sealed), 'unreadable' (2: not a package of this app at all, cut short, or
 * from a newer version).
 */

export type PackageOpened =
  | {
      status: 'intact';
      manifest: PackageManifest;
      report: ReportData;
      /** the report member's text (.nianbao.json) */
      reportText: string;
      documents: { docx?: Uint8Array; pdf?: Uint8Array };
      comments?: CommentThread;
      /** things to know that do not make the package suspect (e.g. a signature not checked here) */
      notes: string[];
    }
  | { status: 'tampered'; problems: string[]; manifest?: PackageManifest }
  | { status: 'unreadable'; message: string };

/** Checks a signature over the seal (Node side); undefined: the signature cannot be checked here. */
export type SignatureCheck = (manifest: PackageManifest) => boolean | undefined;

const NOT_A_PACKAGE = '不是年报助手的报送包';

function decode(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function label(manifest: PackageManifest, path: string): string {
  const member = manifest.members.find((m) => m.path === path);
  return member ? `${MEMBER_LABELS[member.role]}「${path}」` : `「${path}」`;
}

export function openPackage(bytes: Uint8Array, checkSignature?: SignatureCheck): PackageOpened {
  const read = readContainer(bytes);
  if (!read.ok) {
    const message = {
      'not-zip': `${NOT_A_PACKAGE}（不是 zip 格式的文件）`,
      'too-large': `文件太大，${NOT_A_PACKAGE}（报送包通常只有几 MB）`,
      broken: '报送包已损坏或不完整（压缩包的结构读不出来），可能没有下载或复制完整。请让对方重新发送',
      layout: '',
    }[read.reason];
    if (read.reason === 'layout') {
      if (!read.names?.includes('manifest.json')) return { status: 'unreadable', message: `${NOT_A_PACKAGE}（里面没有清单 manifest.json）` };
      return { status: 'tampered', problems: ['压缩包的写法与年报助手封装的不同（被解开后重新压缩过，或被别的程序改动过）'] };
    }
    return { status: 'unreadable', message };
  }
  const { entries } = read;
  const first = entries[0];
  if (first?.path !== 'manifest.json') {
    if (entries.some((e) => e.path === 'manifest.json')) return { status: 'tampered', problems: ['压缩包里文件的顺序与封装时不同（被解开后重新压缩过）'] };
    return { status: 'unreadable', message: `${NOT_A_PACKAGE}（里面没有清单 manifest.json）` };
  }

  const text = decode(first.bytes);
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch {
    return { status: 'tampered', problems: ['清单 manifest.json 在封装后被改动过（已不是有效的 JSON）'] };
  }
  const schema = typeof json === 'object' && json && 'schema' in json ? String((json as { schema: unknown }).schema) : '';
  const version = /^nianbao\.package\/(\d+)$/.exec(schema)?.[1];
  if (!version) return { status: 'unreadable', message: `${NOT_A_PACKAGE}（清单的 schema 是「${schema}」）` };
  if (schema !== PACKAGE_SCHEMA) return { status: 'unreadable', message: `这个报送包由更新版本的年报助手生成（格式版本 ${version}），请升级年报助手后再打开` };
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 'tampered', problems: [`清单 manifest.json 的内容不对（字段「${issue?.path.join('.') ?? '?'}」），它在封装后被改动过`] };
  }
  const manifest = parsed.data;
  const problems: string[] = [];

  // the manifest: sealed, and written the one way it is written
  const { seal, ...unsealed } = manifest;
  if (sealValue(unsealed) !== seal.value) problems.push('清单 manifest.json 在封装后被改动过：它的内容与封签不符');
  else if (manifestText(manifest) !== text) problems.push('清单 manifest.json 在封装后被改动过（内容没变，但写法与封装时不同）');

  // the members: each present once, as sealed; nothing else in the zip
  const byPath = new Map<string, ContainerEntry>();
  for (const e of entries.slice(1)) {
    if (byPath.has(e.path) || e.path === 'manifest.json') problems.push(`压缩包里有两个「${e.path}」`);
    byPath.set(e.path, e);
  }
  for (const m of manifest.members) {
    const entry = byPath.get(m.path);
    if (!entry) problems.push(`缺少${label(manifest, m.path)}`);
    else if (entry.bytes.length !== m.size || sha256BytesHex(entry.bytes) !== m.sha256) problems.push(`${label(manifest, m.path)}在封装后被改动过：它的内容与封签记录的不一致`);
  }
  for (const path of byPath.keys()) if (!manifest.members.some((m) => m.path === path)) problems.push(`多出了清单上没有的文件「${path}」`);

  // the zip around them: exactly the one written of these entries
  if (!problems.length) {
    const ordered = [first, ...manifest.members.map((m) => byPath.get(m.path)!)];
    if (!isCanonicalContainer(bytes, ordered)) problems.push('压缩包本身在封装后被改动过（各文件的内容没有变，但压缩包的文件头或目录与封装时不同）');
  }

  const notes: string[] = [];
  if (seal.signature) {
    const ok = checkSignature?.(manifest);
    if (ok === false) problems.push('数字签名与封签不符：清单在签名后被改动过，或签名不是这把密钥做的');
    if (ok === undefined) notes.push('这里没有核对数字签名');
  }
  if (problems.length) return { status: 'tampered', problems, manifest };

  // the report: readable, and the content the manifest names (for a signed report: the signed fingerprint)
  const reportEntry = byPath.get(manifest.report.path);
  const reportText = reportEntry ? decode(reportEntry.bytes) : undefined;
  const report = reportText === undefined ? undefined : parseReportFile(reportText);
  if (!reportEntry || !report?.ok) return { status: 'tampered', problems: [`报告文件读不出来：${report && !report.ok ? report.message : '缺少报告文件'}`], manifest };
  // a package made before the fingerprint took in the confirmations (issue 12) names version 1
  const canonical = [canonicalReportSha256(reportText!), canonicalReportSha256(reportText!, 1)];
  if (!canonical.includes(manifest.report.canonicalSha256)) problems.push('报告的内容与清单记录的校验码不一致');
  if (manifest.signoff && !fingerprintMatches(report.report, manifest.signoff.fingerprint)) problems.push('报告的内容与定稿校验码不一致');
  if (report.report.year !== manifest.year || report.report.agency.name !== manifest.unit.name) problems.push('报告文件里的机关或年度与清单不一致');

  let comments: CommentThread | undefined;
  if (manifest.comments) {
    const entry = byPath.get(manifest.comments.path);
    let thread: unknown;
    try {
      thread = JSON.parse(decode(entry?.bytes ?? new Uint8Array()) ?? '');
    } catch {
      thread = undefined;
    }
    const checked = commentsSchema.safeParse(thread);
    if (!checked.success) problems.push('意见 comments.json 读不出来');
    else {
      comments = checked.data;
      problems.push(...threadProblems(comments, manifest.format));
    }
  }
  if (problems.length) return { status: 'tampered', problems, manifest };

  const documents: { docx?: Uint8Array; pdf?: Uint8Array } = {};
  for (const m of manifest.members) if (m.role === 'docx' || m.role === 'pdf') documents[m.role] = byPath.get(m.path)!.bytes;
  return { status: 'intact', manifest, report: report.report, reportText: reportText!, documents, ...(comments ? { comments } : {}), notes };
}

/** Is this the start of a package (a zip whose first entry is manifest.json)? Cheap: for telling a package from a .docx. */
export function looksLikePackage(bytes: Uint8Array, fileName?: string): boolean {
  if (fileName?.toLowerCase().endsWith('.nianbao')) return true;
  // local header: signature, …, name length at 26, name at 30
  if (bytes.length < 43 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  const nameLength = bytes[26]! | (bytes[27]! << 8);
  return nameLength === 13 && new TextDecoder().decode(bytes.subarray(30, 43)) === 'manifest.json';
}
