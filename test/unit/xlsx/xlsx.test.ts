import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { getFormat, gridPositions, type FormatId, type TableDef } from '../../../core/format/index.js';
import { serializeReportFile, withTotals, type ReportData } from '../../../core/report/index.js';
import { loadReport } from '../../../electron/services/reports.js';
import { readWorkbook, reportXlsx, unitNote } from '../../../electron/services/xlsx.js';
import { runCli } from '../cli/run-cli.js';
import { HAS_POPPLER, pdfText, squash } from '../export/helpers.js';
import { tmpDir } from '../helpers/tmp.js';
import { signableReport } from '../signoff/setup.js';

const HAS_CALC = spawnSync('sh', ['-c', 'ls /usr/lib/libreoffice/program/libsclo.so']).status === 0;

async function stored() {
  const backend = await signableReport({ 't2.fee.amount': 1_773_200 });
  return { ...backend, report: loadReport(backend.store, backend.reportId).data };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return book;
}
const save = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer());

/** Where a value cell is on the app's sheet (1-based row and column): the grid starts on row 4. */
function at(cellId: string): { row: number; col: number } {
  const def = getFormat('2021').cells.find((c) => c.id === cellId)!;
  const p = gridPositions(getFormat('2021').tables[def.table]).find((g) => g.cell.cell === cellId)!;
  return { row: 4 + p.row, col: 1 + p.col };
}

function differing(a: Record<string, number>, b: Record<string, number>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((id) => a[id] !== b[id]);
}

/**
 * A county office's own form: one sheet per table, no merges, the official labels in plain rows
 * (the leaf label of each row, the column headers of each block above it; 表四's three header
 * levels as three rows), under a line naming the unit.
 */
async function countyForm(format: FormatId, cells: Record<string, number>, options: { names: string[]; order: number[] }): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const tables = Object.values(getFormat(format).tables);
  for (const i of options.order) {
    const t = tables[i]!;
    const ws = book.addWorksheet(options.names[i]);
    ws.addRow(['填报单位：某某县清河镇人民政府', '', '2024年度']);
    const rows = new Map<string, TableDef['cells']>();
    for (const c of t.cells) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
    const value = (id: string) => {
      const v = cells[id];
      return v === undefined ? null : getFormat(format).cells.find((c) => c.id === id)?.kind === 'money' ? v / 1_000_000 : v;
    };
    if (t.id !== 't4') {
      let header = '';
      for (const cs of rows.values()) {
        const h = cs.map((c) => c.colPath.at(-1)).join('|');
        if (h !== header) ws.addRow(['项目', ...cs.map((c) => c.colPath.at(-1))]);
        header = h;
        ws.addRow([cs[0]!.rowPath.at(-1), ...cs.map((c) => value(c.id))]);
      }
    } else {
      const depth = Math.max(...t.cells.map((c) => c.colPath.length));
      for (let level = 0; level < depth; level++) ws.addRow(t.cells.map((c) => (level === depth - 1 ? c.colPath.at(-1) : c.colPath[level]) ?? ''));
      ws.addRow(t.cells.map((c) => value(c.id)));
    }
  }
  return save(book);
}

describe('the tables as an Excel workbook', () => {
  it('one sheet per table in the official layout: title, heading, unit note, every merge of the format, widths in proportion, the figures', async () => {
    const { report, store } = await stored();
    const book = await load(await reportXlsx(report, false));
    expect(book.worksheets.map((w) => w.name)).toEqual(['表二', '表三', '表四']);
    const format = getFormat('2021');
    for (const ws of book.worksheets) {
      const table = Object.values(format.tables).find((t) => ws.name === { t2: '表二', t3: '表三', t4: '表四' }[t.id])!;
      expect(ws.getCell(1, 1).value).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告');
      expect(ws.getCell(3, 1).value).toBe(unitNote(table));
      const merges = new Set((ws.model as { merges: string[] }).merges);
      for (const { cell, row, col } of gridPositions(table)) {
        const at = ws.getCell(4 + row, 1 + col);
        if ((cell.rowSpan ?? 1) > 1 || (cell.colSpan ?? 1) > 1) {
          const end = ws.getCell(4 + row + (cell.rowSpan ?? 1) - 1, 1 + col + (cell.colSpan ?? 1) - 1);
          expect(merges.has(`${at.address}:${end.address}`), `${table.id} ${at.address}`).toBe(true);
        }
        if (cell.role === 'value' && cell.cell) {
          const v = report.cells[cell.cell];
          expect(at.value).toBe(v === undefined ? null : format.cells.find((c) => c.id === cell.cell)!.kind === 'money' ? v / 1_000_000 : v);
        } else if (cell.text) expect(at.value).toBe(cell.text);
      }
      // the widest column of the format is the widest column of the sheet
      const widths = table.widths.map((_, i) => ws.getColumn(i + 1).width!);
      expect(widths.indexOf(Math.max(...widths))).toBe(table.widths.indexOf(Math.max(...table.widths)));
    }
    expect(book.getWorksheet('表二')!.getCell(3, 1).value).toBe('单位：件（本年收费金额：万元）');
    expect(book.getWorksheet('表三')!.getCell(3, 1).value).toBe('单位：件');
    store.close();
  });

  it.skipIf(!HAS_CALC || !HAS_POPPLER)('a real spreadsheet opens it: LibreOffice Calc prints the headings, labels and figures', async () => {
    const { report, store } = await stored();
    const dir = tmpDir();
    const file = path.join(dir, 'tables.xlsx');
    fs.writeFileSync(file, await reportXlsx(report, true));
    const run = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000 });
    expect(run.status, String(run.stderr)).toBe(0);
    const text = squash(pdfText(path.join(dir, 'tables.pdf')));
    for (const s of ['（草稿）', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '1288', '1.7732', '单位：件']) expect(text).toContain(s);
    store.close();
  }, 120_000);

  it('the 2019 format has its own tables', async () => {
    const { report, store } = await stored();
    const cells = withTotals('2019', Object.fromEntries(getFormat('2019').cells.filter((c) => !c.sumOf).map((c, i) => [c.id, c.kind === 'money' ? 1_250_000 : c.kind === 'delta' ? -1 : i % 4])));
    const old: ReportData = { ...report, year: 2020, format: '2019', cells };
    const read = await readWorkbook(await reportXlsx(old, false));
    expect(read.ok && read.report.format).toBe('2019');
    if (read.ok) expect(differing(read.report.cells, cells)).toEqual([]);
    store.close();
  });
});

describe('reading a workbook back', () => {
  it("the app's own workbook, cell for cell — also after a clerk added rows and a column, typed full-width digits, separators and formulas", async () => {
    const { report, store } = await stored();
    const plain = await readWorkbook(await reportXlsx(report, false));
    expect(plain.ok).toBe(true);
    if (!plain.ok) return;
    expect(differing(plain.report.cells, report.cells)).toEqual([]);
    expect(plain.report).toMatchObject({ year: 2024, agency: { name: '某某县清河镇人民政府' }, format: '2021' });
    expect(plain.uncertain).toEqual([]);

    const book = await load(await reportXlsx(report, false));
    const t2 = book.getWorksheet('表二')!;
    const t3 = book.getWorksheet('表三')!;
    t3.spliceRows(2, 0, ['填表说明：请按实际填写'], []);
    t3.spliceColumns(1, 0, []);
    // 表三「一、本年新收」·自然人 and ·商业企业 as typed by hand; ·科研机构 as a formula (two rows and a column were inserted)
    const moved = (id: string) => t3.getCell(at(id).row + 2, at(id).col + 1);
    moved('t3.r1.np').value = '１２';
    moved('t3.r1.biz').value = '1,000';
    moved('t3.r1.res').value = { formula: '1+1', result: 2 };
    t2.getCell(at('t2.fee.amount').row, at('t2.fee.amount').col).value = '1.7732';
    const edited = await readWorkbook(await save(book));
    expect(edited.ok).toBe(true);
    if (!edited.ok) return;
    expect(edited.report.cells['t3.r1.np']).toBe(12);
    expect(edited.report.cells['t3.r1.biz']).toBe(1000);
    expect(edited.report.cells['t3.r1.res']).toBe(2);
    expect(edited.report.cells['t2.fee.amount']).toBe(1_773_200);
    // the workbook's own 总计 was not recomputed in Excel: read as it stands (filling it into a report recomputes it)
    expect(differing(edited.report.cells, report.cells).sort()).toEqual(['t3.r1.biz', 't3.r1.np', 't3.r1.res']);
    store.close();
  });

  it.each([
    ['2021', ['表二', '表三', '表四'], [0, 1, 2]],
    ['2021', ['主动公开', '依申请', '复议诉讼'], [2, 0, 1]],
    ['2019', ['Sheet1', 'Sheet2', 'Sheet3'], [1, 2, 0]],
  ] as const)("a county office's own form (%s, tabs %j, in order %j): every figure read", async (format, names, order) => {
    const inputs = Object.fromEntries(getFormat(format).cells.filter((c) => !c.sumOf).map((c, i) => [c.id, c.kind === 'money' ? 1_750_000 : c.kind === 'delta' ? 2 : (i * 7) % 13]));
    const cells = withTotals(format, inputs);
    const read = await readWorkbook(await countyForm(format, cells, { names: [...names], order: [...order] }));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.report.format).toBe(format);
    expect(differing(read.report.cells, cells)).toEqual([]);
    expect(read.warnings[0]).toContain('请逐格核对');
  });

  it('a file that is not a workbook, an old .xls, or an empty one: said so', async () => {
    expect(await readWorkbook(new TextEncoder().encode('not a workbook'))).toMatchObject({ ok: false, message: expect.stringContaining('另存为 .xlsx') });
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    expect(await readWorkbook(await save(empty))).toMatchObject({ ok: false, message: expect.stringContaining('没有内容') });
  });
});

describe('through the services and the command line', () => {
  it('「导出 Excel」, 「导入」 of a workbook, and 「从 Excel 填入表格」 (totals computed, a wrong total said)', async () => {
    const { handlers, reportId, report, store } = await stored();
    const delivery = await handlers['export.file']({ reportId, draft: true, format: 'xlsx' });
    expect(delivery).toMatchObject({ kind: 'download', fileName: '某某县清河镇人民政府2024年政府信息公开工作年度报告（草稿）.xlsx' });
    if (delivery.kind !== 'download') return;
    const bytes = Buffer.from(delivery.base64, 'base64');
    const source = { kind: 'file' as const, name: delivery.fileName, size: bytes.length, base64: delivery.base64 };
    const parsed = await handlers['import.parse']({ source });
    expect(differing(parsed.report.cells, report.cells)).toEqual([]);

    const book = await load(new Uint8Array(bytes));
    const t3 = book.getWorksheet('表三')!;
    t3.getCell(at('t3.r1.np').row, at('t3.r1.np').col).value = 9;
    t3.getCell(at('t3.r1.total').row, at('t3.r1.total').col).value = 99; // its 总计, typed wrong
    const changed = Buffer.from(await save(book));
    const tables = await handlers['xlsx.read']({ reportId, source: { ...source, size: changed.length, base64: changed.toString('base64') } });
    expect(tables.cells['t3.r1.np']).toBe(9);
    expect(tables.cells['t3.r1.total']).toBeUndefined();
    expect(tables.warnings.join('')).toContain('在 Excel 中是 99，但各项之和是 9');

    const old = await countyForm('2019', withTotals('2019', { 't3.r1.np': 1 }), { names: ['a', 'b', 'c'], order: [0, 1, 2] });
    const refused = await dispatch(handlers, 'xlsx.read', { reportId, source: { ...source, size: old.length, base64: Buffer.from(old).toString('base64') } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringContaining('2019年版格式') } });
    store.close();
  });

  it('nianbao export --format xlsx (a file, a stored report) and nianbao import of the workbook', async () => {
    const { report, store, dataDir } = await stored();
    const dir = tmpDir();
    const file = path.join(dir, '清河镇.nianbao.json');
    fs.writeFileSync(file, serializeReportFile(report));
    const fromFile = runCli(['export', file, '--draft', '--out', path.join(dir, 'a.xlsx')]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.stdout).toContain('XLSX');
    const fromStore = runCli(['export', '--agency', '某某县清河镇人民政府', '--year', '2024', '--data-dir', dataDir, '--draft', '--format', 'xlsx', '--out', path.join(dir, 'b.xlsx')]);
    expect(fromStore.code, fromStore.stderr).toBe(0);
    const back = runCli(['import', path.join(dir, 'b.xlsx'), '--json']);
    expect(back.code, back.stderr).toBe(0);
    expect(JSON.parse(back.stdout).cells['t2.lic.decisions']).toBe(1288);
    store.close();
  }, 120_000);
});

