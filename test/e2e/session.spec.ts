import type { Page, Route } from '@playwright/test';
import { expect, test } from './app.js';
import { body, cell, heading, issues, openSection, startReport, typeInto, waitSaved, expectProse } from './helpers.js';

/**
 * The open report's session (renderer/report/state): the window shows, checks and queues what
 * the clerk does, and the store catches up. These tests hold the store's answers back to see the
 * window work without them, and what waits for them.
 */

/** Holds every save (report.save) until `release`: the store is slow, or far away. */
async function holdSaves(page: Page) {
  const held: Route[] = [];
  const bodies: { edits: { kind: string }[] }[] = [];
  let holding = true;
  await page.route('**/api/report.save', async (route) => {
    bodies.push(route.request().postDataJSON() as { edits: { kind: string }[] });
    if (holding) held.push(route);
    else await route.continue();
  });
  return {
    held,
    bodies,
    async release() {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /保存/ });

test('the rules read the text in the window: a finding about 五 comes and goes while the store has not answered; 已保存 only when it has', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  const saves = await holdSaves(page);
  await openSection(page, heading('s5'));
  await body(page).click();
  // in 五, 「2024年…将…」 in the 2024 report speaks of this year as if it were the next (G-5)
  await page.keyboard.type('下一步，2024年我镇将进一步规范依申请公开答复工作。');
  const g5 = issues(page).locator('li.finding', { hasText: 'G-5' });
  await expect(g5).toBeVisible();
  await expect(status(page)).toHaveText('正在保存…');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('下一步，2025年我镇将进一步规范依申请公开答复工作。');
  await expect(g5).toHaveCount(0);
  await expect(status(page)).toHaveText('正在保存…');
  await expect.poll(() => saves.held.length).toBeGreaterThan(0);

  await saves.release();
  await waitSaved(page);
  await page.reload();
  await expectProse(body(page), '下一步，2025年我镇将进一步规范依申请公开答复工作。');
});

test('one queue for every kind of change: a figure and a text made while the store is busy go in one save; 定稿 waits for them', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, heading('s3'));
  const saves = await holdSaves(page);
  // the first change goes at once and is held by the slow store
  await typeInto(page, 't3.r1.np', '5');
  await expect.poll(() => saves.held.length).toBe(1);
  // meanwhile: figures that break the 勾稽关系 (A-3: 5 + 0 ≠ 9 + 0), and a text in 六
  await typeInto(page, 't3.r2.np', '0');
  await typeInto(page, 't3.r3_1.np', '9');
  await typeInto(page, 't3.r4.np', '0');
  await openSection(page, heading('s6'));
  await body(page).click();
  await page.keyboard.type('本年度未收取信息处理费。');

  // 定稿 must see what the clerk sees: it waits for the store
  await page.getByRole('button', { name: '定稿…' }).click();
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog', { name: '定稿' })).toHaveCount(0);
  await saves.release();
  const dialog = page.getByRole('dialog', { name: '定稿' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: '必须改正的问题' })).toContainText('A-3');
  await expect(status(page)).toContainText('已保存');

  // the second save held the figure and the text together
  const kinds = saves.bodies.map((b) => [...new Set(b.edits.map((e) => e.kind))].sort().join('+'));
  expect(kinds).toEqual(['cell', 'cell+section']);
  await dialog.getByRole('button', { name: '取消' }).click();
  await openSection(page, heading('s3'));
  await expect(cell(page, 't3.r3_1.np')).toHaveText('9');
});
