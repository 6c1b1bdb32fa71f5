import fs from 'node:fs';
import path from 'node:path';
import { SECTIONS, sectionHeading } from '../../core/format/index.js';
import { expect, startApp, test } from './app.js';
import { createAgency, createReport, openSection, waitSaved, expectProse } from './helpers.js';

test('first run → agency → 2024 report → six sections → text survives reload and restart', async ({ page, app, dataDir }) => {
  // offline by construction: every request the window makes goes to the app itself
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(app.launchUrl);
  await createAgency(page);
  await createReport(page, 2024);
  await expect(page.getByText('2021年版格式').first()).toBeVisible();

  for (const section of SECTIONS) {
    await openSection(page, sectionHeading(section));
  }
  await openSection(page, '三、收到和处理政府信息公开申请情况');
  await expect(page.getByText('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).toBeVisible();

  await openSection(page, '一、总体情况');
  const text = '2024年，我镇认真贯彻落实《中华人民共和国政府信息公开条例》。\n（一）主动公开';
  await page.getByLabel('正文').fill(text);
  await waitSaved(page);

  await page.reload();
  await expectProse(page.getByLabel('正文'), text);
  const foreign = requests.filter((u) => !u.startsWith(app.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(5);

  // a new launch: new port, new token, same data folder
  await app.stop();
  const again = await startApp(dataDir);
  try {
    await page.goto(again.launchUrl);
    await expect(page.getByRole('link', { name: '2024 年' })).toBeVisible();
    await page.getByRole('link', { name: '2024 年' }).click();
    await expectProse(page.getByLabel('正文'), text);
  } finally {
    await again.stop();
  }
});

test('agency form refuses bad input inline and saves nothing until fixed', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await page.getByLabel('邮政编码').fill('41030');
  await page.getByLabel('电子邮箱').fill('not-an-email');
  await page.getByLabel('联系电话').fill('电话号码');
  await page.getByRole('button', { name: '保存，开始编制' }).click();
  await expect(page.getByText('请填写机关全称')).toBeVisible();
  await expect(page.getByText('邮政编码应为 6 位数字')).toBeVisible();
  await expect(page.getByText('电子邮箱格式不对', { exact: false })).toBeVisible();
  await expect(page.getByText('电话号码格式不对', { exact: false })).toBeVisible();
  // nothing saved: after a reload the first-run form is still there
  await page.reload();
  await expect(page.getByRole('heading', { name: '欢迎使用年报助手' })).toBeVisible();
});

test('a second report for the same year is refused, naming the existing one; delete asks first', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await createAgency(page);
  await createReport(page, 2024);
  await page.getByRole('button', { name: '返回报告列表' }).click();
  await page.getByLabel('报告年度').fill('2024');
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect(page.getByRole('alert')).toContainText('2024 年报告已经有了');

  await page.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('dialog')).toContainText('不能恢复');
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('link', { name: '2024 年' })).toBeVisible();
  await page.getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('还没有报告')).toBeVisible();
});

test('a corrupt database shows a screen that says what to do, not a blank window', async ({ page, dataDir }) => {
  fs.writeFileSync(path.join(dataDir, 'nianbao.db'), 'this is not a database'.repeat(100));
  const app = await startApp(dataDir);
  try {
    await page.goto(app.launchUrl);
    await expect(page.getByRole('heading', { name: '数据文件损坏了' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('数据文件已损坏');
    await expect(page.getByRole('alert')).toContainText('备份');
    // a new folder has no backup yet: the screen says what else can be done (issue 14 offers the newest good one)
    await expect(page.getByRole('alert')).toContainText('没有找到完好的备份');
  } finally {
    await app.stop();
  }
});
