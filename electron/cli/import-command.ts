import fs from 'node:fs';
import path from 'node:path';
import { cellDef, cellName, FORMATS, getFormat, sectionHeading, SECTIONS, type FormatId } from '../../core/format/index.js';
import { importBytes, IMPORT_LIMITS, refuseUnread, type ImportOutcome } from '../../core/import/index.js';
import { AGENCY_LEVEL_LABELS, serializeReportFile, fenToWan, type ReportData } from '../../core/report/index.js';
import { checkReport, SEVERITY_LABELS } from '../../core/rules/index.js';
import { writeFileAtomic } from '../export/write-file.js';
import { flag, option, positionals, type CliIO, type Command } from './command.js';
import { readFailure } from './read-report.js';
import { readSpecialFile } from '../services/sources.js';

/** Enough of a file's start to tell what it is (zip, PDF, picture…) without reading it. */
const HEAD_BYTES = 4096;

/**
 * Reads a file for import: its size and first bytes decide first, so a huge file is refused
 * without being read into memory.
 */
export function readForImport(file: string): ImportOutcome {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const { size } = fs.fstatSync(fd);
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    fs.readSync(fd, head, 0, head.length, 0);
    const refused = refuseUnread(size, head, path.basename(file));
    if (refused) return { ok: false, message: refused };
    // refuseUnread has bounded the size (IMPORT_LIMITS); read what it allowed
    const bytes = new Uint8Array(Math.min(size, IMPORT_LIMITS.maxDocxBytes));
    fs.readSync(fd, bytes, 0, bytes.length, 0);
    return importBytes(bytes, path.basename(file));
  } catch (err) {
    return { ok: false, message: readFailure(err) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
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
  const counts = (['error', 'warning', 'hint'] as const).map((s) => ({ s, n: checkReport(report).filter((f) => f.severity === s).length }));
  const lines = [
    `${detected.agencyName || '（没有找到机关名称）'} ${detected.year ?? '（没有找到年度）'} 年政府信息公开工作年度报告`,
    `格式：${report.format === 'free' ? '自由格式（没有统计表）' : FORMATS[report.format].name}　机关层级：${level}`,
    `读到：${Object.keys(report.cells).length} 格数字；文字：${texts.join('、') || '无'}`,
  ];
  if (report.format !== 'free') lines.push(...tableLines(report.format, report, new Set(uncertain)));
  if (uncertain.length) lines.push('', `带「?」的 ${uncertain.length} 格没有把握读对，请对照原文核对：${uncertainRows(report.format, uncertain).join('、')}`);
  if (warnings.length) lines.push('', '提醒：', ...warnings.map((w) => `  - ${w}`));
  lines.push('', `按规则核对原文数字：${counts.map(({ s, n }) => `${SEVERITY_LABELS[s]} ${n} 条`).join('，')}（详情：nianbao import FILE --out X.nianbao.json，再 nianbao check X.nianbao.json）`);
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
  summary: '读取已公布的年度报告（网页、Word、文字），输出为报告文件',
  usage: [
    'nianbao import FILE [--json] [--out REPORT.nianbao.json]',
    '  读取已公布的年度报告：网页（.html）、Word 文件（.docx）、文字（.txt）或报告文件（.nianbao.json）；',
    '  也读年报助手的报送包（.nianbao，先核验封签）和 Excel 表格（.xlsx）。',
    '  数字按原文读取，合计也按原文保留，核对时能看出原文哪里对不上。',
    '  不加参数   列出读到的机关、年度、格式、三张表的数字和需要核对的地方',
    '  --json     在标准输出打印报告文件（.nianbao.json）；提醒打印到标准错误输出',
    '  --out      把报告文件保存到指定位置',
    '  退出码：0 读到了报告；2 什么也没读到（会说明原因）。',
  ].join('\n'),
  async run(argv, io) {
    const [file] = positionals(argv, ['--out']);
    if (!file) {
      io.err('请给出要导入的文件，例如：nianbao import 2023年报告.html');
      return 2;
    }
    // a workbook or a sealed package is read by issue 14's readers, everything else by the importer
    const outcome = (await readSpecialFile(file)) ?? readForImport(file);
    if (!outcome.ok) {
      io.err(`无法导入 ${file}：${outcome.message}`);
      return 2;
    }
    // a report file must name its year; a text with no year in it is not a report
    if (!outcome.detected.year) {
      io.err(`无法导入 ${file}：没有找到报告年度（标题里通常写着「XXXX年政府信息公开工作年度报告」），这不像一份年度报告，或者标题没有一起复制进来。请确认文件；也可以在桌面程序里「导入已公布的报告」，手工填写年度。`);
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
