import type { Page, Route } from '@playwright/test';
import { expect, test, type RunningApp } from './app.js';
import { api, body, expectProse, heading, openSection, reportIdOf, startReport, waitSaved } from './helpers.js';

/**
 * Two windows on one report (issue 12, point 4): two tabs of browser mode on the same report.
 * The second tab's save is held back until the first has saved, so that it reaches the store on
 * an old revision: the store refuses it, and the tab shows both texts and lets the clerk choose.
 */

/** Holds this tab's saves until `release` (the clerk typed while the other tab saved). */
async function holdSaves(page: Page) {
  const held: Route[] = [];
  let holding = true;
  await page.route('**/api/report.save', async (route) => {
    if (holding) held.push(route);
    else await route.continue();
  });
  return {
    held,
    async release() {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
      await page.unroute('**/api/report.save');
    },
  };
}

async function openTab(page: Page, app: RunningApp, reportId: number, section: string) {
  await page.goto(app.launchUrl);
  await expect(page.getByRole('heading', { name: '年度报告' })).toBeVisible();
  await page.evaluate(`window.location.hash = '#/report/${reportId}/${section}'`);
  await expect(body(page)).toBeVisible();
}

/** The window comes back to the front (headless tabs do not switch focus by themselves). */
const FOCUS = `window.dispatchEvent(new Event('focus'))`;

const stored = async (page: Page, app: RunningApp, reportId: number, key: string) =>
  ((await api<{ data: { sections: Record<string, string> } }>(page, app, 'report.open', { reportId })).data.sections[key] ?? '');

/** Both tabs write in one section; the second's save arrives after the first's and meets the dialog. */
async function clash(one: Page, two: Page, key: 's1' | 's5' | 's6', mine: string, theirs: string) {
  await openSection(one, heading(key));
  await openSection(two, heading(key));
  const saves = await holdSaves(two);
  await body(two).click();
  await two.keyboard.press('Control+a');
  await two.keyboard.type(mine);
  await expect.poll(() => saves.held.length).toBeGreaterThan(0);
  await body(one).click();
  await one.keyboard.press('Control+a');
  await one.keyboard.type(theirs);
  await body(one).blur();
  await waitSaved(one);
  await saves.release();
  const dialog = two.getByRole('dialog', { name: '这份报告在另一个窗口里改过了' });
  await expect(dialog).toBeVisible();
  const item = dialog.getByRole('group', { name: heading(key) });
  await expect(item.getByLabel(`${heading(key)}：另一个窗口保存的`)).toHaveText(theirs);
  await expect(item.getByLabel(`${heading(key)}：这个窗口里的`)).toHaveText(mine);
  // nothing stored over the other's text while the clerk has not chosen
  await expect(two.getByRole('status')).toContainText('另一个窗口改过');
  return { dialog, item };
}

test('two tabs on one report: the later save shows both texts; keep mine, take theirs, or both, each stored as chosen, nothing typed lost', async ({ page, app, context }) => {
  await startReport(page, app.launchUrl);
  const reportId = reportIdOf(page);
  const two = await context.newPage();
  await openTab(two, app, reportId, 's5');

  // 五: keep this window's text
  {
    const { dialog, item } = await clash(page, two, 's5', '乙窗口写的问题和改进。', '甲窗口写的问题和改进。');
    await item.getByLabel('保留这个窗口的').check();
    await dialog.getByRole('button', { name: '按所选保存' }).click();
    await expect(dialog).toHaveCount(0);
    await waitSaved(two);
    await expect.poll(() => stored(page, app, reportId, 's5')).toBe('乙窗口写的问题和改进。');
    await expectProse(body(two), '乙窗口写的问题和改进。');
  }
  // the first tab, brought back to the front with nothing unsaved, shows what is stored now
  await page.evaluate(FOCUS);
  await expectProse(body(page), '乙窗口写的问题和改进。');

  // 六: take the other window's text
  {
    const { dialog, item } = await clash(page, two, 's6', '乙：本年度未收取信息处理费。', '甲：本年度没有收取信息处理费。');
    await item.getByLabel('采用另一个窗口的').check();
    await dialog.getByRole('button', { name: '按所选保存' }).click();
    await expect(dialog).toHaveCount(0);
    await expectProse(body(two), '甲：本年度没有收取信息处理费。');
    await expect.poll(() => stored(page, app, reportId, 's6')).toBe('甲：本年度没有收取信息处理费。');
  }

  // 五 again: both texts, edited into one
  await page.evaluate(FOCUS);
  {
    const { dialog, item } = await clash(page, two, 's5', '乙补充的一句。', '甲重写的一段。');
    await item.getByLabel('两份合在一起，我再改').check();
    const both = item.getByLabel(`${heading('s5')}：合在一起的文字`);
    await expect(both).toHaveValue('乙补充的一句。\n甲重写的一段。');
    await both.press('Control+End');
    await both.type('（已合并）');
    await dialog.getByRole('button', { name: '按所选保存' }).click();
    await expect(dialog).toHaveCount(0);
    const merged = '乙补充的一句。\n甲重写的一段。（已合并）';
    await expect.poll(() => stored(page, app, reportId, 's5')).toBe(merged);
    await expectProse(body(two), merged);
    await waitSaved(two);
  }
});

test('a tab that comes back to the front loads what another tab saved, when it has nothing unsaved', async ({ page, app, context }) => {
  await startReport(page, app.launchUrl);
  const reportId = reportIdOf(page);
  await openSection(page, heading('s6'));
  const two = await context.newPage();
  await openTab(two, app, reportId, 's6');
  await body(two).click();
  await two.keyboard.type('另一个标签页写的。');
  await body(two).blur();
  await waitSaved(two);
  await expectProse(body(page), '');
  await page.bringToFront();
  await page.evaluate(FOCUS);
  await expectProse(body(page), '另一个标签页写的。');
});
