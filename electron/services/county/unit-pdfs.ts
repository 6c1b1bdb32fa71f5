import { strToU8, zipSync, type Zippable } from 'fflate';
import { AppError } from '../../../core/api.js';
import { buildDocument } from '../../../core/document/index.js';
import type { Store } from '../../store/index.js';
import { exportBatch, freeName, type BatchSource, type ExportFile, type ExportHost } from '../export.js';
import { rollupOf, rollupSource } from './rollup.js';
import { countySettings } from './workspace.js';

/**
 * 「各单位报告 PDF」: the roll-up and every collected unit report of the year (or of the units
 * chosen) printed to PDF in one batch (services/export.ts exportBatch: one browser, two pages
 * printing at once), handed over as one .zip, so that the clerk saves one file instead of dozens.
 * A report that cannot be printed does not stop the others: 「导出说明.txt」 in the .zip names it
 * and says why.
 */

export const ZIP_MIME = 'application/zip';
const NOTE = '导出说明.txt';

/** Each chosen unit's collected report of the year, by unit name, as batch sources. */
function unitSources(store: Store, year: number, unitIds?: readonly number[]): BatchSource[] {
  const units = new Map(store.county.units().map((u) => [u.id, u]));
  const chosen = unitIds ? new Set(unitIds) : undefined;
  const zh = new Intl.Collator('zh-CN');
  return store.county
    .collected(year)
    .filter((c) => units.has(c.unitId) && (!chosen || chosen.has(c.unitId)))
    .sort((a, b) => zh.compare(units.get(a.unitId)!.name, units.get(b.unitId)!.name))
    .map((c) => ({
      label: units.get(c.unitId)!.name,
      // printed as the unit sent it: its own figures and text, no watermark
      prepare: () => ({ report: c.report, doc: buildDocument(c.report, { draft: false }), draft: false }),
    }));
}

export async function unitPdfsZip(store: Store, year: number, unitIds: readonly number[] | undefined, host: ExportHost = {}): Promise<ExportFile> {
  const units = unitSources(store, year, unitIds);
  if (!units.length) throw new AppError('refused', `${year} 年还没有收到任何单位的报告，没有可以导出的 PDF`);
  const rollup = rollupOf(store, year, unitIds);
  const outcomes = await exportBatch([rollupSource(rollup), ...units], 'pdf', () => undefined, undefined, host);
  const files: Zippable = {};
  const taken = new Set<string>([NOTE]);
  const failed: string[] = [];
  for (const o of outcomes) {
    // PDFs are compressed already: stored as they are, the .zip is made at once
    if (o.ok) files[freeName(o.file.fileName, taken)] = [o.file.bytes, { level: 0 }];
    else failed.push(`${o.source.label}：${o.message}`);
  }
  if (!Object.keys(files).length) throw new AppError('internal', `没有一份报告导出成功。${failed.join('；')}`);
  if (failed.length) {
    const note = [`以下 ${failed.length} 份报告没有导出成 PDF：`, ...failed, '', '其余报告的 PDF 都在这个压缩包里。'].join('\r\n');
    files[NOTE] = strToU8(note);
  }
  const county = countySettings(store).name || '本级';
  return { fileName: `${county}${year}年各单位政府信息公开工作年度报告（PDF）.zip`, mime: ZIP_MIME, format: 'zip', bytes: zipSync(files) };
}
