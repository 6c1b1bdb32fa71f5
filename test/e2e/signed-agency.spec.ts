import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import type { AgencyRecord, ExportDelivery, ReportSummary } from '../../core/api.js';
import { signableCells, signableProse } from '../unit/signoff/fixture.js';
import { expect, test, type RunningApp } from './app.js';
import { api, createAgency, expectProse, heading, openSection } from './helpers.js';

/**
 * What is frozen looks frozen (issue 12, point 7): once signed, a report's 导语 and every text
 * made from the agency's details stay as they were signed — on screen, in the preview and in the
 * exports — when the agency's details change later; the window says so. A draft follows the
 * agency's details now, and so does the signed report once it is reopened (「修改定稿」).
 */

const OLD = '某某县清河镇人民政府';
const NEW = '某某县清河街道办事处';
const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'export-shots');

async function signedAndDraft(page: Page, app: RunningApp): Promise<{ signed: ReportSummary; draft: ReportSummary }> {
  const [agency] = await api<AgencyRecord[]>(page, app, 'agency.list', {});
  const make = async (year: number) => {
    const report = await api<ReportSummary>(page, app, 'report.create', { agencyId: agency!.id, year });
    await api(page, app, 'cells.set', { reportId: report.id, changes: Object.entries(signableCells()).map(([cellId, value]) => ({ cellId, value })) });
    const prose = signableProse('本年度，我镇认真落实政府信息公开各项要求。');
    for (const key of ['s1', 's5', 's6'] as const) await api(page, app, 'section.set', { reportId: report.id, key, text: prose[key] });
    return report;
  };
  const signed = await make(2024);
  await api(page, app, 'report.sign', {
    reportId: signed.id,
    signoff: { preparer: '张三', reviewer: '李四', approver: '王五', date: '2025-01-20' },
    confirmWarnings: true,
    author: '张三',
  });
  return { signed, draft: await make(2025) };
}

/** The Word file of an export, as document.xml text. */
async function docxText(page: Page, app: RunningApp, reportId: number, draft: boolean): Promise<string> {
  const file = await api<ExportDelivery>(page, app, 'export.file', { reportId, draft, format: 'docx' });
  if (file.kind !== 'download') throw new Error('browser mode downloads');
  return strFromU8(unzipSync(Buffer.from(file.base64, 'base64'))['word/document.xml']!).replace(/<[^>]+>/g, '');
}

const intro = (page: Page) => page.getByRole('textbox', { name: '导语' });
const reportRow = (page: Page, year: number) => page.getByRole('table', { name: '报告列表' }).getByRole('row', { name: new RegExp(`${year} 年`) });

test('a signed report keeps the agency it was signed with on screen, in the preview and the exports; a draft follows', async ({ page, app }) => {
  test.setTimeout(150_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.goto(app.launchUrl);
  await createAgency(page, OLD);
  const { signed, draft } = await signedAndDraft(page, app);

  // the agency's name changes afterwards (a township became a street office), as a clerk does it
  await page.reload();
  await page.getByRole('button', { name: '机关信息' }).click();
  await page.getByLabel('机关全称').fill(NEW);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(reportRow(page, 2024)).toBeVisible();

  // the signed report: its title, its 导语 and the note, all as signed
  await reportRow(page, 2024).getByRole('button', { name: '查看' }).click();
  await openSection(page, heading('s1'));
  await expect(page.locator('header.report-header .report-title')).toContainText(OLD);
  await expectProse(intro(page), new RegExp(`请与${OLD}联系`));
  await expect(page.getByRole('region', { name: '导语' })).toContainText('已定稿，按定稿时的单位信息显示');
  await expect(page.getByRole('note').filter({ hasText: '按定稿时的单位信息显示' })).toContainText(`「${OLD}」`);
  await page.screenshot({ path: path.join(SHOTS, 'signed-agency-frozen.png') });

  // its preview: the pages as signed
  await page.getByRole('button', { name: '打印 / 导出' }).click();
  const preview = page.getByRole('dialog', { name: '打印预览' });
  const pages = preview.getByRole('figure');
  await expect(pages.first()).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  const allText = async () => (await pages.allTextContents()).join('');
  await expect.poll(allText).toContain(`请与${OLD}联系`);
  expect(await allText()).not.toContain(NEW);
  await preview.getByRole('button', { name: '关闭' }).click();

  // its exports, final and draft alike
  for (const isDraft of [false, true]) {
    const text = await docxText(page, app, signed.id, isDraft);
    expect(text).toContain(`请与${OLD}联系`);
    expect(text).not.toContain(NEW);
  }

  // a draft of the same agency follows the details as they are now
  await page.getByRole('button', { name: '返回报告列表' }).click();
  await reportRow(page, 2025).getByRole('button', { name: /打开|继续|编辑/ }).first().click();
  await openSection(page, heading('s1'));
  await expectProse(intro(page), new RegExp(`请与${NEW}联系`));
  await expect(page.getByRole('region', { name: '导语' })).toContainText('按机关信息自动生成');
  expect(await docxText(page, app, draft.id, true)).toContain(`请与${NEW}联系`);

  // 修改定稿: the reopened report follows the agency's details again
  await api(page, app, 'report.reopen', { reportId: signed.id, reason: '单位更名后重新定稿', author: '张三' });
  await page.getByRole('button', { name: '返回报告列表' }).click();
  await reportRow(page, 2024).getByRole('button', { name: /打开|继续|编辑/ }).first().click();
  await openSection(page, heading('s1'));
  await expect(page.locator('header.report-header .report-title')).toContainText(NEW);
  await expectProse(intro(page), new RegExp(`请与${NEW}联系`));
});
