import fs from 'node:fs';
import path from 'node:path';
import { cellDef, cellName, FORMATS, getFormat, sectionHeading, SECTIONS, type FormatId } from '../../core/format/index.js';
import { IMPORT_LIMITS, refuseUnread, type ImportOutcome } from '../../core/import/index.js';
import { importFileBytes } from '../services/import.js';
import { AGENCY_LEVEL_LABELS, serializeReportFile, fenToWan, type ReportData } from '../../core/report/index.js';
import { checkReport, classify, summaryText } from '../../core/rules/index.js';
import { writeFileAtomic } from '../export/write-file.js';
import { flag, option, positionals, type CliIO, type Command } from './command.js';
import { readFailure } from './read-report.js';
import { readSpecialFile } from '../services/sources.js';

/** Enough of a file's start to tell what it is (zip, PDF, picture…) without reading it. */
const HEAD_BYTES = 4096;

/**
 * Reads a file for import: its size and first bytes decide first, so a huge file is refused
 * without being read into memory; then only as many bytes as the limits allow are read.
 */
export async function readForImport(file: string): Promise<ImportOutcome> {
  let bytes: Uint8Array;
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const { size } = fs.fstatSync(fd);
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    fs.readSync(fd, head, 0, head.length, 0);
    const refused = refuseUnread(size, head, path.basename(file));
    if (refused) return { ok: false, message: refused };
    // refuseUnread has bounded the size (IMPORT_LIMITS); read what it allowed
    bytes = new Uint8Array(Math.min(size, Math.max(IMPORT_LIMITS.maxDocxBytes, IMPORT_LIMITS.maxPdfBytes)));
    fs.readSync(fd, bytes, 0, bytes.length, 0);
  } catch (err) {
    return { ok: false, message: readFailure(err) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return importFileBytes(bytes, path.basename(file));
}

/** A workbook or a sealed package is read by its own reader (services/sources.ts), everything else by the importer. */
async function readAny(file: string): Promise<ImportOutcome> {
  return (await readSpecialFile(file)) ?? readForImport(file);
}

/** What a folder holds that may be a published report, sorted, subfolders included. */
const IMPORTABLE = /\.(html?|xhtml|docx|txt|json|pdf|xlsx|nianbao)$/i;
const MAX_FILES = 10_000;

function filesIn(dir: string, out: string[] = []): string[] {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const e of entries) {
    if (out.length >= MAX_FILES) break;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesIn(full, out);
    else if (e.isFile() && IMPORTABLE.test(e.name)) out.push(full);
  }
  return out;
}

/** The inputs: files as given, folders as the importable files in them. */
function inputsOf(args: readonly string[]): string[] {
  return args.flatMap((a) => {
    try {
      return fs.statSync(a).isDirectory() ? filesIn(a) : [a];
    } catch {
      return [a];
    }
  });
}

function show(format: FormatId, report: ReportData, id: string): string {
  const value = report.cells[id];
  if (value === undefined) return '（空）';
  return getFormat(format).cells.find((c) => c.id === id)?.kind === 'money' ? fenToWan(value) : String(value);
}

/** The three tables row by row, as the report printed them. */
function tableLines(format: FormatId, report: ReportData, uncertain: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const table of Object.values(getFormat(format).tables)) {
    const section = SECTIONS.find((s) => s.key === table.section)!;
    out.push('', sectionHeading(section));
    const rows = new Map<string, typeof table.cells>();
    for (const c of table.cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
    for (const cells of rows.values()) {
      // 表四 has no row labels: its groups are the outer column headers
      const label = cells[0]!.rowPath.join(' ') || cells[0]!.colPath.slice(0, -1).join('·');
      const values = cells.map((c) => `${show(format, report, c.id)}${uncertain.has(c.id) ? '?' : ''}`);
      out.push(`  ${label}：${values.join('  ')}`);
    }
  }
  return out;
}

function summary(outcome: Extract<ImportOutcome, { ok: true }>): string[] {
  const { report, detected, warnings, uncertain } = outcome;
  const level = detected.level ? AGENCY_LEVEL_LABELS[detected.level] : '（没有判断出层级）';
  const texts = [
    ...(report.sections.intro ? ['导语'] : []),
    ...SECTIONS.filter((s) => report.sections[s.key] || (s.table && report.sections[`note_${s.table}`])).map((s) => s.numeral),
  ];
  const lines = [
    `${detected.agencyName || '（没有找到机关名称）'} ${detected.year ?? '（没有找到年度）'} 年政府信息公开工作年度报告`,
    `格式：${report.format === 'free' ? '自由格式（没有统计表）' : FORMATS[report.format].name}　机关层级：${level}`,
    `读到：${Object.keys(report.cells).length} 格数字；文字：${texts.join('、') || '无'}`,
  ];
  if (report.format !== 'free') lines.push(...tableLines(report.format, report, new Set(uncertain)));
  if (uncertain.length) lines.push('', `带「?」的 ${uncertain.length} 格没有把握读对，请对照原文核对：${uncertainRows(report.format, uncertain).join('、')}`);
  if (warnings.length) lines.push('', '提醒：', ...warnings.map((w) => `  - ${w}`));
  lines.push('', `按规则核对原文数字：${summaryText(classify(checkReport(report)))}（详情：nianbao import FILE --out X.nianbao.json，再 nianbao check X.nianbao.json）`);
  return lines;
}

/** The rows holding uncertain cells: 「表三「1.属于国家秘密」」, one per row rather than one per cell. */
function uncertainRows(format: ReportData['format'], uncertain: readonly string[]): string[] {
  if (format === 'free') return [];
  const rows = new Map<string, string>();
  for (const id of uncertain) {
    const def = cellDef(format, id);
    if (!def) continue;
    const name = cellName(def);
    rows.set(`${def.table}.${def.row}`, def.rowPath.length ? name.slice(0, name.lastIndexOf('·')) : name);
  }
  return [...rows.values()];
}

function warn(io: CliIO, outcome: Extract<ImportOutcome, { ok: true }>): void {
  for (const w of outcome.warnings) io.err(`注意：${w}`);
  const rows = uncertainRows(outcome.report.format, outcome.uncertain);
  if (rows.length) io.err(`注意：这些行的 ${outcome.uncertain.length} 格没有把握读对，请对照原文核对：${rows.join('、')}`);
}

export const importCommand: Command = {
  name: 'import',
  summary: '读取已公布的年度报告（网页、Word、PDF、文字；可以一次读一个文件夹），输出为报告文件',
  usage: [
    'nianbao import FILE [--json] [--out REPORT.nianbao.json]',
    'nianbao import FILE… | FOLDER… [--json --out FOLDER]',
    '  读取已公布的年度报告：网页（.html）、Word 文件（.docx）、PDF（.pdf）、文字（.txt）或报告文件（.nianbao.json）；',
    '  也读年报助手的报送包（.nianbao，先核验封签）和 Excel 表格（.xlsx）。',
    '  给出几个文件或一个文件夹时，每个文件打印一行：年度、机关、读到几格数字、几格没有把握、规则错误几条；',
    '  加 --json --out 文件夹，每个文件另存一个报告文件（原文件名加 .nianbao.json）。',
    '  数字按原文读取，合计也按原文保留，核对时能看出原文哪里对不上。',
    '  不加参数   列出读到的机关、年度、格式、三张表的数字和需要核对的地方',
    '  --json     在标准输出打印报告文件（.nianbao.json）；提醒打印到标准错误输出',
    '  --out      把报告文件保存到指定位置',
    '  退出码：0 读到了报告（几个文件时：每个都读到了）；2 有文件什么也没读到（会说明原因）。',
  ].join('\n'),
  async run(argv, io) {
    const args = positionals(argv, ['--out']);
    if (!args.length) {
      io.err('请给出要导入的文件，例如：nianbao import 2023年报告.html');
      return 2;
    }
    const files = inputsOf(args);
    if (files.length !== 1 || args.length !== 1 || files[0] !== args[0]) return runBatch(files, argv, io);
    const file = files[0]!;
    const outcome = await readAny(file);
    if (!outcome.ok) {
      io.err(`无法导入 ${file}：${outcome.message}`);
      return 2;
    }
    // a report file must name its year; a text with no year in it is not a report
    if (!outcome.detected.year) {
      io.err(`无法导入 ${file}：${NO_YEAR}。请确认文件；也可以在桌面程序里「导入已公布的报告」，手工填写年度。`);
      return 2;
    }
    const document = serializeReportFile(outcome.report);
    const out = option(argv, '--out');
    if (out) {
      try {
        await writeFileAtomic(out, document);
      } catch (err) {
        io.err(err instanceof Error ? err.message : String(err));
        return 2;
      }
    }
    if (flag(argv, '--json')) {
      // stdout stays a valid report file: everything else goes to stderr
      io.out(document.trimEnd());
      warn(io, outcome);
    } else {
      io.out(summary(outcome).join('\n'));
      if (out) io.out(`\n已保存报告文件：${out}`);
    }
    return 0;
  },
};

/** A reason why a read report is not one: no year found. */
const NO_YEAR = '没有找到报告年度（标题里通常写着「XXXX年政府信息公开工作年度报告」），这不像一份年度报告，或者标题没有一起复制进来';

/**
 * Several files or a folder: one line per file, then a total. With --json --out FOLDER each
 * report is saved as its own report file; files are read one after the other, so memory holds
 * one report at a time.
 */
async function runBatch(files: readonly string[], argv: readonly string[], io: CliIO): Promise<number> {
  if (!files.length) {
    io.err('给出的文件夹里没有可以导入的文件（网页、Word、PDF、文字或报告文件）');
    return 2;
  }
  const outDir = option(argv, '--out');
  const json = flag(argv, '--json');
  if (json && !outDir) {
    io.err('几个文件一起导入时，--json 要和 --out 文件夹一起用：每个文件另存一个报告文件');
    return 2;
  }
  if (outDir) fs.mkdirSync(outDir, { recursive: true });
  let failed = 0;
  let figures = 0;
  for (const file of files) {
    const outcome = await readAny(file);
    if (!outcome.ok || !outcome.detected.year) {
      failed++;
      io.out(`${file}：无法导入：${outcome.ok ? NO_YEAR : outcome.message}`);
      continue;
    }
    const { report, detected, uncertain } = outcome;
    const errors = checkReport(report).filter((f) => f.severity === 'error').length;
    const read = Object.keys(report.cells).length;
    figures += read;
    const format = report.format === 'free' ? '自由格式' : `${report.format} 年版`;
    let line = `${file}：${detected.year} 年 ${detected.agencyName || '（没有找到机关名称）'}（${format}）读到 ${read} 格，没有把握 ${uncertain.length} 格，规则错误 ${errors} 条`;
    if (outDir) {
      const target = path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, '')}.nianbao.json`);
      await writeFileAtomic(target, serializeReportFile(report));
      line += ` → ${target}`;
    }
    io.out(line);
  }
  io.out(`共 ${files.length} 个文件：读到 ${files.length - failed} 份报告（${figures} 格数字），${failed} 个无法导入`);
  return failed ? 2 : 0;
}
