import type { AgencyRecord, ReportSummary } from '../../core/api.js';
import { expect, test } from './app.js';
import { api, createAgency, issues, SIGNOFF } from './helpers.js';

/**
 * Issue 12, point 18: where local rules set the publication deadline, the clerk sets it in 机关信息;
 * the window's rules check the 落款 date against it (G-3). A township has no statutory deadline,
 * so until it is set nothing is checked.
 */

const LATE = '晚于乡镇的发布期限 2025年1月15日';

test('the publication deadline is set in 机关信息 and the 落款 date is checked against it', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.launchUrl);
  await createAgency(page);
  const [agency] = await api<AgencyRecord[]>(page, app, 'agency.list', {});
  const report = await api<ReportSummary>(page, app, 'report.create', { agencyId: agency!.id, year: 2024 });
  // 落款 on 20 January 2025
  await api(page, app, 'signoff.save', { reportId: report.id, signoff: SIGNOFF });

  const field = page.getByRole('textbox', { name: /本地规定的发布期限/ });
  const openAgency = async () => {
    await page.goto(`${app.url}#/reports`);
    await page.getByRole('button', { name: '机关信息' }).click();
    await expect(field).toBeVisible();
  };
  const openReport = async () => {
    await page.goto(`${app.url}#/report/${report.id}/s6`);
    await expect(issues(page)).toBeVisible();
  };

  // no deadline for a township: nothing to find
  await openReport();
  await expect(issues(page)).not.toContainText('发布期限');

  // a date that does not exist is refused in Chinese, and nothing is stored
  await openAgency();
  await field.fill('2月30日');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('发布期限请写成 月-日').first()).toBeVisible();
  expect((await api<{ deadline: string }>(page, app, 'agency.deadline', { agencyId: agency!.id })).deadline).toBe('');

  // 1月15日, written as a clerk writes it, is kept as 1-15 and checked
  await field.fill('1月15日');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('table', { name: '报告列表' })).toBeVisible();
  await openAgency();
  await expect(field).toHaveValue('1-15');
  await field.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/deadline-setting.png' });
  await openReport();
  await expect(issues(page)).toContainText(LATE);

  // a later local deadline: the 落款 date is in time
  await openAgency();
  await field.fill('1-25');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('table', { name: '报告列表' })).toBeVisible();
  await openReport();
  await expect(issues(page)).not.toContainText('发布期限');
});
