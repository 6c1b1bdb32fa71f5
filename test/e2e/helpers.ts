import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** First run: fills the agency form and saves it. */
export async function createAgency(page: Page, name = '某某县清河镇人民政府'): Promise<void> {
  await expect(page.getByRole('heading', { name: '欢迎使用年报助手' })).toBeVisible();
  await page.getByLabel('机关全称').fill(name);
  await page.getByLabel('乡镇').check();
  await page.getByLabel('所在地区').fill('某某省某某市某某县');
  await page.getByLabel('通讯地址').fill('某某县清河镇人民路1号');
  await page.getByLabel('邮政编码').fill('410300');
  await page.getByLabel('联系电话').fill('0731-83000000');
  await page.getByLabel('电子邮箱').fill('qhz@example.gov.cn');
  await page.getByRole('button', { name: '保存，开始编制' }).click();
  await expect(page.getByRole('heading', { name: '年度报告' })).toBeVisible();
}

/** Creates the report for a year from the report list and waits for it to open. */
export async function createReport(page: Page, year: number): Promise<void> {
  await page.getByLabel('报告年度').fill(String(year));
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect(page.getByText(`${year} 年政府信息公开工作年度报告`)).toBeVisible();
}

export async function openSection(page: Page, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: '报告的六个部分' }).getByRole('link', { name: heading }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
}

export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status')).toContainText('已保存');
}
