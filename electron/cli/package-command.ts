import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/api.js';
import { buildPackage, PACKAGE_EXTENSION } from '../../core/package/index.js';
import { APP_VERSION } from '../backend.js';
import { closePdfRenderer } from '../export/pdf.js';
import { ExportWriteError, writeFileAtomic } from '../export/write-file.js';
import { packageStoredReport, packageSummary, sealShort } from '../services/package.js';
import { StoreFault } from '../store/index.js';
import { option, positionals, type CliIO, type Command } from './command.js';
import { openStoredReport } from './stored-report.js';
import { readReportFile } from './read-report.js';

/**
 * `nianbao package`: a report sealed into a `.nianbao` package — a report kept by the app (its
 * latest signed version with the formal DOCX and PDF, or the draft), or a report file (a draft:
 * a file carries no sign-off). Works beside a running app (the store is read, not locked).
 */

const VALUED = ['--out', '--agency', '--year', '--data-dir'];
const EXIT = { ok: 0, refused: 1, failed: 2 } as const;
const generator = { app: '年报助手', version: APP_VERSION };

async function fromStore(argv: readonly string[], io: CliIO) {
  const found = openStoredReport(argv, io);
  if (!found) return undefined;
  try {
    const made = await packageStoredReport(found.store, found.reportId, { generator, now: new Date().toISOString() });
    for (const w of made.warnings) io.err(`注意：${w}`);
    return made;
  } finally {
    found.store.close();
  }
}

export const packageCommand: Command = {
  name: 'package',
  summary: '把报告封装成报送包（.nianbao）：报告文件，定稿的还有 Word 和 PDF 正式版，附封签',
  usage: [
    'nianbao package --agency 机关全称 --year N [--data-dir DIR] --out 报送包.nianbao',
    'nianbao package FILE.nianbao.json --out 报送包.nianbao',
    '  年报助手中的报告：已定稿的封装最新的定稿版本和它的 Word、PDF 正式版；没有定稿的封装当前的草稿。',
    '  报告文件（.nianbao.json）封装为草稿。',
    '  报送包里每个文件都记有 SHA-256，清单有封签；对方用 nianbao verify 或在年报助手里「导入」时会先核验。',
    '  年报助手正在运行也可以用。PDF 需要本机装有 Google Chrome、Microsoft Edge 或 Chromium（没有时只放入 Word）。',
    '  退出码：0 成功；2 报告或数据读不了、文件没有写成（会说明原因）。',
  ].join('\n'),
  async run(argv, io) {
    const out = option(argv, '--out');
    if (!out) {
      io.err(`请用 --out 指定报送包的保存位置，例如 --out 报送包${PACKAGE_EXTENSION}`);
      return EXIT.failed;
    }
    if (fs.existsSync(out) && fs.statSync(out).isDirectory()) {
      io.err(`「${out}」是一个文件夹，请在 --out 中写出文件名，例如 ${path.join(out, `报送包${PACKAGE_EXTENSION}`)}`);
      return EXIT.failed;
    }
    const [file] = positionals(argv, VALUED);
    try {
      let made;
      if (file) {
        const report = readReportFile(file, io);
        if (!report) return EXIT.failed;
        made = buildPackage({ report, state: 'draft', generator, createdAt: new Date().toISOString() });
      } else made = await fromStore(argv, io);
      if (!made) return EXIT.failed;
      await writeFileAtomic(out, made.bytes);
      io.out(`已封装：${out}（${(made.bytes.length / 1024).toFixed(1)} KB）`);
      io.out(`${packageSummary(made.manifest)}`);
      io.out(`封签 ${sealShort(made.manifest)}`);
      return EXIT.ok;
    } catch (e) {
      if (e instanceof StoreFault || e instanceof ExportWriteError || e instanceof AppError) {
        io.err(e.message);
        return e instanceof AppError && e.code === 'refused' ? EXIT.refused : EXIT.failed;
      }
      throw e;
    } finally {
      await closePdfRenderer();
    }
  },
};
