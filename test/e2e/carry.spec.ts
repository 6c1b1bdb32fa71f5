import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ReportDetail, ReportSummary, AgencyRecord } from '../../core/api.js';
import { signableCells, signableProse } from '../unit/signoff/fixture.js';
import { expect, test, type RunningApp } from './app.js';
import { api, body, cell, createAgency, heading, issues, openSection, reportIdOf, waitSaved, expectProse } from './helpers.js';

const S1 = heading('s1');
const T2 = heading('s2');
const T3 = heading('s3');
const S5 = heading('s5');
const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'carry-shots');

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
/** The figure a cell shows, without what is written under it (last year's figure, the change). */
const figure = (page: Page, id: string) => cell(page, id).locator('.cell-text');
const pendingBar = (page: Page) => page.getByLabel('待更新的年份和数字');
/** The places marked 「待更新」 in the text: the browser highlights the editor draws (page code as text: no DOM types here). */
const marked = (page: Page) => page.evaluate<string[]>(`[...(CSS.highlights.get('pending') ?? [])].map((r) => r.toString())`);

/** Last year's report, filled so that it could be signed: 3 + 1 applications carried into the next year. */
const CELLS_2023 = signableCells({
  't3.r1.np': 12,
  't3.r2.np': 1,
  't3.r3_1.np': 9,
  't3.r3_2.np': 1,
  't3.r4.np': 3,
  't3.r1.biz': 1,
  't3.r4.biz': 1,
  't2.norm.made': 3,
  't2.norm.valid': 12,
});
const PROSE_2023 = {
  ...signableProse('2023年，我镇共收到政府信息公开申请13件，主动公开政府信息120条。'),
  s5: '（一）存在的问题\n信息更新还不够及时，公开内容不够全面。\n（二）改进情况\n2024年将加强培训，提升信息发布质量。',
};

async function makeLastYear(page: Page, app: RunningApp): Promise<{ agency: AgencyRecord; report: ReportSummary }> {
  const [agency] = await api<AgencyRecord[]>(page, app, 'agency.list', {});
  const report = await api<ReportSummary>(page, app, 'report.create', { agencyId: agency!.id, year: 2023 });
  await api(page, app, 'cells.set', { reportId: report.id, changes: Object.entries(CELLS_2023).map(([cellId, value]) => ({ cellId, value })) });
  for (const [key, text] of Object.entries(PROSE_2023)) await api(page, app, 'section.set', { reportId: report.id, key, text });
  return { agency: agency!, report };
}

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('2023 → 2024: carry, 待更新 in the text, a changed carried figure asks why, X-1 after last year changes, 对比上年', async ({ page, app }) => {
  test.setTimeout(150_000);
  await page.goto(app.launchUrl);
  await createAgency(page);
  const { agency, report: last } = await makeLastYear(page, app);
  await page.reload();
  // the list has loaded (and with it the year it suggests) before the year is typed
  await expect(page.getByRole('table', { name: '报告列表' })).toContainText('2023 年');

  // 新建 2024: carrying 2023 is offered and chosen, with what comes across
  await page.getByLabel('报告年度').fill('2024');
  const options = page.getByRole('group', { name: '新建 2024 年报告的方式' });
  await expect(options.getByRole('radio', { name: '从 2023 年报告结转（推荐）' })).toBeChecked();
  const preview = options.getByLabel('结转预览');
  await expect(preview).toContainText('取 2023 年的「四、结转下年度继续办理」：自然人 3，商业企业 1，科研机构 0');
  await expect(preview).toContainText('行政规范性文件 12');
  await expect(preview).toContainText('文字：「一、总体情况」、「五、存在的主要问题及改进情况」、「六、其他需要报告的事项」');
  await shot(page, '1-new-from-last-year');
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect(page.getByText('2024 年政府信息公开工作年度报告')).toBeVisible();
  const reportId = reportIdOf(page);

  // 一: last year's years and figures are marked 「待更新」
  await expectProse(body(page), /^2023年，我镇共收到政府信息公开申请13件/);
  await expect.poll(() => marked(page)).toEqual(['2023年', '13件', '120条']);
  await expect(page.getByLabel('与上年对照')).toContainText('还有 3 处年份或数字待更新');
  await expect(page.getByLabel('与上年对照')).toContainText('与 2023 年同一部分相似度 100%');
  await shot(page, '2-pending-marks');

  // edit one: 「定位」 selects it, typing replaces it, and it is no longer marked
  await pendingBar(page).getByRole('button', { name: '2023年', exact: true }).click();
  await page.keyboard.type('2024年');
  await expect.poll(() => marked(page)).toEqual(['13件', '120条']);
  // confirm one on the mark itself: the caret in it shows 「确认无需修改」
  await pendingBar(page).getByRole('button', { name: '13件', exact: true }).click();
  await page.keyboard.press('ArrowLeft');
  const pop = page.getByRole('group', { name: '待更新：13件' });
  await expect(pop).toBeVisible();
  await shot(page, '3-confirm-on-mark');
  await pop.getByRole('button', { name: '确认无需修改' }).click();
  await expect.poll(() => marked(page)).toEqual(['120条']);
  // and one from the list
  await pendingBar(page).getByRole('button', { name: '确认「120条」无需修改' }).click();
  await expect.poll(() => marked(page)).toEqual([]);
  await expect(page.getByLabel('与上年对照')).toContainText('都已更新或确认');
  await waitSaved(page);
  let opened = await api<ReportDetail>(page, app, 'report.open', { reportId });
  expect(opened.data.sections.s1).toMatch(/^2024年，/);
  expect(opened.data.carry?.pending.s1).toEqual(['2023年']); // edited away: no longer in the text, so not marked
  await shot(page, '4-all-looked-at');

  // 五 carried as it was: similarity 100 %, X-5 in the issues panel
  await openSection(page, S5);
  await expect(page.getByLabel('与上年对照')).toContainText('相似度 100%：与上年高度雷同');
  await expect(issues(page)).toContainText('X-5');

  // 三: 上年结转 came from 2023's 四, marked as carried
  await openSection(page, T3);
  await expect(figure(page, 't3.r2.np')).toHaveText('3');
  await expect(figure(page, 't3.r2.biz')).toHaveText('1');
  await expect(figure(page, 't3.r2.total')).toHaveText('4');
  await expect(cell(page, 't3.r2.np')).toHaveClass(/carried/);
  await expect(cell(page, 't3.r2.np')).toHaveAttribute('title', /结转：来自 2023 年报告（3）/);
  const carried = page.getByRole('region', { name: '从 2023 年报告结转' });
  await expect(carried).toContainText('从 2023 年报告「四、结转下年度继续办理」结转而来：自然人 3，商业企业 1');
  await expect(issues(page)).not.toContainText('X-1');
  await shot(page, '5-carried-cells');

  // changing a carried figure by hand asks why; the reason is the cell's note
  await cell(page, 't3.r2.np').click();
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: '为什么改动结转的数字' });
  await expect(ask).toContainText('从 2023 年报告结转来的是 3，现在改为 5');
  await shot(page, '6-reason-asked');
  await ask.getByRole('button', { name: '保存原因' }).click();
  await expect(ask.getByRole('alert')).toContainText('请写明为什么改动结转的数字');
  await ask.getByRole('textbox').fill('2023 年底受理的 2 件申请补录');
  await ask.getByRole('button', { name: '保存原因' }).click();
  await expect(ask).toBeHidden();
  await expect(cell(page, 't3.r2.np')).toHaveClass(/has-note/);
  await expect(cell(page, 't3.r2.np')).toHaveAttribute('title', /说明：2023 年底受理的 2 件申请补录/);
  await expect(carried).toContainText('已由结转的 3 改为 5：原因：2023 年底受理的 2 件申请补录');
  // X-1 names both years' values
  await expect(issues(page)).toContainText('2024年表三「二、上年结转政府信息公开申请数量」·自然人 为 5，而2023年报告的表三「四、结转下年度继续办理」·自然人 为 3');
  await waitSaved(page);
  opened = await api<ReportDetail>(page, app, 'report.open', { reportId });
  expect(opened.data.notes['t3.r2.np']).toBe('2023 年底受理的 2 件申请补录');

  // undo brings 3 back; the note is kept, and the window says so
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(figure(page, 't3.r2.np')).toHaveText('3');
  const toast = page.locator('.carry-toast');
  await expect(toast).toContainText('已恢复为结转的 3。改动时写的原因「2023 年底受理的 2 件申请补录」仍保存在这一格');
  await shot(page, '7-undo-keeps-note');
  await toast.getByRole('button', { name: '删除这条原因' }).click();
  await expect(cell(page, 't3.r2.np')).not.toHaveClass(/has-note/);
  await expect(issues(page)).not.toContainText('X-1');
  await waitSaved(page);

  // last year's 四 is corrected after the carry: X-1 fires when 2024 is opened again
  await api(page, app, 'cells.set', {
    reportId: last.id,
    changes: [
      { cellId: 't3.r4.biz', value: 2 },
      { cellId: 't3.r1.biz', value: 2 },
    ],
  });
  await page.reload();
  await expect(issues(page)).toContainText('2024年表三「二、上年结转政府信息公开申请数量」·商业企业 为 1，而2023年报告的表三「四、结转下年度继续办理」·商业企业 为 2');
  await expect(cell(page, 't3.r2.biz')).toHaveClass(/mark-error/);
  await shot(page, '8-x1-after-last-year-changed');
  // its fix takes last year's figure, which needs no reason
  await issues(page).getByRole('button', { name: '改为上年结转下年度的 2' }).click();
  await expect(figure(page, 't3.r2.biz')).toHaveText('2');
  await expect(page.getByRole('dialog', { name: '为什么改动结转的数字' })).toHaveCount(0);
  await expect(issues(page)).not.toContainText('X-1');

  // 对比上年: last year's figure beside each cell, the change, a jump flagged, the summary
  await cell(page, 't3.r1.np').click();
  await page.keyboard.type('70');
  await page.keyboard.press('Enter');
  await page.getByLabel('对比上年（2023 年）').check();
  await expect(cell(page, 't3.r1.np').locator('.yoy')).toHaveText('上年 12跳变+58 +483%');
  await expect(cell(page, 't3.r1.np')).toHaveClass(/yoy-jump/);
  // a figure not filled in yet this year shows last year's alone
  await expect(cell(page, 't3.r3_1.np').locator('.yoy')).toHaveText('上年 9');
  const summary = page.getByRole('region', { name: '与上年相比变化最大的' });
  await expect(summary.locator('li').first()).toContainText('表三「一、本年新收政府信息公开申请数量」·自然人 12 → 70（+58，+483%）');
  await expect(summary).toContainText('有 1 个数字与上年相比超过 5 倍或不到五分之一');
  await shot(page, '9-year-over-year');

  // 表二: last year's 现行有效件数 under this year's, also as the switch is on
  await openSection(page, T2);
  await expect(cell(page, 't2.norm.valid').locator('.yoy')).toContainText('上年 12');
  await page.getByLabel('对比上年（2023 年）').uncheck();
  await expect(cell(page, 't2.norm.valid').locator('.yoy-base')).toHaveText('上年 12');
  await shot(page, '10-t2-base');

  // a past year, signed, stays browsable and read-only
  await api(page, app, 'report.sign', {
    reportId: last.id,
    signoff: { preparer: '张三', reviewer: '李四', approver: '王五', date: '2024-01-20' },
    confirmWarnings: true,
    author: '张三',
  });
  await page.getByRole('button', { name: '返回报告列表' }).click();
  const row = page.getByRole('table', { name: '报告列表' }).getByRole('row', { name: /2023 年/ });
  await expect(row).toContainText('已定稿（只能查看）');
  await row.getByRole('button', { name: '查看' }).click();
  await expect(page.getByRole('note').filter({ hasText: '2023 年报告已定稿，只能查看' })).toBeVisible();
  await expect(body(page)).not.toBeEditable();
  await shot(page, '11-signed-read-only');
  expect((await api<ReportSummary[]>(page, app, 'report.list', { agencyId: agency.id })).map((r) => r.year).sort()).toEqual([2023, 2024]);
});

test('without last year in the store: 2023’s 结转 row and 现行有效件数 typed in carry into 2024', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await createAgency(page);
  await page.getByLabel('报告年度').fill('2024');
  const options = page.getByRole('group', { name: '新建 2024 年报告的方式' });
  await expect(options).toContainText('还没有 2023 年的报告');
  await expect(options.getByRole('link', { name: '导入 2023 年公布的报告' })).toHaveAttribute('href', '#/import');
  await expect(options.getByRole('radio', { name: '空白开始' })).toBeChecked();
  await options.getByRole('radio', { name: '填写 2023 年的结转数字' }).check();

  const field = (name: string) => options.getByLabel(`2023年${name}`, { exact: true });
  await field('表三「四、结转下年度继续办理」·自然人').fill('2');
  await field('表三「四、结转下年度继续办理」·其他').fill('１');
  await field('表二「规章」·现行有效件数').fill('0');
  await field('表二「行政规范性文件」·现行有效件数').fill('7x');
  await expect(field('表三「四、结转下年度继续办理」·总计')).toHaveText('3');
  await expect(options).toContainText('行政规范性文件：「7x」不是数字');
  await shot(page, '12-last-year-form');
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect(page.getByRole('alert')).toContainText('上年数字有误');
  await field('表二「行政规范性文件」·现行有效件数').fill('7');
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect(page.getByText('2024 年政府信息公开工作年度报告')).toBeVisible();

  await openSection(page, T3);
  await expect(figure(page, 't3.r2.np')).toHaveText('2');
  await expect(figure(page, 't3.r2.oth')).toHaveText('1');
  await expect(figure(page, 't3.r2.total')).toHaveText('3');
  await expect(cell(page, 't3.r2.np')).toHaveClass(/carried/);
  await openSection(page, T2);
  await expect(cell(page, 't2.norm.valid').locator('.yoy-base')).toHaveText('上年 7');
  await openSection(page, S1);
  await shot(page, '13-from-typed-figures');

  // the typed figures are kept for 2023, labelled as what they are, not as a report to finish (issue 12)
  await page.getByRole('button', { name: '返回报告列表' }).click();
  const list = page.getByRole('table', { name: '报告列表' });
  await expect(list.getByRole('row', { name: /2023 年/ })).toContainText('上年数字（手工录入）');
});

test('2020 (2019 format) → 2021: 表三 carries, 表二 says why it cannot (X-4)', async ({ page, app }) => {
  await page.goto(app.launchUrl);
  await createAgency(page);
  const [agency] = await api<AgencyRecord[]>(page, app, 'agency.list', {});
  const last = await api<ReportSummary>(page, app, 'report.create', { agencyId: agency!.id, year: 2020 });
  await api(page, app, 'cells.set', {
    reportId: last.id,
    changes: [
      { cellId: 't3.r1.np', value: 20 },
      { cellId: 't3.r4.np', value: 4 },
      { cellId: 't2.reg.new_made', value: 2 },
    ],
  });
  await page.reload();
  await expect(page.getByRole('table', { name: '报告列表' })).toContainText('2020 年');
  await page.getByLabel('报告年度').fill('2021');
  const preview = page.getByRole('group', { name: '新建 2021 年报告的方式' }).getByLabel('结转预览');
  await expect(preview).toContainText('自然人 4');
  await expect(preview).toContainText('2020 年使用 2019 年版格式');
  await expect(preview).toContainText('X-4');
  await shot(page, '14-x4-preview');
  await page.getByRole('button', { name: '新建报告' }).click();
  await expect(page.getByText('2021 年政府信息公开工作年度报告')).toBeVisible();

  await openSection(page, T2);
  await expect(page.getByRole('region', { name: '从 2020 年报告结转' })).toContainText('不能结转');
  await page.getByLabel('对比上年（2020 年）').check();
  await expect(page.getByText('不能与 2020 年逐项比较。')).toBeVisible();
  await expect(cell(page, 't2.reg.made').locator('.yoy')).toHaveCount(0);
  await openSection(page, T3);
  await expect(figure(page, 't3.r2.np')).toHaveText('4');
  await expect(cell(page, 't3.r1.np').locator('.yoy')).toHaveText('上年 20');
  await shot(page, '15-2021-from-2020');
});
