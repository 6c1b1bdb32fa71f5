import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './app.js';
import { getFormat } from '../../core/format/index.js';
import { fenToWan } from '../../core/report/index.js';
import { gridToHtml, reportParts } from '../unit/import/render.js';
import { createAgency, createReport, openSection } from './helpers.js';

/**
 * Issue 7 end to end: paste a published report, review it beside its source, correct a cell,
 * confirm, see it marked 导入 in the year list, carry it into the next year.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'import-screens');

/** Our fixture in the shape of a published city report (Traditional script with pinyin, one cell per line). */
function seed003(): { text: string; agency: string } {
  return { text: fs.readFileSync(path.join(ROOT, 'test/fixtures/import/shape-003.txt'), 'utf8'), agency: '云溪市人民政府' };
}

const cellInput = (page: Page, id: string) => page.locator(`input.import-cell[data-cell="${id}"]`);

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Pastes as a clerk does: the text (and a web page's HTML) on the system clipboard, Ctrl+V into the box. */
async function paste(page: Page, text: string, html?: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const flavours = { 'text/plain': text, ...(html ? { 'text/html': html } : {}) };
  await page.evaluate(`(async () => {
    const flavours = ${JSON.stringify(flavours)};
    const items = {};
    for (const [type, data] of Object.entries(flavours)) items[type] = new Blob([data], { type });
    await navigator.clipboard.write([new ClipboardItem(items)]);
  })()`);
  await page.getByLabel('粘贴报告全文').focus();
  await page.keyboard.press('Control+V');
  await expect(page.getByLabel('粘贴报告全文')).toHaveValue(text.replace(/\r\n/g, '\n'));
}

test('paste seed 003, review, correct a cell, confirm, see 导入, carry into 2024', async ({ page, app }) => {
  const seed = seed003();
  await page.goto(app.launchUrl);
  await createAgency(page);
  await page.getByRole('button', { name: '导入已公布的报告' }).click();
  await expect(page.getByRole('heading', { name: '导入已公布的报告' })).toBeVisible();
  await shot(page, '1-source');

  await paste(page, seed.text);
  await page.getByRole('button', { name: '读取粘贴的内容' }).click();

  // review: the facts the report gives, the tables as published, the source beside them
  await expect(page.getByLabel('报告年度', { exact: true })).toHaveValue('2023');
  await expect(page.getByLabel('格式')).toHaveValue('2021');
  await expect(page.getByText(`原文的发布机关：「${seed.agency}」`)).toBeVisible();
  // another body's report: the clerk is asked where it goes, nothing is chosen for them (issue 12)
  await expect(page.getByRole('note').filter({ hasText: '这份报告的发布机关不是当前机关' })).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await page.getByRole('radio', { name: '新建机关' }).check();
  await expect(page.getByLabel('新机关全称')).toHaveValue(seed.agency);
  await expect(page.getByLabel('新机关类型')).toHaveValue('county');
  await expect(cellInput(page, 't3.r4.np')).toHaveValue('22');
  await expect(cellInput(page, 't3.r1.total')).toHaveValue('224');
  await expect(cellInput(page, 't2.fee.amount')).toHaveValue('17732');
  await expect(page.getByRole('complementary', { name: '原文' })).toContainText(`${seed.agency}2023年政府信息公开工作年度报告`);
  await expect(page.getByText('原文是繁体字，已转换为简体字')).toBeVisible();
  await expect(page.locator('.import-findings h2')).toContainText('按规则核对');
  await shot(page, '2-review');

  // correct a cell: full-width digits are read; the rules see the published total no longer adds up
  await cellInput(page, 't3.r1.np').fill('２１８');
  await expect(page.locator('td.value.changed[data-cell="t3.r1.np"]')).toBeVisible();
  await expect(page.locator('.import-findings .finding.sev-error').first()).toBeVisible();
  // the source pane shows the row of the cell being checked
  await expect(page.locator('.source-line.marked')).toContainText('本年新收');
  await shot(page, '3-corrected');
  // on second look the published 219 was right
  await cellInput(page, 't3.r1.np').fill('219');
  await expect(page.locator('.import-findings .finding.sev-error')).toHaveCount(0);
  await cellInput(page, 't3.r1.biz').fill('abc');
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await cellInput(page, 't3.r1.biz').fill('5');

  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByRole('status')).toContainText(`已导入「${seed.agency}」2023 年报告`);
  // the current agency stays what it was, and the window says so
  await expect(page.getByRole('note').filter({ hasText: '当前机关没有改变' })).toContainText('某某县清河镇人民政府');
  await shot(page, '4-done');

  // ready to be carried forward: 2024 starts from it, 上年结转 = last year's 结转下年度
  await page.getByRole('button', { name: '从这份报告结转 2024 年' }).click();
  await expect(page.getByText('2024 年政府信息公开工作年度报告')).toBeVisible();
  await openSection(page, '三、收到和处理政府信息公开申请情况');
  await expect(page.locator('td[data-cell="t3.r2.np"]')).toHaveText('22');

  // the year list of the new agency: 2023 marked 导入, 2024 made in the app
  await page.getByRole('button', { name: '返回报告列表' }).click();
  const list = page.getByRole('table', { name: '报告列表' });
  await expect(list.getByRole('row', { name: /2023 年/ })).toContainText('导入');
  await expect(list.getByRole('row', { name: /2024 年/ })).not.toContainText('导入');
  await shot(page, '5-list');

  // the imported report keeps the figures as published
  await list.getByRole('link', { name: '2023 年' }).click();
  await openSection(page, '三、收到和处理政府信息公开申请情况');
  await expect(page.locator('td[data-cell="t3.r1.total"]')).toHaveText('224');
  await expect(page.locator('td[data-cell="t3.r4.np"]')).toHaveText('22');
});

test('a file that is not a report is refused with the reason; a year already there is replaced only when confirmed', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await createAgency(page);
  await createReport(page, 2021);
  await page.getByRole('button', { name: '返回报告列表' }).click();
  await page.getByRole('button', { name: '导入已公布的报告' }).click();

  await page.getByLabel('选择报告文件').setInputFiles({ name: '表格.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) });
  await expect(page.getByRole('alert')).toContainText('这是一张图片');
  await page.getByLabel('选择报告文件').setInputFiles({ name: '空.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert')).toContainText('文件是空的');

  // seed 001's shape: the sub-rows of （三）–（六） lost their labels; read in table order, and
  // as they are all zeros the equations vouch for them, so nothing is left marked
  await page.getByLabel('选择报告文件').setInputFiles(path.join(ROOT, 'test/fixtures/import/shape-001.txt'));
  await expect(page.getByLabel('报告年度', { exact: true })).toHaveValue('2021');
  await expect(page.getByText('在原文中没有行名').first()).toBeVisible();
  await expect(page.locator('td.value.uncertain')).toHaveCount(0);
  await expect(page.getByText('来源：shape-001.txt')).toBeVisible();
  await shot(page, '6-uncertain');
  await cellInput(page, 't3.r3_3_2.np').focus();
  await shot(page, '7-uncertain-rows');
  // this township's own report: import it into the current agency, which already has 2021
  await page.getByRole('radio', { name: /当前机关/ }).check();
  await page.getByRole('button', { name: '确认导入' }).click();
  const dialog = page.getByRole('dialog', { name: '替换 2021 年报告？' });
  await expect(dialog).toContainText('已经有 2021 年的报告了');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '替换为导入的报告' }).click();
  await expect(page.getByRole('status')).toContainText('（替换了原来的那份）');
  await page.getByRole('button', { name: '查看报告列表' }).click();
  await expect(page.getByRole('table', { name: '报告列表' }).getByRole('row', { name: /2021 年/ })).toContainText('导入');
});

test('a page copied from a browser: the tables are read from the clipboard\'s HTML', async ({ page, app }) => {
  // every cell a different figure, so a figure read into the wrong cell shows
  const cells: Record<string, number> = {};
  getFormat('2021').cells.forEach((c, i) => {
    cells[c.id] = c.kind === 'money' ? 17_732 + i : 3 * i + 1;
  });
  const parts = reportParts('2021', 2023, cells);
  const html = parts.map((p) => ('text' in p ? `<p>${p.text}</p>` : gridToHtml(p.grid))).join('\n');
  // the text flavour of such a copy can run a table's cells together: only the HTML keeps them apart
  const text = parts.map((p) => ('text' in p ? p.text : p.grid.map((row) => row.map((c) => c.text).join('')).join('\n'))).join('\n');

  await page.goto(app.launchUrl);
  await createAgency(page);
  await page.getByRole('button', { name: '导入已公布的报告' }).click();
  await paste(page, text, html);
  await page.getByRole('button', { name: '读取粘贴的内容' }).click();
  await expect(page.getByLabel('报告年度', { exact: true })).toHaveValue('2023');
  const shown = await page.locator('input.import-cell').evaluateAll((inputs) =>
    Object.fromEntries(inputs.map((i) => [(i as unknown as { dataset: { cell: string } }).dataset.cell, (i as unknown as { value: string }).value])),
  );
  const expected = Object.fromEntries(
    Object.entries(cells).map(([id, v]) => [id, id === 't2.fee.amount' ? fenToWan(v) : String(v)]),
  );
  expect(shown).toEqual(expected);
  await expect(page.locator('td.value.uncertain')).toHaveCount(0);
});

test('leaving the import review asks first (「报告列表」, browser Back, closing the tab); another agency\'s report does not switch the current agency', async ({ page, app }) => {
  const seed = seed003();
  await page.goto(app.launchUrl);
  await createAgency(page);
  await page.getByRole('button', { name: '导入已公布的报告' }).click();
  await paste(page, seed.text);
  const question = page.getByRole('dialog', { name: '离开导入' });

  // pasted text not yet read: 「报告列表」 asks; 取消 keeps the text
  await page.getByRole('button', { name: '返回报告列表' }).click();
  await expect(question).toContainText('导入的内容还没有保存，确定离开吗？');
  await question.getByRole('button', { name: '取消' }).click();
  await expect(page.getByLabel('粘贴报告全文')).toHaveValue(seed.text.replace(/\r\n/g, '\n'));

  // the review with a correction: browser Back asks too, and the screen stays as it was
  await page.getByRole('button', { name: '读取粘贴的内容' }).click();
  await cellInput(page, 't3.r1.np').fill('218');
  await page.goBack();
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '取消' }).click();
  await expect(cellInput(page, 't3.r1.np')).toHaveValue('218');
  expect(page.url()).toContain('#/import');

  // closing the tab or reloading: the browser's own question (beforeunload)
  let asked = false;
  page.once('dialog', async (d) => {
    asked = d.type() === 'beforeunload';
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(true);
  expect(page.isClosed()).toBe(false);

  // import into the agency the report names: the current agency stays until the clerk switches
  await page.getByRole('radio', { name: '新建机关' }).check();
  await page.getByRole('button', { name: '确认导入' }).click();
  const note = page.getByRole('note').filter({ hasText: '当前机关没有改变' });
  await expect(note).toContainText(`这份报告导入到了「${seed.agency}」，不是当前机关「某某县清河镇人民政府」`);
  // nothing unsaved now: leaving asks nothing
  await page.getByRole('button', { name: '查看报告列表' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '年度报告' })).toBeVisible();
  // still the township's list (its own has no 2023 report): the import did not switch the agency
  await expect(page.locator('select option:checked').first()).toHaveText('某某县清河镇人民政府');
  await expect(page.getByText('还没有报告')).toBeVisible();

  // confirmed leaving goes where the clerk wanted
  await page.getByRole('button', { name: '导入已公布的报告' }).click();
  await paste(page, seed.text);
  await page.getByRole('button', { name: '返回报告列表' }).click();
  await question.getByRole('button', { name: '离开，不保存' }).click();
  await expect(page.getByRole('heading', { name: '年度报告' })).toBeVisible();
});
