import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { buildDocument, renderPrintHtml } from '../../core/document/index.js';
import { getFormat } from '../../core/format/index.js';
import { openPackage } from '../../core/package/index.js';
import { withTotals, type ReportData } from '../../core/report/index.js';
import { expect, startApp, tempDataDir, test, type RunningApp } from './app.js';
import { api, cell, createAgency, fillAndSign, heading, openSection, reportIdOf, startReport } from './helpers.js';
import { signableCells } from '../unit/signoff/fixture.js';

/**
 * Issue 14 in the window: a signed report leaves as a sealed package and arrives on another
 * computer by 「导入」 (a changed one is refused); the copy published on the website is checked
 * against the signed version; the tables go to Excel and come back.
 */

/** A 2024 report through the window's first steps, filled and signed through the API (an afternoon's work). */
async function signedReport(page: Page, app: RunningApp): Promise<{ reportId: number; data: ReportData }> {
  await startReport(page, app.launchUrl, 2024);
  const reportId = reportIdOf(page);
  await fillAndSign(page, app, reportId);
  const { data } = await api<{ data: ReportData }>(page, app, 'report.open', { reportId });
  await page.reload();
  await expect(page.getByText('已定稿 · 校验码')).toBeVisible();
  return { reportId, data };
}

async function menu(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: '报送与核对 ▾' }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${item}`) }).click();
}

/** The report as a website publishes it: the app's print view of it. */
const publishedPage = (report: ReportData) => Buffer.from(renderPrintHtml(buildDocument(report, { draft: false }), { fontBaseUrl: '/' }));

test("导出报送包 → 导入 on the county's computer; a package changed on the way is refused, saying what changed", async ({ page, app }) => {
  await signedReport(page, app);
  await menu(page, '导出报送包');
  const dialog = page.getByRole('dialog', { name: '导出报送包' });
  await expect(dialog).toContainText('最新的定稿版本：报告文件，以及 Word 和 PDF 正式版');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出报送包' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告（定稿）.nianbao');
  await expect(dialog.getByRole('status')).toContainText('某某县清河镇人民政府 2024 年报告（第1版定稿，校验码');
  const seal = (await dialog.locator('.seal').textContent())!;
  expect(seal).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  const saved = path.join(tempDataDir(), 'package.nianbao');
  await file.saveAs(saved);
  const opened = openPackage(new Uint8Array(fs.readFileSync(saved)));
  expect(opened.status).toBe('intact');
  if (opened.status === 'intact') expect(opened.manifest.members.map((m) => m.role)).toEqual(['report', 'docx', 'pdf']);
  await dialog.getByRole('button', { name: '关闭' }).click();

  // the county: another computer, another data folder
  const county = await startApp(tempDataDir());
  try {
    const other = await page.context().newPage();
    await other.goto(county.launchUrl);
    await createAgency(other, '某某县人民政府办公室');
    await other.getByRole('button', { name: '导入已公布的报告' }).click();

    // changed on the way: one figure in the report file
    const bytes = fs.readFileSync(saved);
    const at = bytes.indexOf('"t2.lic.decisions": 1288');
    bytes[at + '"t2.lic.decisions": 128'.length] = '9'.charCodeAt(0);
    await other.getByLabel('选择报告文件').setInputFiles({ name: '清河镇.nianbao', mimeType: 'application/octet-stream', buffer: bytes });
    await expect(other.getByRole('alert')).toContainText('这个报送包在封装后被改动过，不能打开：报告文件「report.nianbao.json」在封装后被改动过');

    await other.getByLabel('选择报告文件').setInputFiles(saved);
    await expect(other.getByText(`报送包已核验，封签完好（封签 ${seal}）`)).toBeVisible();
    await expect(other.getByLabel('报告年度', { exact: true })).toHaveValue('2024');
    await expect(other.locator('input.import-cell[data-cell="t2.lic.decisions"]')).toHaveValue('1288');
    // the township's report, not the county office's own: the county says where it goes (issue 12)
    await other.getByRole('radio', { name: '新建机关' }).check();
    await other.getByRole('button', { name: '确认导入' }).click();
    await expect(other.getByRole('status')).toContainText('已导入「某某县清河镇人民政府」2024 年报告');
  } finally {
    await county.stop();
  }
});

test('核对网上公布版: the published page with a figure and a sentence changed — marked in the official table and beside the signed text', async ({ page, app }) => {
  const { data } = await signedReport(page, app);
  const own = Object.fromEntries(Object.entries(data.cells).filter(([id]) => !getFormat('2021').cells.find((c) => c.id === id)?.sumOf));
  const edited: ReportData = {
    ...data,
    cells: withTotals('2021', { ...own, 't2.lic.decisions': 1298 }),
    sections: { ...data.sections, s6: '本年度未收取任何信息处理费。' },
  };
  await menu(page, '核对网上公布版');
  const dialog = page.getByRole('dialog', { name: '核对网上公布版' });
  await expect(dialog).toContainText('与 第1版定稿（校验码');
  await dialog.getByLabel('选择公布的文件').setInputFiles({ name: '网站上的版本.html', mimeType: 'text/html', buffer: publishedPage(edited) });
  await expect(dialog.getByRole('status')).toContainText('公布的版本与定稿不一致：1 个数字不同；文字有不同：六、其他需要报告的事项');
  const table = dialog.getByRole('region', { name: `${heading('s2')}的不同` });
  const marked = table.locator('td.published-diff[data-cell="t2.lic.decisions"]');
  await expect(marked.locator('del')).toHaveText('1288');
  await expect(marked.locator('ins')).toHaveText('1298');
  await expect(table.locator('td.published-diff')).toHaveCount(1);
  const prose = dialog.getByRole('region', { name: '六、其他需要报告的事项的不同' });
  await expect(prose.locator('mark.diff-ins')).toHaveText('任何');

  // the page as signed: the same
  await dialog.getByRole('button', { name: '核对另一个版本' }).click();
  await dialog.getByLabel('选择公布的文件').setInputFiles({ name: '网站上的版本.html', mimeType: 'text/html', buffer: publishedPage(data) });
  await expect(dialog.getByRole('status')).toContainText('完全一致');
  await page.screenshot({ path: path.join('test-results', 'published-same.png') });
});

test('导出 Excel from the print preview, filled in Excel, 从 Excel 填入表格: the figures come in as one step 撤销 takes back', async ({ page, app }) => {
  await startReport(page, app.launchUrl, 2024);
  const reportId = reportIdOf(page);
  await api(page, app, 'cells.set', { reportId, changes: Object.entries(signableCells()).map(([cellId, value]) => ({ cellId, value })) });
  await page.reload();
  await page.getByRole('button', { name: '打印 / 导出' }).click();
  const preview = page.getByRole('dialog', { name: '打印预览' });
  const download = page.waitForEvent('download');
  await preview.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告（草稿）.xlsx');
  const saved = path.join(tempDataDir(), 'tables.xlsx');
  await file.saveAs(saved);
  await preview.getByRole('button', { name: '关闭' }).click();

  // a colleague fills 表三「一、本年新收」·自然人 in Excel
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  const t3 = book.getWorksheet('表三')!;
  let found = false;
  t3.eachRow((row) =>
    row.eachCell((c) => {
      if (!found && c.value === '一、本年新收政府信息公开申请数量') {
        found = true;
        row.getCell(Number(c.col) + 3).value = 8;
      }
    }),
  );
  await book.xlsx.writeFile(saved);

  await menu(page, '从 Excel 填入表格');
  const dialog = page.getByRole('dialog', { name: '从 Excel 填入表格' });
  await dialog.getByLabel('选择 Excel 文件').setInputFiles(saved);
  await expect(dialog).toContainText('其中 1 格与现在的不同');
  await expect(dialog.getByRole('table', { name: '将要填入的数字' })).toContainText('表三「一、本年新收政府信息公开申请数量」·自然人');
  await dialog.getByRole('button', { name: '填入 1 格' }).click();
  await expect(dialog.getByRole('status')).toContainText('已填入 1 格');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await openSection(page, heading('s3'));
  await expect(cell(page, 't3.r1.np')).toHaveText('8');
  await expect(cell(page, 't3.r1.total')).toHaveText('8');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 't3.r1.np')).toHaveText('5');
});
