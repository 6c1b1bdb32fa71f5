import { expect, test } from './app.js';
import { cell, heading, issues, openSection, startReport, typeInto, waitSaved } from './helpers.js';

/** Issue 12 in the window: notes on every cell, thousands separators, rates, one classification. */

test('every cell takes a note (Shift+F2), 表二 included; large figures show thousands separators and are questioned', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, heading('s2'));
  await typeInto(page, 't2.lic.decisions', '100000000');
  await expect(cell(page, 't2.lic.decisions')).toHaveText('100,000,000');
  // M-1: far above what a township decides in a year, worded as 需核对 in the panel
  const m1 = issues(page).locator('li.finding', { hasText: 'M-1' });
  await expect(m1).toContainText('需核对');
  await expect(m1).toContainText('100,000,000');

  // a note on a 表二 cell: Shift+F2, type, Ctrl+Enter; the cell shows it in its tooltip
  await cell(page, 't2.norm.valid').click();
  await page.keyboard.press('Shift+F2');
  const dialog = page.getByRole('dialog', { name: '这一格的备注' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill('3 件文件到期自动失效，未正式废止');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(cell(page, 't2.norm.valid')).toHaveClass(/has-note/);
  await expect(cell(page, 't2.norm.valid')).toHaveAttribute('title', /备注：3 件文件到期自动失效/);
  await waitSaved(page);
  // kept: after a reload the note is there
  await page.reload();
  await openSection(page, heading('s2'));
  await expect(cell(page, 't2.norm.valid')).toHaveAttribute('title', /备注：3 件文件到期自动失效/);
  // a computed total takes a note too (X-8 asks for one on 表四's totals)
  await openSection(page, heading('s4'));
  await cell(page, 't4.rev.total').click();
  await page.keyboard.press('Shift+F2');
  await page.getByRole('dialog', { name: '这一格的备注' }).getByRole('textbox').fill('本年新增一起复议');
  await page.getByRole('button', { name: '保存备注' }).click();
  await expect(cell(page, 't4.rev.total')).toHaveClass(/has-note/);
  // 表四's own button speaks of cases, not of applications
  await expect(page.getByRole('button', { name: '本年无行政复议、行政诉讼' })).toBeVisible();
  await expect(page.getByRole('button', { name: '本年未收到政府信息公开申请' })).toHaveCount(0);
});

test('the rates beside 表三 with their formulas; the panel counts as the 定稿 gate does; Esc closes the accept form', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, heading('s3'));
  await typeInto(page, 't3.r1.np', '10');
  await typeInto(page, 't3.r3_1.np', '6');
  await typeInto(page, 't3.r3_2.np', '2');
  const open = page.locator('[data-rate="open-rate"]');
  await expect(open).toContainText('公开率');
  await expect(open).toContainText('100%');
  await expect(open).toContainText('（七）总计');
  await typeInto(page, 't3.r3_4_1.np', '2');
  await expect(open).toContainText('80%');
  await expect(open).toContainText('＝8÷10');
  // the panel's summary uses the one classification: blanks must be corrected
  await expect(page.locator('.issues-summary')).toContainText('个必须改正');
  const d4 = issues(page).locator('li.finding', { hasText: 'D-4' }).first();
  await expect(d4).toContainText('必须改正');
  // a 需核对 finding can be accepted; Esc closes the form without accepting
  const g10 = issues(page).locator('li.finding', { hasText: 'G-10' });
  await g10.getByRole('button', { name: '接受并说明理由…' }).click();
  await expect(g10.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(g10.getByRole('textbox')).toHaveCount(0);
  await expect(g10.getByRole('button', { name: '接受并说明理由…' })).toBeVisible();
});

test('表四 all zeros asks who confirmed it; the confirmation is kept and the warning goes', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, heading('s4'));
  await page.getByRole('button', { name: '本年无行政复议、行政诉讼' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '全部填 0', exact: true }).click();
  const s2 = issues(page).locator('li.finding', { hasText: 'S-2' });
  await expect(s2).toHaveCount(1);
  await expect(s2).toContainText('表四全部为 0');
  const form = page.getByRole('form', { name: '表四的数据来源' });
  await form.getByLabel('数据来源').fill('县司法局、县人民法院');
  await form.getByLabel('核对人').fill('赵敏');
  // dates as a clerk writes them, shown in Chinese whatever the computer's locale (not mm/dd/yyyy)
  await form.getByLabel('核对日期').fill('2025年1月10日');
  await form.getByRole('checkbox').check();
  await expect(form.getByLabel('核对日期')).toHaveValue('2025年1月10日');
  await form.getByRole('button', { name: '保存来源和核对人' }).click();
  await expect(form.getByText('已保存')).toBeVisible();
  await expect(s2).toHaveCount(0);
  await waitSaved(page);
  await page.reload();
  await openSection(page, heading('s4'));
  await expect(page.getByRole('form', { name: '表四的数据来源' }).getByLabel('核对人')).toHaveValue('赵敏');
  await expect(page.getByRole('form', { name: '表四的数据来源' }).getByLabel('核对日期')).toHaveValue('2025年1月10日');
  await expect(issues(page).locator('li.finding', { hasText: 'S-2' })).toHaveCount(0);
});
