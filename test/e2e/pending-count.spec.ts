import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AgencyRecord, ReportSummary } from '../../core/api.js';
import { expect, test } from './app.js';
import { api, body, createAgency, expectProse, heading, issues } from './helpers.js';

/**
 * 「待更新」 after carrying last year (issue 12, point 6): the count above the text, the places
 * highlighted in it, the list under it and rule X-6 in the findings are one list (core's
 * staleSpots), so they agree at every moment — a figure said twice is two places, 「1名」 is a
 * mention like 「7个」 — and 「确认无需修改」 changes them all at once, without a keystroke.
 */

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'carry-shots');
const marked = (page: Page) => page.evaluate<string[]>(`[...(CSS.highlights.get('pending') ?? [])].map((r) => r.toString())`);
const bar = (page: Page) => page.getByLabel('待更新的年份和数字');
const x6 = (page: Page) => issues(page).locator('li.finding', { hasText: 'X-6' });

/** Our own words, in the shape carried texts have: a year, one figure said twice, units 个 and 名. */
const LAST_YEAR = '2023年，我镇受理申请5件，按期答复5件，新增公开栏目7个，培训信息员1名。';

test('the count, the highlights, the list and X-6 agree; 确认无需修改 updates them all at once', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await createAgency(page);
  const [agency] = await api<AgencyRecord[]>(page, app, 'agency.list', {});
  const last = await api<ReportSummary>(page, app, 'report.create', { agencyId: agency!.id, year: 2023 });
  await api(page, app, 'section.set', { reportId: last.id, key: 's1', text: LAST_YEAR });
  await page.reload();
  await expect(page.getByRole('table', { name: '报告列表' })).toContainText('2023 年');
  await page.getByLabel('报告年度').fill('2024');
  await expect(page.getByRole('group', { name: '新建 2024 年报告的方式' })).toBeVisible();
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect(page.getByText('2024 年政府信息公开工作年度报告')).toBeVisible();
  await page.getByRole('navigation', { name: '报告的六个部分' }).getByRole('link', { name: heading('s1') }).click();
  await expectProse(body(page), LAST_YEAR);

  // five places: 2023年, 5件 twice, 7个, 1名 — counted, highlighted, listed and found alike
  const all = ['2023年', '5件', '5件', '7个', '1名'];
  await expect.poll(() => marked(page)).toEqual(all);
  await expect(page.getByLabel('与上年对照')).toContainText('还有 5 处年份或数字待更新');
  await expect(bar(page).locator('.pending-chip')).toHaveText(all.map((m) => `${m}✓`));
  await expect(x6(page)).toContainText('还有 5 处');
  await page.screenshot({ path: path.join(SHOTS, 'pending-count.png') });

  // 「5件」 confirmed once: both its places go from all four at once, no keystroke needed
  await bar(page).getByRole('button', { name: '确认「5件」无需修改' }).first().click();
  const rest = ['2023年', '7个', '1名'];
  await expect.poll(() => marked(page)).toEqual(rest);
  await expect(page.getByLabel('与上年对照')).toContainText('还有 3 处年份或数字待更新');
  await expect(bar(page).locator('.pending-chip')).toHaveText(rest.map((m) => `${m}✓`));
  await expect(x6(page)).toContainText('还有 3 处');
  await expect(x6(page)).toContainText('（2023年、7个、1名）');

  // the rest confirmed: nothing left anywhere
  for (const m of rest) await bar(page).getByRole('button', { name: `确认「${m}」无需修改` }).click();
  await expect.poll(() => marked(page)).toEqual([]);
  await expect(page.getByLabel('与上年对照')).toContainText('都已更新或确认');
  await expect(x6(page)).toHaveCount(0);
});
