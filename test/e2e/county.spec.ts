import fs from 'node:fs';
import { unzipSync } from 'fflate';
import type { Download, Page } from '@playwright/test';
import { shownCells } from '../../core/report/index.js';
import { COUNTY_UNITS } from '../fixtures/county/units.js';
import { arrivals, COPIED, COPIER, MISSING, PAPER, PUBLISHED_PAGE, reportOf, rosterCsv, WITH_ERRORS, YEAR } from '../fixtures/county/county.js';
import { expect, startApp, tempDataDir, test } from './app.js';
import { createAgency, createReport, heading, openSection } from './helpers.js';

/**
 * Issue 15, "Done when": a county office plays its year with a dozen units — packages, one
 * published page, one paper copy, one missing, one with errors, one copying another's text —
 * through the status board, the checks across units, the roll-up, the 公布情况 note, and a report
 * sent back with remarks whose answers come back in the unit's next package.
 */

const DONGLING = '某某县东岭镇人民政府';

async function bytesOf(download: Promise<Download>): Promise<Buffer> {
  const d = await download;
  return fs.readFileSync((await d.path())!);
}

const row = (page: Page, unit: string) => page.locator(`tr[data-unit="${unit}"]`);

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

test('the county with a dozen units: collect, board, checks, roll-up, 公布情况, send back and the answers coming back', async ({ page, app }) => {
  test.setTimeout(240_000);
  await page.goto(app.launchUrl);
  await expect(page.getByRole('heading', { name: '欢迎使用年报助手' })).toBeVisible();
  // a county office may only collect: the workspace needs no agency of its own
  await page.goto(`${app.url}#/county/board`);
  await page.getByLabel('本级名称').fill('某某县');
  await page.getByLabel('乡镇、街道的公布期限（月-日）').fill('2-10');
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByLabel('年度').fill(String(YEAR));

  // the roster from a CSV the office keeps
  await tab(page, '所属单位');
  await page.getByLabel('导入名单').setInputFiles({ name: '单位名单.csv', mimeType: 'text/csv', buffer: Buffer.from(rosterCsv()) });
  await expect(page.getByRole('status')).toContainText('新增 12 个');
  await expect(page.getByRole('table', { name: '所属单位' }).locator('tbody tr')).toHaveCount(12);

  // collect: nine packages and a published page at once, and a package changed on the way
  await tab(page, '报送情况');
  const files = arrivals().map((a) => ({ name: a.name, mimeType: 'application/octet-stream', buffer: Buffer.from(a.bytes) }));
  const changed = Buffer.from(files[2]!.buffer);
  changed[changed.length - 300] = changed[changed.length - 300]! ^ 1;
  await page.getByLabel('收取报告文件').setInputFiles([...files, { ...files[2]!, name: '路上被改过的.nianbao', buffer: changed }]);
  const outcomes = page.getByRole('list', { name: '收取结果' });
  await expect(outcomes.locator('li')).toHaveCount(11);
  await expect(outcomes.locator('li.ok')).toHaveCount(10);
  await expect(outcomes.locator('li.error')).toContainText('路上被改过的.nianbao');
  await expect(outcomes.locator('li.error')).toContainText('改动');

  // the paper copy, its figures typed in (full-width digits taken)
  await page.getByRole('button', { name: '纸质已收…' }).click();
  const paper = page.getByRole('dialog', { name: /纸质已收/ });
  await paper.getByLabel('单位', { exact: true }).selectOption({ label: PAPER });
  const paperCells = shownCells(reportOf(PAPER));
  for (const id of ['t3.r1.np', 't3.r3_1.np', 't3.r4.np']) await paper.locator(`td[data-cell="${id}"] input`).fill(String(paperCells[id]).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))));
  await paper.getByRole('button', { name: '保存为纸质已收' }).click();
  await expect(outcomes).toContainText(`已收取${PAPER}`);

  // the board: every unit's state
  await expect(row(page, MISSING)).toHaveAttribute('data-state', 'missing');
  await expect(row(page, WITH_ERRORS)).toHaveAttribute('data-state', 'errors');
  await expect(row(page, PAPER)).toHaveAttribute('data-state', 'signed');
  await expect(row(page, COPIER)).toHaveAttribute('data-state', 'draft');
  await expect(page.locator('.board-summary')).toContainText('未收到 1');
  await expect(page.locator('.board-summary')).toContainText('有错误 1');
  // filter and sort
  await page.getByLabel('状态').selectOption({ label: '有错误' });
  await expect(page.getByRole('table', { name: '报送情况' }).locator('tbody tr')).toHaveCount(1);
  await page.getByLabel('状态').selectOption({ label: '全部' });
  await page.getByRole('button', { name: '期限' }).click();
  await expect(page.getByRole('table', { name: '报送情况' }).locator('tbody tr').first()).toContainText('2025-01-31');

  // a publication recorded: the state, and on time against the department's statutory deadline
  await row(page, PUBLISHED_PAGE).getByRole('button', { name: '登记公布…' }).click();
  await page.getByLabel('公布日期').fill('2025-01-22');
  await page.getByLabel('公布地址').fill('http://zrzy.example.gov.cn/xxgk/nb2024.html');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(row(page, PUBLISHED_PAGE)).toHaveAttribute('data-state', 'published');
  await expect(row(page, PUBLISHED_PAGE)).toContainText('按时');
  await expect(page.locator('.board-summary')).toContainText('按时公布率 8.3%（1/12）');

  // the 公布情况 note
  const note = await bytesOf(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出公布情况（Word）' }).click()]).then(([d]) => d));
  const noteXml = new TextDecoder().decode(unzipSync(new Uint8Array(note))['word/document.xml']);
  expect(noteXml).toContain('按时公布率');
  for (const u of COUNTY_UNITS) expect(noteXml).toContain(u.name);

  // a unit's report opens read-only in the normal review screen
  await row(page, COPIER).getByRole('link', { name: COPIER }).click();
  await expect(page.getByText('这是所属单位报来的报告，只能查看和核对')).toBeVisible();
  await openSection(page, heading('s3'));
  await expect(page.locator('td[data-cell="t3.r1.np"]')).toHaveText(String(shownCells(reportOf(COPIER))['t3.r1.np']));
  await page.locator('td[data-cell="t3.r1.np"]').click();
  await page.keyboard.type('99');
  await page.keyboard.press('Enter');
  await expect(page.locator('td[data-cell="t3.r1.np"]')).toHaveText(String(shownCells(reportOf(COPIER))['t3.r1.np']));
  await page.getByRole('button', { name: '‹ 报送情况' }).click();

  // checks across units: the copied 总体情况 side by side, the county government ≠ Σ its units
  await tab(page, '跨单位核对');
  const pair = page.getByRole('article', { name: new RegExp(`${COPIER}|${COPIED}`) });
  await expect(pair).toHaveCount(1);
  await expect(pair.locator('.side-by-side mark').first()).toBeVisible();
  await expect(page.getByRole('region', { name: '上级与所属单位合计' })).toContainText(`还没有收到 ${MISSING}`);

  // the roll-up: sums, splits, rates with formulas, its own table rules, exports
  await tab(page, '全县汇总');
  await expect(page.getByRole('heading', { name: `某某县${YEAR}年政府信息公开工作年度报告（全县汇总）` })).toBeVisible();
  const board = await page.request.post(`${app.url}api/county.rollup`, { headers: { 'X-Nianbao-Token': app.token }, data: { year: YEAR } });
  const rollup = (await board.json()).value as { report: { cells: Record<string, number> } };
  await expect(page.locator('.rollup-table td[data-cell="t3.r1.total"]')).toHaveText(String(rollup.report.cells['t3.r1.total']));
  await expect(page.getByRole('region', { name: '比率' })).toContainText('公开率');
  await expect(page.getByRole('region', { name: '比率' })).toContainText('（（一）予以公开＋（二）部分公开）÷（七）总计');
  await expect(page.getByRole('region', { name: '汇总的核对' })).toContainText('错误');
  await page.getByLabel('每格分列本级 / 部门 / 乡镇街道').check();
  await expect(page.locator('.rollup-table td[data-cell="t3.r1.total"] small')).toHaveCount(3);
  const xlsx = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]).then(([d]) => d);
  expect(xlsx.suggestedFilename()).toContain('全县汇总');
  const docx = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]).then(([d]) => d);
  expect(docx.suggestedFilename()).toMatch(/全县汇总.*\.docx$/);
  // the roll-up and every unit's report as PDFs, one .zip (issue 17: one batch, one browser)
  const zip = await bytesOf(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '各单位报告 PDF（压缩包）' }).click()]).then(([d]) => d));
  const pdfNames = Object.keys(unzipSync(new Uint8Array(zip))).filter((n) => n.endsWith('.pdf'));
  expect(pdfNames.some((n) => n.includes('全县汇总'))).toBe(true);
  expect(pdfNames.some((n) => n.includes(DONGLING))).toBe(true);
  expect(pdfNames.length).toBeGreaterThan(5);

  // send back 东岭镇's report with a remark on a cell and one on a section
  await tab(page, '报送情况');
  await row(page, DONGLING).getByRole('link', { name: DONGLING }).click();
  await page.getByRole('button', { name: '退回…' }).click();
  const back = page.getByRole('dialog', { name: /退回/ });
  await back.getByLabel('意见针对').selectOption('cell:t3.r1.np');
  await back.getByLabel('意见内容').fill('自然人申请数与登记台账不一致，请核对');
  await back.getByRole('button', { name: '添加这条意见' }).click();
  await back.getByLabel('意见针对').selectOption('section:s5');
  await back.getByLabel('意见内容').fill('存在的问题写得太笼统，请写具体');
  await back.getByRole('button', { name: '添加这条意见' }).click();
  const reviewPackage = await bytesOf(Promise.all([page.waitForEvent('download'), back.getByRole('button', { name: '退回并导出意见包' }).click()]).then(([d]) => d));
  await page.getByRole('button', { name: '‹ 报送情况' }).click();
  await expect(row(page, DONGLING)).toHaveAttribute('data-state', 'returned');

  // the unit's own app: opens the review package on its report, sees the remarks where they belong, answers
  const unitApp = await startApp(tempDataDir());
  const unit = await page.context().newPage();
  try {
    await unit.goto(unitApp.launchUrl);
    await createAgency(unit, DONGLING);
    await createReport(unit, YEAR);
    await unit.getByRole('button', { name: '报送与核对 ▾' }).click();
    await unit.getByRole('menuitem', { name: /^打开县里的意见/ }).click();
    await unit.getByLabel('选择意见包').setInputFiles({ name: '退回意见.nianbao', mimeType: 'application/octet-stream', buffer: reviewPackage });
    await openSection(unit, heading('s3'));
    const remarks = unit.getByRole('region', { name: '县里的意见' });
    await expect(remarks).toContainText('自然人申请数与登记台账不一致');
    await expect(remarks).toContainText('其他部分 1 条');
    await remarks.getByLabel('答复').fill('已按台账核对，改为 6 件');
    await remarks.getByRole('button', { name: '保存答复' }).click();
    await expect(remarks).toContainText('已保存');
    await openSection(unit, heading('s5'));
    await expect(remarks).toContainText('存在的问题写得太笼统');
    await remarks.getByLabel('答复').fill('已补充两个具体问题');
    await remarks.getByRole('button', { name: '保存答复' }).click();
    await expect(remarks).toContainText('已保存');
    // after a reload the remarks and answers are still there
    await unit.reload();
    await expect(unit.getByRole('region', { name: '县里的意见' }).getByLabel('答复')).toHaveValue('已补充两个具体问题');
    await unit.getByRole('button', { name: '报送与核对 ▾' }).click();
    await unit.getByRole('menuitem', { name: /^导出报送包/ }).click();
    const answered = await bytesOf(
      Promise.all([unit.waitForEvent('download'), unit.getByRole('dialog', { name: '导出报送包' }).getByRole('button', { name: '导出报送包' }).click()]).then(([d]) => d),
    );

    // back at the county: the answers arrive with the report
    await page.getByLabel('收取报告文件').setInputFiles({ name: '东岭镇（答复）.nianbao', mimeType: 'application/octet-stream', buffer: answered });
    await expect(outcomes).toContainText('带回了 2 条对意见的答复');
    await expect(row(page, DONGLING)).not.toHaveAttribute('data-state', 'returned');
    await expect(row(page, DONGLING)).toContainText('2 条，已答复 2');
    await row(page, DONGLING).getByRole('link', { name: DONGLING }).click();
    await openSection(page, heading('s5'));
    await expect(page.getByRole('region', { name: '县里的意见' })).toContainText('单位答复：已补充两个具体问题');
    await page.getByRole('region', { name: '县里的意见' }).getByRole('button', { name: '标为已解决' }).click();
    await expect(page.getByRole('region', { name: '县里的意见' })).toContainText('已解决');
  } finally {
    await unit.close();
    await unitApp.stop();
    fs.rmSync(unitApp.dataDir, { recursive: true, force: true });
  }
});
