import type { Page } from '@playwright/test';
import { expect, test, type RunningApp } from './app.js';
import { api, fillAndSign, issues, reportIdOf, startReport } from './helpers.js';

/**
 * Issue 12, point 12: deleting a signed report says what goes with it (the 定稿 with its date and
 * fingerprint, the year carried from it) and wants the year typed; last year's figures typed in by
 * hand are labelled as what they are, not as an unfinished report with errors.
 */

async function signed2024(page: Page, app: RunningApp): Promise<number> {
  await startReport(page, app.launchUrl, 2024);
  const reportId = reportIdOf(page);
  await fillAndSign(page, app, reportId);
  return reportId;
}

test('deleting a signed report names the 定稿 (date, fingerprint) and the year carried from it, and wants the year typed', async ({ page, app }) => {
  const reportId = await signed2024(page, app);
  const { signed } = await api<{ signed: { short: string } }>(page, app, 'signoff.status', { reportId });
  const agencyId = (await api<{ summary: { agencyId: number } }>(page, app, 'report.open', { reportId })).summary.agencyId;
  await api(page, app, 'report.create', { agencyId, year: 2025, carry: true });
  await page.getByRole('button', { name: '返回报告列表' }).click();
  const list = page.getByRole('table', { name: '报告列表' });
  await list.getByRole('row', { name: /2024 年/ }).getByRole('button', { name: '删除' }).click();

  const dialog = page.getByRole('dialog', { name: '删除已定稿的 2024 年报告？' });
  await expect(dialog).toContainText(`第1版定稿`);
  await expect(dialog).toContainText(`定稿，校验码 ${signed.short}`);
  await expect(dialog).toContainText(/\d{4}年\d{1,2}月\d{1,2}日定稿/);
  await expect(dialog).toContainText('2025 年报告是从这份报告结转的');
  const remove = dialog.getByRole('button', { name: '删除' });
  await expect(remove).toBeDisabled();
  // Enter does nothing until the year is typed; the wrong year neither
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const year = dialog.getByLabel('输入报告年度以确认删除');
  await year.fill('2025');
  await expect(remove).toBeDisabled();
  // full-width digits, as a Chinese input method types them
  await year.fill('２０２４');
  await expect(remove).toBeEnabled();
  await remove.click();
  await expect(dialog).toHaveCount(0);
  await expect(list.getByRole('row', { name: /2024 年/ })).toHaveCount(0);
  await expect(list.getByRole('row', { name: /2025 年/ })).toBeVisible();
});

test('last year\'s figures typed in by hand are 「上年数字（手工录入）」, with no rule errors to do', async ({ page, app }) => {
  await startReport(page, app.launchUrl, 2024);
  const agencyId = (await api<{ summary: { agencyId: number } }>(page, app, 'report.open', { reportId: reportIdOf(page) })).summary.agencyId;
  await api(page, app, 'report.create', { agencyId, year: 2026, lastYearFigures: { 't3.r4.np': 3 } });
  await page.getByRole('button', { name: '返回报告列表' }).click();
  const row = page.getByRole('table', { name: '报告列表' }).getByRole('row', { name: /2025 年/ });
  await expect(row).toContainText('上年数字（手工录入）');
  await expect(row).not.toContainText('草稿');
  await row.getByRole('link', { name: '2025 年' }).click();
  await expect(page.getByRole('note').filter({ hasText: '这里只有手工录入的 2025 年数字' })).toBeVisible();
  await expect(issues(page).locator('li.finding')).toHaveCount(0);
  // a draft of the app still has its findings
  await page.getByRole('button', { name: '返回报告列表' }).click();
  await page.getByRole('table', { name: '报告列表' }).getByRole('link', { name: '2024 年' }).click();
  await expect(issues(page).locator('li.finding').first()).toBeVisible();
});
