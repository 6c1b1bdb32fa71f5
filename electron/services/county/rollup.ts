import type { RollupResult } from '../../../core/api.js';
import { buildDocument, exportFileName, EXPORT_MIME } from '../../../core/document/index.js';
import { getFormat, SECTIONS, sectionHeading, tableName } from '../../../core/format/index.js';
import { computeRates, formatRate } from '../../../core/report/rates.js';
import { emptyAgency, type ReportData } from '../../../core/report/index.js';
import { rollupReports, SPLITS, type UnitReport } from '../../../core/rollup/index.js';
import { checkReport } from '../../../core/rules/index.js';
import { fenToWan } from '../../../core/report/money.js';
import { renderDocx } from '../../export/docx.js';
import type { Store } from '../../store/index.js';
import { AppError } from '../../../core/api.js';
import { exportBatch, type BatchSource, type ExportFile, type ExportHost } from '../export.js';
import { reportWorkbook, writeTablesWorkbook, XLSX_MIME } from '../xlsx.js';
import { unitReports } from './board.js';
import { countySettings } from './workspace.js';

/**
 * 「全县汇总」: the official three tables summed over the chosen units (all collected ones by
 * default), with each cell's 本级 / 部门 / 乡镇街道 parts, the rates a reviewer looks at (each
 * with its formula, from core/report/rates.ts), and the roll-up checked by the same table rules as
 * any report: it is kept as figures as summed (origin 'imported'), so a unit's total that does not
 * add up shows in the roll-up too. Exported as DOCX, PDF and .xlsx.
 */

export function rollupOf(store: Store, year: number, unitIds?: readonly number[]): RollupResult {
  const settings = countySettings(store);
  const reports = unitReports(store, year, unitIds);
  const received = new Set(reports.map((r) => r.unit.id));
  const chosen = unitIds ? new Set(unitIds) : undefined;
  const missing = store.county
    .units()
    .filter((u) => u.mustReport && !received.has(u.id) && (!chosen || chosen.has(u.id)))
    .map((u) => u.name);
  return buildRollup(reports, year, settings.name, missing);
}

/** The roll-up of these reports: for the workspace, and for `nianbao rollup` over files. */
export function buildRollup(reports: readonly UnitReport[], year: number, countyName: string, missing: readonly string[] = []): RollupResult {
  const sum = rollupReports(reports, year);
  const name = countyName || '本级';
  const title = `${name}${year}年政府信息公开工作年度报告（全县汇总）`;
  const rates = computeRates(sum.format, sum.cells).map((r) => ({
    id: r.def.id,
    label: r.def.label,
    formula: r.def.formula,
    meaning: r.def.meaning,
    numerator: r.numerator,
    denominator: r.denominator,
    ratio: r.ratio,
    shown: formatRate(r.ratio),
  }));
  const split = SPLITS.map((s) => `${s.label} ${sum.splitUnits[s.key]} 个`).join('、');
  const overview = [
    `本汇总合计了 ${sum.included.length} 个单位的 ${year} 年度报告（${split}）。`,
    missing.length ? `应报送而没有收到报告的单位：${missing.join('、')}。` : '应报送的单位都已收到报告。',
    ...sum.skipped.map((s) => `没有计入${s.unit.name}：${s.reason}。`),
    '主要比率：',
    ...rates.map((r) => `${r.label} ${r.shown}（${r.formula}）。`),
  ].join('\n');
  const report: ReportData = {
    format: sum.format,
    year,
    agency: { ...emptyAgency(`${name}（全县汇总）`), level: 'county' },
    cells: sum.cells,
    sections: { s1: overview, s5: '', s6: '' },
    notes: {},
    origin: 'imported',
  };
  // the rules that read figures: the roll-up has no prose of its own to check
  const findings = checkReport(report).filter((f) => f.cells.length > 0);
  return {
    year,
    format: sum.format,
    title,
    report,
    splits: sum.splits,
    splitUnits: sum.splitUnits,
    included: sum.included.map((u) => ({ id: u.id, name: u.name })),
    skipped: sum.skipped.map((s) => ({ id: s.unit.id, name: s.unit.name, reason: s.reason })),
    missing: [...missing],
    findings,
    rates,
  };
}

/** The roll-up as a document: the three tables summed, the overview with the rates as section 一. */
function rollupDocument(r: RollupResult) {
  return buildDocument(r.report, { draft: false });
}

function stem(r: RollupResult): string {
  return exportFileName(r.report, false, 'pdf').replace(/\.pdf$/, '');
}

/** The roll-up as one report of a batch export (its PDF is printed like every other report's). */
export function rollupSource(r: RollupResult): BatchSource {
  return { label: r.title, prepare: () => ({ report: r.report, doc: rollupDocument(r), draft: false }) };
}

/** The roll-up as DOCX, .xlsx, or PDF through the batch path (services/export.ts exportBatch), with the host's PDF route when it has one. */
export async function rollupFile(r: RollupResult, format: 'docx' | 'pdf' | 'xlsx', host: ExportHost = {}): Promise<ExportFile> {
  if (format === 'xlsx') {
    const base = reportWorkbook(r.report, false);
    const def = getFormat(r.format);
    const money = new Set(def.cells.filter((c) => c.kind === 'money').map((c) => c.id));
    // one sheet per table for the total, then one per table for each part
    const parts = SPLITS.flatMap((s) =>
      Object.values(def.tables).map((table) => ({
        name: `${tableName(table.id)}·${s.label}`,
        heading: `${sectionHeading(SECTIONS.find((x) => x.key === table.section)!)}（${s.label}，${r.splitUnits[s.key]} 个单位）`,
        table,
        value: (id: string) => {
          const v = r.splits[s.key][id];
          return v === undefined ? undefined : money.has(id) ? Number(fenToWan(v)) : v;
        },
      })),
    );
    return { fileName: `${stem(r)}.xlsx`, mime: XLSX_MIME, format: 'xlsx', bytes: await writeTablesWorkbook({ title: r.title, sheets: [...base.sheets, ...parts] }) };
  }
  if (format === 'docx') return { fileName: `${stem(r)}.docx`, mime: EXPORT_MIME.docx, format, bytes: await renderDocx(rollupDocument(r)) };
  const [outcome] = await exportBatch([rollupSource(r)], 'pdf', () => undefined, undefined, host);
  if (!outcome!.ok) throw new AppError(outcome!.refused ? 'refused' : 'internal', outcome!.message);
  return outcome!.file;
}

