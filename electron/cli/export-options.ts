import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/api.js';
import { buildDocument, exportGate, findingLine, gateRefusal, signedFingerprint, type ExportFormat } from '../../core/document/index.js';
import type { ReportData } from '../../core/report/index.js';
import { checkReport } from '../../core/rules/index.js';
import type { PreparedExport } from '../services/export.js';
import { flag, option, type CliIO } from './command.js';

/** What `nianbao export` shares between one report (export-command.ts) and several (export-batch.ts). */

export const EXIT = { ok: 0, refused: 1, failed: 2 } as const;

export interface Common {
  /** xlsx: the three tables (issue 14) */
  format: ExportFormat | 'xlsx';
  out: string;
  draft: boolean;
  approvalSheet: boolean;
  footerFingerprint: boolean;
  lineSpacingPt?: number;
}

/** The options every form shares, or a message saying which is wrong. In a batch `out` is the --out-dir folder. */
export function commonOptions(argv: readonly string[], batch: boolean): Common | string {
  const out = option(argv, batch ? '--out-dir' : '--out');
  if (!out) {
    return batch
      ? '导出几份报告时，请用 --out-dir 指定保存它们的文件夹，例如 --out-dir 导出（每份报告一个文件，按单位和年度命名）'
      : '请用 --out 指定导出文件的保存位置，例如 --out 年度报告.docx';
  }
  const given = option(argv, '--format') ?? (batch ? '' : path.extname(out).slice(1).toLowerCase());
  if (given !== 'docx' && given !== 'pdf' && given !== 'xlsx') return `--format 应为 docx、pdf 或 xlsx${given ? `（现在是「${given}」）` : ''}`;
  const spacingText = option(argv, '--line-spacing');
  const lineSpacingPt = spacingText === undefined ? undefined : Number(spacingText);
  if (lineSpacingPt !== undefined && !(lineSpacingPt >= 20 && lineSpacingPt <= 40)) return '--line-spacing 应是 20 到 40 之间的磅值，例如 28';
  const isFolder = fs.existsSync(out) && fs.statSync(out).isDirectory();
  if (batch && fs.existsSync(out) && !isFolder) return `「${out}」是一个文件，不是文件夹。--out-dir 请写一个文件夹（没有的会新建）。`;
  if (!batch && isFolder) return `「${out}」是一个文件夹，请在 --out 中写出文件名，例如 ${path.join(out, `年度报告.${given}`)}`;
  return {
    format: given,
    out,
    draft: flag(argv, '--draft'),
    approvalSheet: flag(argv, '--approval'),
    footerFingerprint: flag(argv, '--footer-fingerprint'),
    ...(lineSpacingPt ? { lineSpacingPt } : {}),
  };
}

/**
 * A report read from a file, made into its document: a final copy must pass the rules (errors and
 * blank cells refuse, with the list). Shared by one file and by a batch of them.
 */
export function prepareFile(report: ReportData, previous: ReportData | undefined, common: Common, io: CliIO): PreparedExport {
  let fingerprint: string | undefined;
  if (!common.draft) {
    const findings = checkReport(report, previous ? { previous } : {});
    const gate = exportGate(findings, new Set());
    if (gate.blocking.length) throw new AppError('refused', `${gateRefusal(gate, '导出正式版')}\n（需要先看看效果，可以加 --draft 导出草稿。）`);
    for (const f of gate.unconfirmed) io.err(`注意：${findingLine(f)}`);
    fingerprint = signedFingerprint(report);
  }
  const doc = buildDocument(report, {
    draft: common.draft,
    ...(fingerprint ? { fingerprint } : {}),
    ...(common.approvalSheet ? { approvalSheet: true } : {}),
    ...(common.footerFingerprint ? { footerFingerprint: true } : {}),
    ...(common.lineSpacingPt ? { lineSpacingPt: common.lineSpacingPt } : {}),
  });
  return { report, doc, draft: common.draft };
}
