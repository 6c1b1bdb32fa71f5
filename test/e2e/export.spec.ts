import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { SECTIONS, sectionHeading } from '../../core/format/index.js';
import { signableCells, signableProse } from '../unit/signoff/fixture.js';
import { expect, test, type RunningApp } from './app.js';
import { api, heading, openSection, reportIdOf, startReport, waitSaved } from './helpers.js';

const T3 = heading('s3');
const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'export-shots');

/** Every cell filled (test/unit/signoff/fixture.ts), with one error standing: 9 concluded where 3 were. */
async function fillReport(page: Page, app: RunningApp, reportId: number): Promise<void> {
  const cells = signableCells({ 't2.pun.decisions': 57, 't3.r3_1.np': 9 });
  await api(page, app, 'cells.set', { reportId, changes: Object.entries(cells).map(([cellId, value]) => ({ cellId, value })) });
  const prose = signableProse('本年度，我镇认真落实政府信息公开各项要求。');
  for (const key of ['s1', 's5', 's6'] as const) await api(page, app, 'section.set', { reportId, key, text: prose[key] });
}

const header = (page: Page) => page.locator('header.report-header');

async function savedDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-dl-')), download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file };
}

test('fill a report → final export refused with the error listed → fix it → 定稿 → export DOCX and PDF → print preview', async ({ page, app }) => {
  test.setTimeout(180_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await startReport(page, app.launchUrl);
  const reportId = reportIdOf(page);
  await fillReport(page, app, reportId);
  await page.reload();
  await expect(header(page)).toContainText('草稿');

  // the draft preview: the pages as they will print, numbered, with the watermark
  await page.getByRole('button', { name: '打印 / 导出' }).click();
  const preview = page.getByRole('dialog', { name: '打印预览' });
  await expect(preview).toBeVisible();
  const pages = preview.getByRole('figure');
  await expect(pages.first()).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  await expect(pages.first()).toHaveAccessibleName(/^第 1 页，共 \d+ 页$/);
  await expect(pages.first()).toContainText('某某县清河镇人民政府');
  await expect(pages.first()).toContainText('第 1 页，共');
  await expect(preview).toContainText('草稿：每页带「草稿」水印');
  await page.screenshot({ path: path.join(SHOTS, '1-draft-preview.png') });
  // between two pages: the first one's page number, its caption, the next page
  await expect(pages.nth(1)).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  await pages.nth(0).locator('figcaption').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, '1b-page-break.png') });

  // a final copy is refused while the error stands; the finding is listed and takes the clerk to it
  await preview.getByLabel('正式版（须先定稿）').check();
  const refusal = preview.getByRole('region', { name: '不能打印或导出正式版' });
  await expect(refusal).toContainText('必须改正的问题，不能打印或导出正式版');
  const finding = refusal.getByRole('list', { name: '必须改正的问题' }).getByRole('button').filter({ hasText: 'A-3' }).first();
  await expect(finding).toBeVisible();
  await expect(preview.getByRole('button', { name: '导出 Word' })).toBeDisabled();
  await page.screenshot({ path: path.join(SHOTS, '2-final-refused.png') });
  await finding.click();
  await expect(preview).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: T3 })).toBeVisible();

  // fix it in the table as a clerk would: 3 were concluded, not 9
  await page.locator('td[data-cell="t3.r3_1.np"]').click();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.locator('td[data-cell="t3.r3_7.total"]')).toHaveText('4');
  await waitSaved(page);

  // 表四 is all zeros: who confirmed it with 司法局 and 法院 (rule S-2, issue 12)
  await openSection(page, heading('s4'));
  const confirm = page.getByRole('form', { name: '表四的数据来源' });
  await confirm.getByLabel('数据来源').fill('县司法局、县人民法院');
  await confirm.getByLabel('核对人').fill('赵敏');
  await confirm.getByRole('checkbox').check();
  await confirm.getByRole('button', { name: '保存来源和核对人' }).click();
  await expect(confirm.getByText('已保存')).toBeVisible();

  // 定稿: the people, the dates, the gate passes
  await page.getByRole('button', { name: '定稿…', exact: true }).click();
  const sign = page.getByRole('dialog', { name: '定稿' });
  await expect(sign).toContainText('检查通过，可以定稿');
  await sign.getByLabel('编制人').fill('张敏');
  await sign.getByLabel('审核人').fill('李强');
  await sign.getByLabel('签发人').fill('王建国');
  await sign.getByLabel('签发日期').fill('2025-01-20');
  await sign.getByLabel('落款日期（印在报告末尾机关名称下）').fill('2025-01-20');
  await page.screenshot({ path: path.join(SHOTS, '3-signoff.png') });
  await sign.getByRole('button', { name: '定稿', exact: true }).click();

  // the window opens the report afresh: signed, read-only, the fingerprint in the header
  const badge = header(page).locator('.state-badge');
  await expect(badge).toHaveText(/^已定稿 · 校验码 [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  const short = (await badge.textContent())!.replace('已定稿 · 校验码 ', '');
  await page.screenshot({ path: path.join(SHOTS, '3b-signed-header.png'), clip: { x: 0, y: 0, width: 1366, height: 64 } });
  await expect(page.getByRole('button', { name: '修改定稿…' })).toBeVisible();
  await expect(page.getByRole('button', { name: '定稿…', exact: true })).toHaveCount(0);

  // the final preview: no watermark; the website copy's footer has the page number only, an
  // internal copy's the version and fingerprint too
  await page.getByRole('button', { name: '打印 / 导出' }).click();
  await expect(preview.getByLabel('正式版（第1版定稿）')).toBeChecked();
  await expect(preview).toContainText('页脚只印页码；校验码在审批单和文件属性中');
  await expect(pages.first()).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  const allText = async () => (await pages.allTextContents()).join('').replace(/\s+/g, '');
  await expect.poll(allText).toContain('一、总体情况');
  expect(await allText()).toContain('1288');
  expect(await allText()).not.toMatch(/草/);
  expect(await allText()).not.toContain('校验码');
  await preview.getByLabel('页脚印校验码（内部留存）').check();
  await expect(preview).toContainText(`页脚：第1版　校验码 ${short}`);
  await preview.getByLabel('附审批单').check();
  await expect(pages.last()).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  await expect(pages.last()).toContainText('审批单');
  await expect(pages.last()).toContainText('王建国');
  await expect.poll(allText).toContain(`第1版校验码${short}`);
  const shown = await pages.count();
  await page.screenshot({ path: path.join(SHOTS, '4-final-preview.png') });

  // DOCX: the figures in document.xml, no watermark, the fingerprint in the footer of this internal copy
  const docx = await savedDownload(page, () => preview.getByRole('button', { name: '导出 Word' }).click());
  expect(docx.name).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告.docx');
  await expect(preview.getByRole('status')).toContainText('已导出「某某县清河镇人民政府2024年政府信息公开工作年度报告.docx」');
  const parts = unzipSync(fs.readFileSync(docx.file));
  const documentXml = strFromU8(parts['word/document.xml']!);
  for (const figure of ['1288', '57', '41']) expect(documentXml).toContain(`>${figure}<`);
  for (const section of SECTIONS) expect(documentXml).toContain(sectionHeading(section));
  const headers = Object.entries(parts).filter(([n]) => n.startsWith('word/header')).map(([, d]) => strFromU8(d)).join('');
  const footers = Object.entries(parts).filter(([n]) => n.startsWith('word/footer')).map(([, d]) => strFromU8(d)).join('');
  expect(headers).not.toContain('草稿');
  expect(footers).toContain(`校验码 ${short}`);

  // PDF: the headings in its text, the fingerprint, no watermark
  const pdf = await savedDownload(page, () => preview.getByRole('button', { name: '导出 PDF' }).click());
  expect(pdf.name).toBe('某某县清河镇人民政府2024年政府信息公开工作年度报告.pdf');
  const text = execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const section of SECTIONS) expect(text).toContain(sectionHeading(section));
  expect(text).toContain(`第1版校验码${short}`);
  expect(text).toContain('审批单');
  // no watermark (the 审批单 says 「第1版定稿」: only 草 tells a watermark apart)
  expect(text).not.toMatch(/草/);
  // the preview showed the pages the PDF has
  const info = execFileSync('pdfinfo', [pdf.file], { encoding: 'utf8' });
  expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1])).toBe(shown);
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf.file, path.join(SHOTS, '5-pdf-page')]);

  // print: the browser's own dialog for the same print view (headless Chromium returns at once)
  await preview.getByRole('button', { name: '打印…' }).click();
  await expect(preview.getByRole('alert')).toHaveCount(0);
  await preview.getByRole('button', { name: '关闭' }).click();

  // 修改定稿 needs a reason and gives a draft again; the signed version stays in the history
  await page.getByRole('button', { name: '修改定稿…' }).click();
  const reopen = page.getByRole('dialog', { name: '修改定稿' });
  await reopen.getByRole('button', { name: '退回草稿并修改' }).click();
  await expect(reopen.getByRole('alert')).toContainText('请写明为什么要修改');
  await reopen.getByLabel('修改理由（会随版本记录保存）').fill('行政处罚数量需要核实');
  await reopen.getByRole('button', { name: '退回草稿并修改' }).click();
  await expect(header(page).locator('.state-badge')).toHaveText('草稿');
  await page.getByRole('button', { name: '版本' }).click();
  const history = page.getByRole('dialog', { name: '版本记录' });
  await expect(history.getByRole('listitem', { name: '第1版定稿' })).toBeVisible();
  await expect(history.getByRole('listitem', { name: '修改定稿：行政处罚数量需要核实' })).toBeVisible();

  // offline: every request went to the app itself
  const foreign = requests.filter((u) => !u.startsWith(app.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
});
