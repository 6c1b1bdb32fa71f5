import fs from 'node:fs';
import path from 'node:path';
import { AppError, type CollectOutcome } from '../../../core/api.js';
import { looksLikePackage, openPackage, type CommentThread, type PackageManifest } from '../../../core/package/index.js';
import { parseReportFile, serializeReportFile, type ReportData } from '../../../core/report/index.js';
import { checkReport } from '../../../core/rules/index.js';
import type { Store } from '../../store/index.js';
import { importFileBytes } from '../import.js';
import { refusal, sealShort } from '../package.js';
import { isWorkbook, readWorkbook } from '../xlsx.js';
import { levelFromName, saveUnit } from './workspace.js';

/**
 * 「收取」: a unit's report arriving, in whatever form it comes — a sealed package (verified
 * first: a package whose seal does not hold is refused with what changed), a report file, or a
 * published page or file read by the importer (HTML, PDF, DOCX, text, xlsx). It is filed under
 * its unit (found by name, or by the code a package carries; a unit the roster lacks is learnt
 * from what the report says) and year, replacing what that unit had sent for that year.
 */

export interface Arrival {
  report: ReportData;
  source: 'package' | 'import' | 'paper';
  state: 'draft' | 'signed';
  seal: string;
  manifest?: PackageManifest;
  thread?: CommentThread;
  /** what to tell the clerk beside the outcome (the importer's doubts) */
  notes: string[];
}

const isJson = (bytes: Uint8Array, name: string) => /\.json$/i.test(name) || (bytes[0] === 0x7b && /"schema"\s*:\s*"nianbao\.report/.test(new TextDecoder().decode(bytes.subarray(0, 200))));

/** Reads one file into an arrival, or says why it cannot be taken. */
export async function readArrival(bytes: Uint8Array, name: string): Promise<Arrival | string> {
  if (looksLikePackage(bytes, name)) {
    const opened = openPackage(bytes);
    if (opened.status !== 'intact') return refusal(opened);
    if (opened.manifest.purpose === 'review') return '这是县里退回给单位的意见包，不是单位报送的报告。单位在自己的年报助手里打开它';
    return {
      report: opened.report,
      source: 'package',
      state: opened.manifest.state,
      seal: opened.manifest.seal.value,
      manifest: opened.manifest,
      ...(opened.comments ? { thread: opened.comments } : {}),
      notes: [`封签完好（${sealShort(opened.manifest)}）`],
    };
  }
  if (isJson(bytes, name)) {
    const read = parseReportFile(new TextDecoder().decode(bytes));
    if (!read.ok) return read.message;
    return { report: read.report, source: 'import', state: 'draft', seal: '', notes: read.warnings };
  }
  const outcome = isWorkbook(bytes, name) ? await readWorkbook(bytes) : await importFileBytes(bytes, name);
  if (!outcome.ok) return outcome.message;
  if (!Object.keys(outcome.report.cells).length) return '没有读到统计表里的数字，不像是年度报告。如果是扫描件或照片，请用「纸质已收」录入数字';
  // a published page or file is the published, final copy
  const notes = outcome.uncertain.length ? [`有 ${outcome.uncertain.length} 格没有把握，请打开核对`] : [];
  return { report: outcome.report, source: 'import', state: 'signed', seal: '', notes };
}

/** The unit a report belongs to: by name, then by a package's code; learnt when the roster lacks it. */
function unitFor(store: Store, arrival: Arrival, now: string): { id: number; name: string; learned: boolean } | string {
  const name = arrival.report.agency.name.trim();
  const byName = name ? store.county.unitByName(name) : undefined;
  if (byName) return { id: byName.id, name: byName.name, learned: false };
  const code = arrival.manifest?.unit.code;
  const byCode = code ? store.county.units().find((u) => u.code === code) : undefined;
  if (byCode) return { id: byCode.id, name: byCode.name, learned: false };
  if (!name) return '读不出这是哪个单位的报告（报告里没有机关名称）。请先在单位名单里添加该单位，再用「纸质已收」录入，或让单位用年报助手导出报送包';
  const level = arrival.report.agency.level !== 'other' ? arrival.report.agency.level : levelFromName(name) ?? 'other';
  const parentName = arrival.manifest?.unit.parent;
  const parent = parentName ? store.county.unitByName(parentName) : undefined;
  const unit = saveUnit(store, undefined, { name, level, code: code ?? '', mustReport: true, contact: arrival.report.agency.contact.phone, ...(parent ? { parentId: parent.id } : {}) }, now);
  return { id: unit.id, name: unit.name, learned: true };
}

/** The report's own rules; a paper copy's prose is not typed in, so only its figures are checked. */
function counts(report: ReportData, figuresOnly: boolean): { errors: number; warnings: number } {
  const findings = checkReport(report).filter((f) => !figuresOnly || f.cells.length > 0);
  return { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
}

/** Files one arrival; the outcome says what was done. */
export function fileArrival(store: Store, arrival: Arrival, fileName: string, now: string): CollectOutcome {
  return store.transaction(() => {
    const unit = unitFor(store, arrival, now);
    if (typeof unit === 'string') return { fileName, ok: false, message: unit };
    const { report } = arrival;
    const before = store.county.collectedOf(unit.id, report.year);
    // the same package or report read again (an inbox read twice): nothing changes, not even when it came
    if (before && (arrival.seal ? before.seal === arrival.seal : serializeReportFile(before.report) === serializeReportFile(report))) {
      return { fileName, ok: true, unitName: unit.name, year: report.year, message: `${unit.name} ${report.year} 年的这份报告已经收过，没有变化。` };
    }
    // answers to the county's remarks: the package carries the whole thread
    const answers = arrival.thread ? arrival.thread.items.filter((c) => c.from === 'unit').length : 0;
    store.county.putCollected({
      unitId: unit.id,
      year: report.year,
      source: arrival.source,
      fileName,
      state: arrival.state,
      report,
      ...counts(report, arrival.source === 'paper'),
      seal: arrival.seal,
      ...(arrival.thread ? { thread: arrival.thread } : {}),
      receivedAt: now,
    });
    const what = arrival.source === 'package' ? `报送包（${arrival.state === 'signed' ? '定稿' : '草稿'}）` : arrival.source === 'paper' ? '纸质报告' : '已公布的报告';
    const parts = [
      `已收取${unit.name} ${report.year} 年的${what}`,
      unit.learned ? '名单里原来没有这个单位，已按报告添加' : '',
      before ? '替换了之前收到的版本' : '',
      answers ? `带回了 ${answers} 条对意见的答复` : '',
      ...arrival.notes,
    ].filter(Boolean);
    return { fileName, ok: true, unitName: unit.name, year: report.year, learned: unit.learned, ...(answers ? { answers } : {}), message: `${parts.join('；')}。` };
  });
}

/** Reads and files one file's bytes. */
export async function collectBytes(store: Store, bytes: Uint8Array, fileName: string, now: string): Promise<CollectOutcome> {
  let arrival: Arrival | string;
  try {
    arrival = await readArrival(bytes, fileName);
  } catch (err) {
    arrival = `读取时出错：${err instanceof Error ? err.message : String(err)}`;
  }
  if (typeof arrival === 'string') return { fileName, ok: false, message: arrival };
  return fileArrival(store, arrival, fileName, now);
}

/** Files the app reads from a folder: reports and packages, not the clerk's other documents. */
const READABLE = /\.(nianbao|json|html?|mhtml|pdf|docx|txt|xlsx)$/i;

/** Reads every readable file of a folder (not its sub-folders' sub-folders: one level down at most). */
export async function collectFolder(store: Store, folder: string, now: () => string): Promise<CollectOutcome[]> {
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('refused', `收件文件夹「${folder}」打不开（${code === 'ENOENT' ? '不存在，U 盘可能没有插好' : code ?? String(err)}）。请检查后再试，或在「设置」里改为别的文件夹`);
  }
  const files: string[] = [];
  for (const e of entries.sort()) {
    const full = path.join(folder, e);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      for (const inner of fs.readdirSync(full).sort()) if (READABLE.test(inner)) files.push(path.join(full, inner));
    } else if (stat?.isFile() && READABLE.test(e)) files.push(full);
  }
  const out: CollectOutcome[] = [];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    out.push(await collectBytes(store, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), path.relative(folder, file), now()));
  }
  return out;
}
