import fs from 'node:fs';
import path from 'node:path';
import { shortFingerprint, signedFingerprint, snapshotReport } from '../../core/document/index.js';
import { openPackage } from '../../core/package/index.js';
import type { PublishedComparison, ParagraphRow } from '../../core/report/published.js';
import type { ReportData } from '../../core/report/model.js';
import { checkPublished } from '../services/compare.js';
import { refusal } from '../services/package.js';
import { signedVersions } from '../services/signoff.js';
import { loadReport } from '../services/reports.js';
import { StoreFault } from '../store/index.js';
import { flag, option, positionals, type CliIO, type Command } from './command.js';
import { openStoredReport } from './stored-report.js';
import { readForImport } from './import-command.js';
import { readFailure, readReportFile } from './read-report.js';

/**
 * `nianbao compare SIGNED PUBLISHED`: the copy published on a website (saved page, PDF, Word,
 * text) against the signed version — a sealed package, a report file, or the signed version kept
 * by the app (--agency --year). Prints every figure (cell id, label, both values) and paragraph
 * that differs.
 */

const VALUED = ['--agency', '--year', '--data-dir'];
const EXIT = { same: 0, different: 1, unreadable: 2 } as const;

interface Signed {
  report: ReportData;
  /** 「第1版定稿，校验码 3F9A-…」 or 「报告文件 x.nianbao.json」 */
  what: string;
}

function fromFile(file: string, io: CliIO): Signed | undefined {
  if (!file.toLowerCase().endsWith('.nianbao')) {
    const report = readReportFile(file, io);
    return report && { report, what: `报告文件「${path.basename(file)}」（校验码 ${shortFingerprint(signedFingerprint(report))}）` };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    io.err(`无法读取 ${file}：${readFailure(err)}`);
    return undefined;
  }
  const opened = openPackage(bytes);
  if (opened.status !== 'intact') {
    io.err(refusal(opened));
    return undefined;
  }
  const s = opened.manifest.signoff;
  if (!s) io.err('注意：这个报送包里是草稿，不是定稿版本。');
  return { report: opened.report, what: s ? `报送包里的${s.version}（校验码 ${s.short}）` : '报送包里的草稿' };
}

function fromStore(argv: readonly string[], io: CliIO): Signed | undefined {
  const found = openStoredReport(argv, io);
  if (!found) return undefined;
  const { store, reportId } = found;
  try {
    const latest = signedVersions(store, reportId)[0];
    const version = latest && store.versions.get(reportId, latest.id);
    const detail = loadReport(store, reportId);
    if (!version) {
      io.err(`「${detail.agency.name}」${detail.summary.year} 年报告还没有定稿。`);
      return undefined;
    }
    return { report: snapshotReport(version.snapshot, detail.data.agency), what: `${version.label}（校验码 ${shortFingerprint(version.fingerprint)}）` };
  } finally {
    store.close();
  }
}

/** A changed paragraph with its changed stretches in 【】. */
function marked(segments: { kind: string; text: string }[]): string {
  return segments.map((s) => (s.kind === 'equal' ? s.text : `【${s.text}】`)).join('');
}

function paragraphLines(rows: ParagraphRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.kind === 'changed') out.push(`    定稿：${marked(r.signed)}`, `    公布：${marked(r.published)}`);
    if (r.kind === 'signed-only') out.push(`    只在定稿中：${r.text}`);
    if (r.kind === 'published-only') out.push(`    只在公布的版本中：${r.text}`);
  }
  return out;
}

export function comparisonLines(c: PublishedComparison): string[] {
  const lines: string[] = [];
  for (const h of c.header) lines.push(`${h.field}：定稿「${h.signed}」，公布「${h.published}」`);
  if (c.cells.length) {
    lines.push(`表格数字不同（${c.cells.length} 处）：`);
    for (const d of c.cells) lines.push(`  ${d.cellId}  ${d.name}：定稿 ${d.signed}，公布 ${d.published}`);
  }
  if (c.uncertain.length) {
    lines.push(`没有把握读对、与定稿不同的数字（${c.uncertain.length} 处，请对照原文）：`);
    for (const d of c.uncertain) lines.push(`  ${d.cellId}  ${d.name}：定稿 ${d.signed}，读到 ${d.published}`);
  }
  if (c.sections.length) {
    lines.push(`文字不同（${c.sections.map((s) => s.label).join('、')}）：`);
    for (const s of c.sections) lines.push(`  ${s.label}：`, ...paragraphLines(s.rows));
  }
  return lines;
}

export const compareCommand: Command = {
  name: 'compare',
  summary: '核对网上公布的版本与定稿版本：列出每一处不同的数字和段落',
  usage: [
    'nianbao compare 定稿 公布的版本 [--json]',
    'nianbao compare --agency 机关全称 --year N [--data-dir DIR] 公布的版本 [--json]',
    '  定稿：报送包（.nianbao）、报告文件（.nianbao.json），或用 --agency 和 --year 指定年报助手中已定稿的报告。',
    '  公布的版本：从网站保存的网页（.html）、PDF、Word（.docx）或文字文件（.txt）。',
    '  每处不同一行：单元格编号、名称、定稿的值、公布的值；文字按段落列出，不同的字用【】标出。',
    '  --json   以 JSON 输出',
    '  退出码：0 完全一致；1 有不同；2 文件读不了（会说明原因）。',
  ].join('\n'),
  async run(argv, io) {
    const files = positionals(argv, VALUED);
    const fromAgency = option(argv, '--agency') !== undefined;
    const [signedFile, publishedFile] = fromAgency ? [undefined, files[0]] : files;
    if (!publishedFile) {
      io.err('请给出定稿的报告和公布的版本，例如：nianbao compare 清河镇2024.nianbao 网上公布.html');
      return EXIT.unreadable;
    }
    let signed: Signed | undefined;
    try {
      signed = signedFile ? fromFile(signedFile, io) : fromStore(argv, io);
    } catch (e) {
      if (!(e instanceof StoreFault)) throw e;
      io.err(e.message);
      return EXIT.unreadable;
    }
    if (!signed) return EXIT.unreadable;
    const read = await readForImport(publishedFile);
    if (!read.ok) {
      io.err(`公布的版本读不出来（${publishedFile}）：${read.message}`);
      return EXIT.unreadable;
    }
    const comparison = checkPublished(signed.report, read);
    if (flag(argv, '--json')) {
      io.out(JSON.stringify({ same: comparison.same, signed: signed.what, published: publishedFile, comparison, warnings: read.warnings }, null, 2));
      return comparison.same ? EXIT.same : EXIT.different;
    }
    io.out(`核对：${signed.report.agency.name} ${signed.report.year} 年报告 ${signed.what} ↔ 公布的版本「${path.basename(publishedFile)}」`);
    if (comparison.same) {
      io.out('完全一致：每个数字、每段文字都与定稿相同。');
      return EXIT.same;
    }
    const count = comparison.header.length + comparison.cells.length + comparison.uncertain.length + comparison.sections.length;
    io.out(`有不同（${count} 处）：`);
    for (const line of comparisonLines(comparison)) io.out(line);
    return EXIT.different;
  },
};
