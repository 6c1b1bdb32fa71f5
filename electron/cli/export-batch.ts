import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/api.js';
import { shortFingerprint } from '../../core/document/index.js';
import type { ReportData } from '../../core/report/index.js';
import { writeFileAtomic } from '../export/write-file.js';
import { exportBatch, freeName, storedBatchSources, type BatchOutcome, type BatchSource } from '../services/export.js';
import type { Store } from '../store/index.js';
import { option, optionAll, type CliIO } from './command.js';
import { EXIT, prepareFile, type Common } from './export-options.js';
import { readReportFile } from './read-report.js';
import { openStoreForReading } from './stored-report.js';

/**
 * `nianbao export … --out-dir DIR`: several reports at once (report files, or a year's or an
 * agency's reports kept by the app), one file each in DIR, named by agency and year. The PDFs all
 * go through one browser (services/export.ts exportBatch). One line per report says where its
 * file went or why there is none; a report that fails does not stop the others.
 */

/** Several files, or a folder to write into, or reports chosen by --year or --agency alone: a batch. */
export function batchWanted(argv: readonly string[], files: readonly string[]): boolean {
  return files.length > 1 || option(argv, '--out-dir') !== undefined;
}

export async function exportMany(files: readonly string[], argv: readonly string[], common: Common, io: CliIO): Promise<number> {
  const started = performance.now();
  try {
    fs.mkdirSync(common.out, { recursive: true });
  } catch (e) {
    io.err(`无法建立文件夹「${common.out}」：${(e as NodeJS.ErrnoException).code === 'EACCES' ? '没有写入权限' : String(e)}`);
    return EXIT.failed;
  }
  let store: Store | undefined;
  let sources: BatchSource[];
  if (files.length) sources = fileSources(files, common, io);
  else {
    store = openStoreForReading(argv, io);
    if (!store) return EXIT.failed;
    const chosen = storedSources(store, argv, common);
    if (typeof chosen === 'string') {
      io.err(chosen);
      store.close();
      return EXIT.failed;
    }
    sources = chosen;
  }
  try {
    const taken = new Set(fs.readdirSync(common.out));
    const written = new Map<BatchSource, string>();
    let n = 0;
    const outcomes = await exportBatch(
      sources,
      common.format,
      async (file, source) => {
        const target = path.join(common.out, freeName(file.fileName, taken));
        await writeFileAtomic(target, file.bytes);
        written.set(source, target);
      },
      (outcome) => {
        n += 1;
        const where = `[${n}/${sources.length}] ${outcome.source.label}`;
        if (outcome.ok) io.out(`已导出 ${where} → ${written.get(outcome.source)}（${describe(outcome, common)}）`);
        else io.err(`没有导出 ${where}：${outcome.message}`);
      },
    );
    const failed = outcomes.filter((o) => !o.ok);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `共 ${outcomes.length} 份报告，已导出 ${outcomes.length - failed.length} 份${failed.length ? `，${failed.length} 份没有导出（原因见上）` : ''}，用时 ${seconds} 秒。文件在：${common.out}`;
    (failed.length ? io.err : io.out)(line);
    if (failed.some((o) => !o.ok && !o.refused)) return EXIT.failed;
    return failed.length ? EXIT.refused : EXIT.ok;
  } finally {
    store?.close();
  }
}

function describe(outcome: BatchOutcome & { ok: true }, common: Common): string {
  const { file } = outcome;
  const parts = [common.draft ? '草稿' : '正式版', common.format.toUpperCase(), `${(file.bytes.length / 1024).toFixed(1)} KB`];
  if (file.fingerprint) parts.push(`${file.versionLabel ? `${file.versionLabel} ` : ''}校验码 ${shortFingerprint(file.fingerprint)}`);
  return parts.join('，');
}

/**
 * Report files: each read once at the start; a final copy is checked with last year's report when
 * that is among the files too (same agency, the year before), as `--previous` does for one file.
 */
function fileSources(files: readonly string[], common: Common, io: CliIO): BatchSource[] {
  const read = files.map((file) => {
    const problems: string[] = [];
    const report = readReportFile(file, { out: io.out, err: (t) => problems.push(t) });
    return { file, report, problems };
  });
  const byAgencyYear = new Map<string, ReportData>();
  for (const { report } of read) if (report) byAgencyYear.set(`${report.agency.name.trim()}|${report.year}`, report);
  return read.map(({ file, report, problems }) => {
    const source: BatchSource = {
      label: report ? `${file}（${report.agency.name} ${report.year} 年）` : file,
      prepare() {
        if (!report) throw new AppError('invalid_args', problems.map((p) => p.replace(/^无法读取 .*?：/, '无法读取：')).join('；'));
        // warnings of an unmade file come before its line, named
        for (const p of problems) io.err(`${file}：${p}`);
        const previous = byAgencyYear.get(`${report.agency.name.trim()}|${report.year - 1}`);
        return prepareFile(report, previous, common, { out: io.out, err: (t) => io.err(`${file}：${t}`) });
      },
    };
    return source;
  });
}

/**
 * Reports kept by the app: `--year N` every agency's report of that year, `--agency NAME` (may be
 * repeated) every year of those agencies, both together the one report each. An agency named but
 * unknown, or without that year, is a line of its own that says so.
 */
function storedSources(store: Store, argv: readonly string[], common: Common): BatchSource[] | string {
  const names = optionAll(argv, '--agency').map((n) => n.trim());
  const yearText = option(argv, '--year');
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && !Number.isInteger(year)) return `--year 应是年份，例如 --year 2024（现在是「${yearText}」）`;
  if (!names.length && year === undefined) return '请给出报告文件，或用 --year（这一年所有单位）、--agency（这个单位所有年度）指定年报助手中的报告。';
  const agencies = [...store.agencies.list()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const options = {
    draft: common.draft,
    ...(common.approvalSheet ? { approvalSheet: true } : {}),
    ...(common.footerFingerprint ? { footerFingerprint: true } : {}),
    ...(common.lineSpacingPt ? { lineSpacingPt: common.lineSpacingPt } : {}),
  };
  const sources: BatchSource[] = [];
  const missing = (label: string, message: string): BatchSource => ({
    label,
    prepare: () => {
      throw new AppError('not_found', message);
    },
  });
  for (const name of names.length ? names : agencies.map((a) => a.name.trim())) {
    const agency = agencies.find((a) => a.name.trim() === name);
    if (!agency) {
      sources.push(missing(name, `没有名为「${name}」的机关。已有：${agencies.map((a) => a.name).join('、') || '（无）'}`));
      continue;
    }
    const ids =
      year === undefined
        ? store.reports
            .listForAgency(agency.id)
            .sort((a, b) => a.year - b.year)
            .map((r) => r.id)
        : [store.reports.findByYear(agency.id, year)].filter((id): id is number => id !== undefined);
    if (!ids.length && names.length) {
      sources.push(year === undefined ? missing(name, `「${name}」还没有报告。`) : missing(`${name} ${year} 年报告`, `「${name}」还没有 ${year} 年的报告。`));
    }
    sources.push(...storedBatchSources(store, ids, options));
  }
  if (!sources.length) return `本机数据中没有 ${year} 年的报告。`;
  return sources;
}
