import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { reportTitle } from '../../core/document/index.js';
import { AppError, type Handlers, type XlsxTables } from '../../core/api.js';
import { cellDef, cellName, FORMATS, getFormat, gridPositions, SECTIONS, sectionHeading, tableName, type TableDef } from '../../core/format/index.js';
import { enteredCells, isComputedIn, shownCells } from '../../core/report/totals.js';
import type { Store } from '../store/index.js';
import { loadReport } from './reports.js';
import { importText, type ImportOutcome } from '../../core/import/index.js';
import { fenToWan } from '../../core/report/money.js';
import { emptyAgency, type ReportData } from '../../core/report/model.js';
import { parseCellInput } from '../../core/report/input.js';

let excel: typeof ExcelJS | null = null;

/**
 * A new, empty workbook. exceljs is required on the first spreadsheet read or written, not at
 * start: loading it costs a third of a second, which every start of the app and every command
 * paid. A plain require (CommonJS, as exceljs is), so it loads alike from the sources, the bundle
 * and a packaged app's archive.
 */
export function newWorkbook(): ExcelJS.Workbook {
  excel ??= createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
  return new excel.Workbook();
}

/**
 * The three tables as an Excel workbook (issue 14), through exceljs — never XML by hand.
 *
 * Writing is generic over the format's tables: a sheet is a table of core/format with a value for
 * each of its cells, so the county workspace (issue 15) writes its roll-up and its lists the same
 * way. The report's workbook has one sheet per table in the official layout: the merged headers
 * and row labels of core/format, its relative column widths, the unit note above, borders, A4.
 *
 * Reading takes the app's own workbook back cell for cell (found by its layout, wherever a clerk
 * moved it on the sheet), and any other workbook — the one-sheet-per-table forms county offices
 * hand out — by turning its sheets into text and giving that to the importer, which finds the
 * tables by their labels as it does in a pasted page.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet: one table of the format, with the value of each cell as the clerk reads it (万元 for money). */
export interface SheetSpec {
  /** the tab's name: 「表二」 */
  name: string;
  /** the line above the table: 「二、主动公开政府信息情况」 */
  heading: string;
  table: TableDef;
  value(cellId: string): number | undefined;
  /** under the heading: 「单位：件（本年收费金额：万元）」 */
  note?: string;
}

export interface WorkbookSpec {
  /** the first line of every sheet: the report's title, 「（草稿）」 for a draft */
  title: string;
  sheets: SheetSpec[];
}

/** Rows above the grid on every sheet: title, heading, unit note. */
const GRID_TOP = 4;
const FONT = '宋体';
const TITLE_FONT = '黑体';

/** 「单位：件」, with the columns counted in another unit named: 「（本年收费金额：万元）」. */
export function unitNote(table: TableDef): string {
  const counts = new Map<string, number>();
  for (const c of table.cells) counts.set(c.unit, (counts.get(c.unit) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '件';
  const others = new Map<string, string[]>();
  for (const c of table.cells) {
    if (c.unit === main) continue;
    const label = (c.colPath.at(-1) ?? '').replace(/（单位：[^）]*）/, '');
    const list = others.get(c.unit) ?? [];
    if (!list.includes(label)) list.push(label);
    others.set(c.unit, list);
  }
  const extra = [...others].map(([unit, labels]) => `${labels.join('、')}：${unit}`).join('；');
  return `单位：${main}${extra ? `（${extra}）` : ''}`;
}

/** Excel column widths (in characters) from the format's relative widths. */
function columnWidths(table: TableDef): number[] {
  const total = Math.min(120, Math.max(80, table.columns * 10));
  const sum = table.widths.reduce((a, b) => a + b, 0);
  return table.widths.map((w) => Math.max(6, Math.round((w / sum) * total * 10) / 10));
}

/** Display width of a text in Excel characters: a CJK character is two. */
function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u0000-\u00ff]/.test(ch) ? 1 : 2;
  return n;
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

function addSheet(book: ExcelJS.Workbook, title: string, spec: SheetSpec): void {
  const { table } = spec;
  const ws = book.addWorksheet(spec.name, {
    pageSetup: { paperSize: 9, orientation: table.columns > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    views: [{ state: 'frozen', ySplit: GRID_TOP - 1 + table.headerRows }],
  });
  // the header rows repeat on every printed page
  ws.pageSetup.printTitlesRow = `${GRID_TOP}:${GRID_TOP + table.headerRows - 1}`;
  const widths = columnWidths(table);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = table.columns;
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>, align: ExcelJS.Alignment['horizontal']) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: align, vertical: 'middle' };
  };
  line(1, title, { name: TITLE_FONT, size: 14 }, 'center');
  ws.getRow(1).height = 26;
  line(2, spec.heading, { name: TITLE_FONT, size: 12 }, 'left');
  line(3, spec.note ?? unitNote(table), { name: FONT, size: 10 }, 'right');

  const size = table.id === 't2' ? 10.5 : 9;
  const lines = new Map<number, number>();
  for (const { cell, row, col } of gridPositions(table)) {
    const r = GRID_TOP + row;
    const c = col + 1;
    const rows = cell.rowSpan ?? 1;
    const cols = cell.colSpan ?? 1;
    if (rows > 1 || cols > 1) ws.mergeCells(r, c, r + rows - 1, c + cols - 1);
    const target = ws.getCell(r, c);
    if (cell.role === 'value' && cell.cell) {
      const v = spec.value(cell.cell);
      if (v !== undefined) target.value = v;
    } else if (cell.text) target.value = cell.text;
    const header = row < table.headerRows || cell.role === 'header' || cell.role === 'block' || cell.role === 'corner';
    target.font = { name: FONT, size, ...(cell.role === 'block' ? { bold: true } : {}) };
    target.alignment = {
      wrapText: true,
      vertical: 'middle',
      horizontal: cell.role === 'label' && table.id === 't3' && !cell.rowSpan ? 'left' : 'center',
    };
    if (header) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } };
    for (let dr = 0; dr < rows; dr++) for (let dc = 0; dc < cols; dc++) ws.getCell(r + dr, c + dc).border = BORDER;
    // merged or not, Excel does not grow a row for wrapped text on its own: room for the longest label
    if (cell.text && rows === 1) {
      const width = widths.slice(col, col + cols).reduce((a, b) => a + b, 0);
      lines.set(r, Math.max(lines.get(r) ?? 1, Math.ceil(textWidth(cell.text) / Math.max(4, width - 1))));
    }
  }
  for (const [r, n] of lines) ws.getRow(r).height = Math.max(18, n * (size + 5));
}

export async function writeTablesWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const book = newWorkbook();
  book.creator = '年报助手';
  book.title = spec.title;
  // fixed times: the same tables make the same workbook
  book.created = new Date(2000, 0, 1);
  book.modified = new Date(2000, 0, 1);
  for (const sheet of spec.sheets) addSheet(book, spec.title, sheet);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The three tables of a report, as they print: counts as integers, money in 万元. */
export function reportWorkbook(report: ReportData, draft: boolean): WorkbookSpec {
  if (report.format === 'free') throw new Error('a free-format report has no tables');
  const format = getFormat(report.format);
  return {
    title: `${reportTitle(report)}${draft ? '（草稿）' : ''}`,
    sheets: Object.values(format.tables).map((table) => ({
      name: tableName(table.id),
      heading: sectionHeading(SECTIONS.find((s) => s.key === table.section)!),
      table,
      value: (id) => {
        const v = report.cells[id];
        if (v === undefined) return undefined;
        return format.cells.find((c) => c.id === id)?.kind === 'money' ? Number(fenToWan(v)) : v;
      },
    })),
  };
}

export async function reportXlsx(report: ReportData, draft: boolean): Promise<Uint8Array> {
  return writeTablesWorkbook(reportWorkbook(report, draft));
}

// ---------------------------------------------------------------------------------------------
// reading

/** What a cell of a sheet says, as text: numbers as written, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return value.result === undefined || value.result === null || typeof value.result === 'object' ? '' : String(value.result);
  if ('text' in value) return String(value.text);
  return '';
}

interface SheetGrid {
  name: string;
  /** text of each cell by [row][col], 0-based; merged areas hold their text in the first cell only */
  rows: string[][];
}

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const out: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      out[c - 1] = cell.isMerged && cell.master !== cell ? '' : cellText(cell.value).trim();
    });
    rows[r - 1] = Array.from(out, (t) => t ?? '');
  });
  return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
}

const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** Where a table's grid sits on a sheet laid out as the app writes it, or undefined: every printed text must be in its place. */
function findGrid(grid: SheetGrid, table: TableDef): { top: number; left: number } | undefined {
  const texts = gridPositions(table).filter((p) => p.cell.role !== 'value' && p.cell.text);
  const first = texts[0]!;
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    for (let c = 0; c < row.length; c++) {
      if (!same(row[c]!, first.cell.text!)) continue;
      const top = r - first.row;
      const left = c - first.col;
      if (texts.every((p) => same(grid.rows[top + p.row]?.[left + p.col] ?? '', p.cell.text!))) return { top, left };
    }
  }
  return undefined;
}

/** The app's own workbook (or one laid out like it): every table found in place, read cell by cell. */
function readOwnLayout(grids: SheetGrid[]): ImportOutcome | undefined {
  for (const format of [FORMATS['2021'], FORMATS['2019']]) {
    const places = Object.values(format.tables).map((table) => {
      for (const g of grids) {
        const at = findGrid(g, table);
        if (at) return { table, grid: g, at };
      }
      return undefined;
    });
    if (places.some((p) => !p)) continue;
    const cells: Record<string, number> = {};
    const uncertain: string[] = [];
    const warnings: string[] = [];
    for (const place of places) {
      const { table, grid, at } = place!;
      for (const p of gridPositions(table)) {
        if (p.cell.role !== 'value' || !p.cell.cell) continue;
        const text = grid.rows[at.top + p.row]?.[at.left + p.col] ?? '';
        if (!text) continue;
        const id = p.cell.cell;
        const def = format.cells.find((c) => c.id === id)!;
        const value = readValue(text, def.kind);
        if (value === undefined) {
          uncertain.push(id);
          warnings.push(`「${grid.name}」中 ${def.colPath.at(-1)} 的「${text}」不是${def.kind === 'money' ? '金额' : '整数'}，已留空`);
        } else cells[id] = value;
      }
    }
    const title = grids[0]?.rows[0]?.find(Boolean) ?? '';
    const m = /^(.*?)(\d{4})年政府信息公开工作年度报告/.exec(title.replace(/\s+/g, ''));
    const report: ReportData = {
      format: format.id,
      year: m ? Number(m[2]) : 0,
      agency: emptyAgency(m?.[1] ?? ''),
      cells,
      sections: {},
      notes: {},
      origin: 'imported',
    };
    if (!m) warnings.push('没有在表格的第一行找到报告标题（某某2024年政府信息公开工作年度报告），请在核对时填写机关和年度');
    return {
      ok: true,
      report,
      warnings: ['这是年报助手导出的 Excel 表格，三张表按原格式逐格读取（只有表格，没有文字部分）', ...warnings],
      uncertain,
      detected: { format: format.id, year: m ? Number(m[2]) : null, agencyName: m?.[1] ?? '', level: null },
      normalizedText: grids.map((g) => g.rows.map((r) => r.join('\t')).join('\n')).join('\n\n'),
    };
  }
  return undefined;
}

/** A figure as Excel holds it (a number, or text with full-width digits, separators…): read as the table editor reads a paste. */
function readValue(text: string, kind: 'count' | 'delta' | 'money'): number | undefined {
  const parsed = parseCellInput(text, kind);
  return parsed.ok && parsed.value !== null ? parsed.value : undefined;
}

/** Labels too common to tell one table from another. */
const COMMON = new Set(['其他', '总计', '合计', '小计', '项目']);

/**
 * Which of the three tables a sheet holds, by how many of that table's own labels it contains
 * (a county's form names its rows and columns as the format does, if not its layout).
 */
function tableOfSheet(grid: SheetGrid): TableDef | undefined {
  const texts = grid.rows.flat().filter(Boolean).map((t) => t.replace(/\s+/g, ''));
  let best: { table: TableDef; score: number } | undefined;
  for (const table of Object.values(FORMATS['2021'].tables)) {
    const labels = new Set(table.cells.flatMap((c) => [c.rowPath.at(-1) ?? '', c.colPath.at(-1) ?? '']).map((l) => l.replace(/\s+/g, '')));
    let score = 0;
    for (const label of labels) if (label.length >= 2 && !COMMON.has(label) && texts.some((t) => t.includes(label))) score++;
    if (score >= 3 && (!best || score > best.score)) best = { table, score };
  }
  return best?.table;
}

/**
 * Any workbook: its sheets as the text a clerk would copy out of Excel (cells separated by tabs),
 * each under the heading of the table it holds, given to the importer — which reads 表二, 表三
 * and 表四 by their labels, as it does on a pasted page.
 */
function readAsText(grids: SheetGrid[]): ImportOutcome {
  const text = grids
    .map((g) => {
      const table = tableOfSheet(g);
      const heading = table ? sectionHeading(SECTIONS.find((s) => s.key === table.section)!) : g.name;
      const rows = g.rows.map((r) => r.join('\t').replace(/\t+$/, '')).filter((l) => l.trim());
      return [heading, ...rows].join('\n');
    })
    .join('\n\n');
  const read = importText(text);
  if (!read.ok) return read;
  // a workbook holds the tables only: that the six parts' text is missing goes without saying
  const warnings = read.warnings.filter((w) => !/规则 G-1|六个部分的标题/.test(w));
  return { ...read, warnings: ['Excel 表格按其中的文字读取（只有表格，没有文字部分）：请逐格核对读到的数字', ...warnings] };
}

export function isWorkbook(bytes: Uint8Array, fileName?: string): boolean {
  if (fileName?.toLowerCase().endsWith('.xlsx')) return true;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  // an .xlsx names xl/workbook.xml in its zip directory (at the end); a .docx names word/document.xml
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64 * 1024))).includes('xl/workbook.xml');
}

/** Reads a workbook's tables; refusals are sentences a clerk can act on. */
export async function readWorkbook(bytes: Uint8Array): Promise<ImportOutcome> {
  const book = newWorkbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, message: '这个 Excel 文件读不出来（可能已损坏，或是旧的 .xls 格式）。请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入' };
  }
  const grids = book.worksheets.filter((ws) => ws.state === 'visible').map(sheetGrid);
  if (!grids.some((g) => g.rows.some((r) => r.some(Boolean)))) return { ok: false, message: '这个 Excel 文件里没有内容' };
  return readOwnLayout(grids) ?? readAsText(grids);
}

// ---------------------------------------------------------------------------------------------
// 「从 Excel 填入表格」: a workbook's figures for a report that is open, not stored by this call

/** The figures of a workbook for one report: what the window offers to fill in (one undoable step). */
export async function tablesForReport(report: ReportData, bytes: Uint8Array): Promise<XlsxTables> {
  if (report.format === 'free') throw new AppError('refused', '这份报告是 2019 年以前的自由格式，没有统计表。');
  const read = await readWorkbook(bytes);
  if (!read.ok) throw new AppError('refused', read.message);
  const format = report.format;
  if (read.report.format !== format) {
    const name = (f: ReportData['format']) => (f === 'free' ? '没有统计表' : FORMATS[f].name);
    throw new AppError('refused', `这个 Excel 表格是${name(read.report.format)}，而这份报告用的是${FORMATS[format].name}，不能填入。`);
  }
  const warnings = [...read.warnings];
  const cells: Record<string, number> = {};
  // the app computes the totals of its own reports: a total in the workbook that is not the sum of its parts is said, not taken
  const target = { format, origin: report.origin };
  const computed = shownCells({ ...target, cells: enteredCells({ ...target, cells: read.report.cells }) });
  for (const [id, value] of Object.entries(read.report.cells)) {
    const def = cellDef(format, id);
    if (!def) continue;
    if (isComputedIn(target, id)) {
      if (computed[id] !== undefined && computed[id] !== value) warnings.push(`${cellName(def)}在 Excel 中是 ${value}，但各项之和是 ${computed[id]}：合计由年报助手计算，以各项之和为准`);
      continue;
    }
    cells[id] = value;
  }
  return { format, cells, uncertain: read.uncertain, warnings };
}

export function xlsxHandlers(store: Store): Pick<Handlers, 'xlsx.read'> {
  return {
    'xlsx.read': async ({ reportId, source }) => {
      const detail = loadReport(store, reportId);
      const bytes = Buffer.from(source.base64, 'base64');
      if (bytes.length !== source.size) throw new AppError('refused', '文件没有完整读到，或太大（Excel 表格通常只有几十 KB）。请重新选择文件。');
      return tablesForReport(detail.data, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    },
  };
}
