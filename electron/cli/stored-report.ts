import path from 'node:path';
import { openStoreReadOnly, platformDataDir, StoreFault, type Store } from '../store/index.js';
import { option, type CliIO } from './command.js';

/**
 * `--agency 机关全称 --year N [--data-dir DIR]`: a report kept by the app, for the commands that
 * read one (export, package, compare). The store is opened read only and without the folder's
 * lock, so they work beside a running app, and never create a store.
 */
export interface StoredReport {
  store: Store;
  reportId: number;
}

/** The report the options name, its store open (the caller closes it); or undefined, the reason printed. */
export function openStoredReport(argv: readonly string[], io: CliIO): StoredReport | undefined {
  const agencyName = option(argv, '--agency')?.trim();
  const year = Number(option(argv, '--year'));
  if (!agencyName || !Number.isInteger(year)) {
    io.err('请同时给出 --agency 机关全称 和 --year 年份，例如 --agency 某某镇人民政府 --year 2024');
    return undefined;
  }
  const store = openStoreForReading(argv, io);
  if (!store) return undefined;
  const agencies = store.agencies.list();
  const agency = agencies.find((a) => a.name.trim() === agencyName);
  const reportId = agency ? store.reports.findByYear(agency.id, year) : undefined;
  if (reportId !== undefined) return { store, reportId };
  io.err(agency ? `「${agencyName}」还没有 ${year} 年的报告。` : `没有名为「${agencyName}」的机关。已有：${agencies.map((a) => a.name).join('、') || '（无）'}`);
  store.close();
  return undefined;
}

/** The store of `--data-dir` (or the usual folder), read only; or undefined, the reason printed. */
export function openStoreForReading(argv: readonly string[], io: CliIO): Store | undefined {
  try {
    return openStoreReadOnly(path.resolve(option(argv, '--data-dir') ?? platformDataDir()));
  } catch (e) {
    if (!(e instanceof StoreFault)) throw e;
    io.err(e.message);
    return undefined;
  }
}
