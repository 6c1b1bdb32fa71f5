import fs from 'node:fs';
import path from 'node:path';
import { AGENCY_LEVEL_LABELS, type AgencyLevel } from '../../core/report/model.js';
import { formatRate } from '../../core/report/rates.js';
import { levelFromName } from '../services/county/workspace.js';
import type { UnitReport } from '../../core/rollup/index.js';
import { closePdfRenderer, PdfError } from '../export/pdf.js';
import { ExportWriteError, writeFileAtomic } from '../export/write-file.js';
import { serializeReportFile } from '../../core/report/file.js';
import { readArrival } from '../services/county/collect.js';
import { board } from '../services/county/board.js';
import { buildRollup, rollupFile } from '../services/county/rollup.js';
import { flag, option, positionals, type Command } from './command.js';
import { readFailure } from './read-report.js';
import { openStoreForReading } from './stored-report.js';

/**
 * The county workspace from a terminal (issue 15): `nianbao rollup` sums report files, packages
 * or published reports into the official tables; `nianbao units` and `nianbao status` read the
 * workspace kept by the app (read only, beside a running app).
 */

const EXIT = { ok: 0, failed: 2 } as const;

/** Files given, and the readable files of the folders given (one level down). */
function expand(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    const stat = fs.statSync(a, { throwIfNoEntry: false });
    if (stat?.isDirectory()) for (const f of fs.readdirSync(a).sort()) out.push(path.join(a, f));
    else out.push(a);
  }
  return out.filter((f) => fs.statSync(f, { throwIfNoEntry: false })?.isFile() ?? true);
}

export const rollupCommand: Command = {
  name: 'rollup',
  summary: '汇总多个单位的报告（报告文件、报送包或已公布的报告）为全县汇总表：DOCX、PDF、报告文件或 Excel',
  usage: [
    'nianbao rollup 文件…|文件夹 --year 2024 --name 某某县 --out 全县汇总.docx [--xlsx 全县汇总.xlsx] [--json]',
    '  读入每个单位的报告（.nianbao.json 报告文件、.nianbao 报送包、网页、PDF、Word、文字、Excel），',
    '  三张统计表逐格相加，按本级 / 部门 / 乡镇街道分列（Excel 中每张表另有三个分表），并用表格规则核对汇总表。',
    '  --out     汇总的文件：.docx、.pdf，或 .json（报告文件）',
    '  --xlsx    另存三张表及其分列为 Excel',
    '  --json    在标准输出打印汇总结果（数字、比率、核对）',
    '  退出码：0 已汇总；2 没有一个文件读得了，或参数不对。',
  ].join('\n'),
  async run(argv, io) {
    const valued = ['--year', '--name', '--out', '--xlsx'];
    const files = expand(positionals(argv, valued));
    const year = Number(option(argv, '--year'));
    const out = option(argv, '--out');
    const xlsx = option(argv, '--xlsx');
    if (!files.length) return (io.err('请给出要汇总的报告文件或文件夹'), EXIT.failed);
    if (!Number.isInteger(year) || year < 2019) return (io.err('请用 --year 给出汇总的年度，例如 --year 2024'), EXIT.failed);
    if (!out && !xlsx && !flag(argv, '--json')) return (io.err('请用 --out 指定汇总文件，例如 --out 全县汇总.docx'), EXIT.failed);
    if (out && !/\.(docx|pdf|json)$/i.test(out)) return (io.err('--out 的文件应以 .docx、.pdf 或 .json 结尾'), EXIT.failed);
    const reports: UnitReport[] = [];
    const seen = new Set<string>();
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (err) {
        io.err(`跳过 ${file}：${readFailure(err)}`);
        continue;
      }
      const arrival = await readArrival(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), path.basename(file));
      if (typeof arrival === 'string') {
        io.err(`跳过 ${file}：${arrival}`);
        continue;
      }
      const { report } = arrival;
      const name = report.agency.name.trim() || path.basename(file);
      if (seen.has(name)) {
        io.err(`跳过 ${file}：${name} 的报告已经读过一份`);
        continue;
      }
      seen.add(name);
      const level: AgencyLevel = report.agency.level !== 'other' ? report.agency.level : levelFromName(name) ?? 'other';
      reports.push({ unit: { id: reports.length + 1, name, level, mustReport: true }, report });
    }
    if (!reports.length) return (io.err('没有一个文件读得了，没有汇总。'), EXIT.failed);
    const r = buildRollup(reports, year, option(argv, '--name')?.trim() ?? '');
    try {
      if (out) {
        const format = out.toLowerCase().endsWith('.json') ? 'json' : out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx';
        await writeFileAtomic(out, format === 'json' ? serializeReportFile(r.report) : (await rollupFile(r, format)).bytes);
      }
      if (xlsx) await writeFileAtomic(xlsx, (await rollupFile(r, 'xlsx')).bytes);
    } catch (e) {
      // the folder is read-only, the file open in Word, no browser for the PDF…: the message says which
      if (e instanceof ExportWriteError || e instanceof PdfError) return (io.err(e.message), EXIT.failed);
      throw e;
    } finally {
      await closePdfRenderer();
    }
    if (flag(argv, '--json')) {
      io.out(JSON.stringify({ title: r.title, included: r.included.map((u) => u.name), skipped: r.skipped, cells: r.report.cells, splits: r.splits, rates: r.rates, findings: r.findings }, null, 2));
      return EXIT.ok;
    }
    io.out(`${r.title}：汇总了 ${r.included.length} 个单位${r.skipped.length ? `，没有计入 ${r.skipped.length} 个（${r.skipped.map((s) => `${s.name}：${s.reason}`).join('；')}）` : ''}。`);
    for (const x of r.rates) io.out(`  ${x.label} ${x.shown}  ${x.formula}`);
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    io.out(errors ? `汇总表有 ${errors} 条错误（来自单位自己的数字），请用 nianbao check 核对各单位的报告。` : '汇总表符合表格规则。');
    if (out) io.out(`已写出 ${out}`);
    if (xlsx) io.out(`已写出 ${xlsx}`);
    return EXIT.ok;
  },
};

export const unitsCommand: Command = {
  name: 'units',
  summary: '列出本机保存的所属单位名单（县级汇总工作台）',
  usage: ['nianbao units [--data-dir 文件夹] [--json]', '  列出单位、类型、上级单位、代码、是否应报。'].join('\n'),
  async run(argv, io) {
    const store = openStoreForReading(argv, io);
    if (!store) return EXIT.failed;
    try {
      const units = store.county.units();
      if (flag(argv, '--json')) {
        io.out(JSON.stringify(units, null, 2));
        return EXIT.ok;
      }
      const names = new Map(units.map((u) => [u.id, u.name]));
      if (!units.length) io.out('还没有所属单位。在年报助手的「收集所属单位年报 → 所属单位」中添加或导入名单。');
      for (const u of units) io.out([u.name, AGENCY_LEVEL_LABELS[u.level], u.parentId ? `上级：${names.get(u.parentId)}` : '', u.code, u.mustReport ? '应报' : '不需报'].filter(Boolean).join('\t'));
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};

export const statusCommand: Command = {
  name: 'status',
  summary: '所属单位某一年度的报送和公布情况（与工作台「报送情况」相同）',
  usage: ['nianbao status --year 2024 [--data-dir 文件夹] [--json]', '  每个单位一行：状态、错误/警告数、公布日期、期限、是否按时；最后一行是按时公布率。'].join('\n'),
  async run(argv, io) {
    const year = Number(option(argv, '--year'));
    if (!Number.isInteger(year) || year < 2008) return (io.err('请用 --year 给出年度，例如 --year 2024'), EXIT.failed);
    const store = openStoreForReading(argv, io);
    if (!store) return EXIT.failed;
    try {
      const b = board(store, year);
      if (flag(argv, '--json')) {
        io.out(JSON.stringify(b, null, 2));
        return EXIT.ok;
      }
      for (const r of b.rows) {
        io.out(
          [r.unit.name, r.stateLabel, r.collectedId ? `错误 ${r.errors} 警告 ${r.warnings}` : '', r.publishedOn ? `公布 ${r.publishedOn}${r.onTime ? '（按时）' : '（逾期）'}` : '未公布', `期限 ${r.deadline}`]
            .filter(Boolean)
            .join('\t'),
        );
      }
      io.out(`按时公布率 ${formatRate(b.onTime.rate)}（${b.onTime.onTime}/${b.onTime.of}）`);
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
