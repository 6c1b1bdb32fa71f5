import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, startApp, tempDataDir, test, type RunningApp } from './app.js';
import { api, body, cell, createAgency, createReport, heading, openSection, reportIdOf, typeInto, waitSaved, expectProse } from './helpers.js';
import { damageIndexOnly, damageTable } from '../unit/backup/damage.js';
import { smallDisk } from '../unit/backup/disk.js';

const AGENCY = {
  name: '某某县清河镇人民政府',
  level: 'township',
  region: '某某省某某县',
  contact: { address: '', postcode: '', phone: '', email: '' },
  website: '',
};

/** An agency and its 2024 report with a figure, through the API: the data a test starts from. */
async function seed(page: import('@playwright/test').Page, app: RunningApp, value = 5): Promise<number> {
  const agency = await api<{ id: number }>(page, app, 'agency.create', { agency: AGENCY });
  const report = await api<{ id: number }>(page, app, 'report.create', { agencyId: agency.id, year: 2024 });
  await api(page, app, 'cells.set', { reportId: report.id, changes: [{ cellId: 't3.r1.np', value }] });
  return report.id;
}

const cellValue = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT value FROM cells WHERE cell_id = 't3.r1.np'").pluck().get();
  } finally {
    db.close();
  }
};

for (const signal of ['SIGHUP', 'SIGTERM', 'SIGINT'] as const) {
  test(`browser mode stopped by ${signal} (closing the terminal, the system, Ctrl+C): nianbao.db alone is complete`, async ({ page, app, dataDir }) => {
    await page.goto(app.launchUrl);
    await seed(page, app, 17);
    expect(fs.existsSync(path.join(dataDir, 'nianbao.lock'))).toBe(true);
    await app.stop(signal);
    const wal = path.join(dataDir, 'nianbao.db-wal');
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'nianbao.lock'))).toBe(false);
    // the file copied alone, as a clerk would copy it to a USB stick
    const copy = path.join(tempDataDir(), 'nianbao.db');
    fs.copyFileSync(path.join(dataDir, 'nianbao.db'), copy);
    expect(cellValue(copy)).toBe(17);
  });
}

test('备份与恢复: back up, change, restore from the list; the replaced data is kept as a backup', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await createAgency(page);
  await createReport(page, 2024);
  await openSection(page, heading('s3'));
  await typeInto(page, 't3.r1.np', '5');
  await waitSaved(page);
  const reportId = reportIdOf(page);

  await page.getByRole('button', { name: '返回报告列表' }).click();
  await page.getByRole('button', { name: '备份与恢复' }).click();
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  await expect(page.getByText('还没有备份')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByRole('status')).toContainText('已备份（手动备份）');
  const list = page.getByRole('table', { name: '备份列表' });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText('手动备份');
  await expect(list).toContainText('某某县清河镇人民政府 2024');

  // a change after the backup
  await page.goto(`${app.url}#/report/${reportId}/s3`);
  await cell(page, 't3.r1.np').click();
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await waitSaved(page);
  await expect(cell(page, 't3.r1.np')).toHaveText('9');

  await page.goto(`${app.url}#/backups`);
  await list.getByRole('row', { name: /手动备份/ }).getByRole('button', { name: '恢复…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('现在的数据会先另存为一份「恢复前的数据」备份');
  await dialog.getByRole('button', { name: '恢复', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('已恢复。原来的数据已另存为「恢复前的数据」');
  await expect(list.getByRole('row').nth(1)).toContainText('恢复前的数据');

  await page.goto(`${app.url}#/report/${reportId}/s3`);
  await expect(cell(page, 't3.r1.np')).toHaveText('5');
  // and the restore is itself undone the same way, from 「恢复前的数据」
  await page.goto(`${app.url}#/backups`);
  await list.getByRole('row', { name: /恢复前的数据/ }).getByRole('button', { name: '恢复…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '恢复', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('已恢复');
  await page.goto(`${app.url}#/report/${reportId}/s3`);
  await expect(cell(page, 't3.r1.np')).toHaveText('9');
});

test('备份到…: the backup comes down as one file that holds the data', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await seed(page, app, 23);
  await api(page, app, 'backup.create', {});
  await page.goto(`${app.url}#/backups`);
  const download = page.waitForEvent('download');
  await page.getByRole('table', { name: '备份列表' }).getByRole('button', { name: '备份到…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^年报助手备份-.*-manual\.db$/);
  const saved = path.join(tempDataDir(), 'copy.db');
  await file.saveAs(saved);
  expect(cellValue(saved)).toBe(23);
});

test('a damaged data file: the fault screen offers the newest good backup and restores it', async ({ page, dataDir }) => {
  const first = await startApp(dataDir);
  await page.goto(first.launchUrl);
  await seed(page, first, 5);
  await api(page, first, 'backup.create', {});
  await first.stop();
  damageTable(path.join(dataDir, 'nianbao.db'));

  const app = await startApp(dataDir);
  try {
    await page.goto(app.launchUrl);
    await expect(page.getByRole('heading', { name: '数据文件损坏了' })).toBeVisible();
    await expect(page.getByRole('alert')).not.toContainText('不会因此丢失');
    const offer = page.getByLabel('最近一份完好的备份');
    await expect(offer).toContainText('手动备份');
    await expect(offer).toContainText('某某县清河镇人民政府 2024');
    await offer.getByRole('button', { name: '用这份备份恢复…' }).click();
    await expect(page.getByRole('dialog')).toContainText('损坏的数据文件会原样移到备份文件夹里留存');
    await page.getByRole('dialog').getByRole('button', { name: '恢复', exact: true }).click();
    await expect(page.getByRole('link', { name: '2024 年' })).toBeVisible();
    await page.getByRole('button', { name: '备份与恢复' }).click();
    await expect(page.getByRole('table', { name: '备份列表' })).toContainText('损坏的数据文件（留作抢救）');
  } finally {
    await app.stop();
  }
});

test('damage found by the background check while the clerk works: the window stops and says so', async ({ page, dataDir }) => {
  const first = await startApp(dataDir);
  await page.goto(first.launchUrl);
  const reportId = await seed(page, first, 5);
  await api(page, first, 'backup.create', {});
  await first.stop();
  // damage that only the full integrity check sees: the window opens as usual
  damageIndexOnly(path.join(dataDir, 'nianbao.db'));

  const app = await startApp(dataDir);
  try {
    await page.goto(app.launchUrl);
    // the check runs in the background: the window opens as usual, or — when the check was
    // quicker than the page — already on the fault screen; the next thing the clerk does meets it
    await expect(page.getByRole('link', { name: '2024 年' }).or(page.getByRole('heading', { name: '数据文件损坏了' }))).toBeVisible();
    await expect(async () => {
      await page.goto(`${app.url}#/report/${reportId}/s3`);
      await expect(page.getByRole('heading', { name: '数据文件损坏了' })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(page.getByLabel('最近一份完好的备份')).toBeVisible();
  } finally {
    await app.stop();
  }
});

test('a second browser mode on the same folder is told which program holds it, and goes on once that one is closed', async ({ page, app, dataDir }) => {
  await page.goto(app.launchUrl);
  await seed(page, app);
  const second = await startApp(dataDir);
  try {
    const other = await page.context().newPage();
    await other.goto(second.launchUrl);
    await expect(other.getByRole('heading', { name: '数据文件夹正被另一个年报助手使用' })).toBeVisible();
    await expect(other.getByRole('alert')).toContainText(`浏览器模式（进程 ${app.process.pid}`);
    await app.stop();
    await other.getByRole('button', { name: '重试' }).click();
    await expect(other.getByRole('link', { name: '2024 年' })).toBeVisible();
  } finally {
    await second.stop();
  }
});

test('the disk fills up while the clerk writes: the window says so in Chinese, keeps the text, and saves it by itself once there is room', async ({ page }, testInfo) => {
  const disk = smallDisk(16 * 1024);
  testInfo.skip(!disk, 'needs a small disk of its own (root and a system that allows mounting a tmpfs)');
  const app = await startApp(path.join(disk!.dir, 'data'));
  try {
    await page.goto(app.launchUrl);
    await createAgency(page);
    await createReport(page, 2024);
    await body(page).fill('第一段。');
    await waitSaved(page);

    const free = disk!.fill(64);
    const long = '本年度继续推进政务公开标准化规范化建设，'.repeat(10_000);
    await body(page).fill(long);
    await expect(page.getByRole('status')).toContainText('没有保存：磁盘已满');
    await expect(page.getByRole('status')).toContainText('问题解决后会自动重新保存');
    await expectProse(body(page), long);

    free();
    // nothing typed: the window tries again by itself
    await expect(page.getByRole('status')).toContainText('已保存', { timeout: 20_000 });
    await page.reload();
    await expectProse(body(page), long);
  } finally {
    await app.stop();
    disk!.unmount();
  }
});
