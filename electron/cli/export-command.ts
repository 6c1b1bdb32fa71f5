import path from 'node:path';
import { AppError, type ExportDelivery } from '../../core/api.js';
import { shortFingerprint } from '../../core/document/index.js';
import { closePdfRenderer, PdfError } from '../export/pdf.js';
import { ExportWriteError, writeFileAtomic } from '../export/write-file.js';
import { exportHandlers, renderExport, type ExportFile, type ExportHost } from '../services/export.js';
import { batchWanted, exportMany } from './export-batch.js';
import { option, positionals, type CliIO, type Command } from './command.js';
import { commonOptions, EXIT, prepareFile, type Common } from './export-options.js';
import { readReportFile } from './read-report.js';
import { openStoredReport } from './stored-report.js';

/**
 * `nianbao export`: a report file, or a report kept by the app, to DOCX or PDF. A final copy
 * passes the same gate as in the window; --draft always works and carries the 「草稿」
 * watermark. The file is written whole or not at all.
 */

const VALUED = ['--format', '--out', '--out-dir', '--agency', '--year', '--data-dir', '--previous', '--line-spacing'];

/** A report file: final copies must pass the rules (errors and blank cells refuse). */
async function fromFile(file: string | undefined, argv: readonly string[], common: Common, io: CliIO): Promise<number> {
  const report = readReportFile(file, io);
  if (!report) return EXIT.failed;
  const previousFile = option(argv, '--previous');
  const previous = previousFile ? readReportFile(previousFile, io) : undefined;
  if (previousFile && !previous) return EXIT.failed;
  const prepared = prepareFile(report, previous, common, io);
  await save(common, await renderExport(prepared, common.format), io);
  if (prepared.doc.fingerprint) io.out(`${report.agency.name} ${report.year} 年报告 校验码 ${shortFingerprint(prepared.doc.fingerprint)}`);
  return EXIT.ok;
}

/** Writes a finished file to --out, whole or not at all, and says so. */
async function save(common: Common, file: ExportFile, io: CliIO): Promise<ExportDelivery> {
  await writeFileAtomic(common.out, file.bytes);
  const kind = common.draft ? '草稿' : '正式版';
  io.out(`已导出${kind}：${common.out}（${common.format.toUpperCase()}，${(file.bytes.length / 1024).toFixed(1)} KB）`);
  return { kind: 'saved', fileName: path.basename(common.out), path: common.out, size: file.bytes.length };
}

/**
 * A report kept by the app, through the same service as the window's 「导出」 (export.file): a
 * final copy is its latest signed version. The command line is a host of its own, which delivers
 * the file to --out. The store is read only (beside a running app, see stored-report.ts).
 */
async function fromStore(argv: readonly string[], common: Common, io: CliIO): Promise<number> {
  const found = openStoredReport(argv, io);
  if (!found) return EXIT.failed;
  const { store, reportId } = found;
  const host: ExportHost = {
    deliver: (file) => {
      if (file.fingerprint) io.out(`定稿：${file.versionLabel ?? ''}　校验码 ${shortFingerprint(file.fingerprint)}`);
      return save(common, file, io);
    },
  };
  try {
    await exportHandlers(store, host)['export.file']({
      reportId,
      draft: common.draft,
      format: common.format,
      ...(common.approvalSheet ? { approvalSheet: true } : {}),
      ...(common.footerFingerprint ? { footerFingerprint: true } : {}),
      ...(common.lineSpacingPt ? { lineSpacingPt: common.lineSpacingPt } : {}),
    });
    return EXIT.ok;
  } finally {
    store.close();
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary: '把报告导出为 Word（DOCX）或 PDF，或把三张表导出为 Excel（xlsx）',
  usage: [
    'nianbao export FILE.nianbao.json --format docx|pdf|xlsx --out PATH [--draft] [--approval] [--footer-fingerprint] [--line-spacing 28] [--previous LAST.nianbao.json]',
    'nianbao export --agency 机关全称 --year N [--data-dir DIR] --format docx|pdf|xlsx --out PATH [--draft] [--approval] [--footer-fingerprint]',
    'nianbao export A.nianbao.json B.nianbao.json … --format pdf --out-dir DIR [--draft] …        几份报告一次导出',
    'nianbao export --year N [--agency 机关全称 …] [--data-dir DIR] --format pdf --out-dir DIR [--draft] …',
    '  --out-dir       几份报告一次导出时保存的文件夹（没有会新建），每份一个文件，按单位和年度命名；',
    '                  只给 --year 导出本机这一年所有单位的报告，只给 --agency 导出这个单位所有年度的报告，--agency 可写几次',
    '                  每份报告打印一行结果，有一份不成功也继续导出其余的；几份报告的 PDF 共用一个浏览器，快得多',
    '  xlsx            三张统计表，按官方格式（合并的表头、列宽、单位说明），每张表一个工作表',
    '  --draft         导出草稿：带「草稿」水印，任何时候都可以导出',
    '                  不加 --draft 为正式版：报告文件须通过全部检查（不能有错误或空格）；',
    '                  年报助手中的报告须已「定稿」，导出其最新的定稿版本；校验码写在文件属性和审批单上',
    '  --approval      在最后附上审批单（编制人、审核人、签发人签字栏和盖章处，定稿的版本和校验码）',
    '  --footer-fingerprint  页脚页码旁加印版本号和校验码（单位内部留存用；上网公开的版本只印页码）',
    '  --line-spacing  正文固定行距（磅），默认 28',
    '  --format        不写时按 --out 的扩展名判断',
    '  PDF 需要本机装有 Google Chrome、Microsoft Edge 或 Chromium。',
    '  退出码：0 成功；1 检查未通过或尚未定稿（会列出问题）；2 文件无法读取、无法写入或无法生成 PDF。',
    '          几份报告一次导出时：0 全部成功；有不成功的，按其中最重的一种给 1 或 2。',
  ].join('\n'),
  async run(argv, io) {
    const files = positionals(argv, VALUED);
    const batch = batchWanted(argv, files);
    const common = commonOptions(argv, batch);
    if (typeof common === 'string') {
      io.err(common);
      return EXIT.failed;
    }
    const [file] = files;
    try {
      if (batch) return await exportMany(files, argv, common, io);
      if (file) return await fromFile(file, argv, common, io);
      if (option(argv, '--agency') !== undefined || option(argv, '--year') !== undefined) return await fromStore(argv, common, io);
      io.err('请给出报告文件（FILE.nianbao.json），或用 --agency 和 --year 指定年报助手中的报告。');
      return EXIT.failed;
    } catch (e) {
      if (e instanceof ExportWriteError || e instanceof PdfError || e instanceof AppError) {
        io.err(e.message);
        return e instanceof AppError && e.code === 'refused' ? EXIT.refused : EXIT.failed;
      }
      throw e;
    } finally {
      await closePdfRenderer();
    }
  },
};
