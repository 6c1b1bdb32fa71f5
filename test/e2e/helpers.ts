import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { SECTIONS, sectionHeading, type SectionKey } from '../../core/format/index.js';
import type { RunningApp } from './app.js';
import { tokenFor } from '../../core/report/index.js';
import { signableCells, signableProse } from '../unit/signoff/fixture.js';

/** A section's heading as the window shows it (「三、收到和处理政府信息公开申请情况」), from core/format. */
export function heading(key: SectionKey): string {
  return sectionHeading(SECTIONS.find((s) => s.key === key)!);
}

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

/** Opens the app at its first run, fills in the agency and creates the report for `year`. */
export async function startReport(page: Page, url: string, year = 2024): Promise<void> {
  await page.goto(url);
  await createAgency(page);
  await createReport(page, year);
}

/** The id of the report the window shows. */
export const reportIdOf = (page: Page) => Number(/#\/report\/(\d+)/.exec(page.url())![1]);

/** A table cell as the window draws it. */
export const cell = (page: Page, id: string) => page.locator(`td[data-cell="${id}"]`);

/** Clicks a cell and types into it as a clerk would, ending with a key (Enter by default). */
export async function typeInto(page: Page, id: string, text: string, end = 'Enter'): Promise<void> {
  await cell(page, id).click();
  await page.keyboard.type(text);
  await page.keyboard.press(end);
}

/** The 正文 of the prose section on screen (the 导语 has its own box). */
export const body = (page: Page) => page.getByRole('textbox', { name: '正文', exact: true });

/**
 * What a prose editor shows, as text: one line a paragraph, a figure chip written 「⟦名称：数值⟧」
 * (its accessible name).
 */
export function proseText(editor: Locator): Promise<string> {
  interface Shown {
    nodeType: number;
    nodeName: string;
    nodeValue: string | null;
    textContent: string | null;
    getAttribute(name: string): string | null;
  }
  return editor.evaluate((el) => {
    const lines = (el as unknown as { children: ArrayLike<{ childNodes: ArrayLike<Shown> }> }).children;
    return Array.from(lines, (line) =>
      Array.from(line.childNodes, (n) => {
        if (n.nodeType === 3) return n.nodeValue ?? '';
        if (n.nodeName === 'BR') return '';
        return n.getAttribute('data-cell') ? `⟦${n.getAttribute('aria-label')}⟧` : (n.textContent ?? '');
      }).join(''),
    ).join('\n');
  });
}

/** Waits until a prose editor shows the text (exactly, or matching the pattern). */
export async function expectProse(editor: Locator, expected: string | RegExp): Promise<void> {
  if (typeof expected === 'string') await expect.poll(() => proseText(editor)).toBe(expected);
  else await expect.poll(() => proseText(editor)).toMatch(expected);
}

/** The 检查结果 panel. */
export const issues = (page: Page) => page.getByRole('complementary', { name: '检查结果' });

/** Bulk data through the API with the launch token: what a clerk would have typed over an afternoon. */
export async function api<T = unknown>(page: Page, app: RunningApp, method: string, args: unknown): Promise<T> {
  const res = await page.request.post(`${app.url}api/${method}`, { headers: { 'X-Nianbao-Token': app.token }, data: args });
  const envelope = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value as T;
}

/** The people who sign, as the 定稿 dialog sends them. */
export const SIGNOFF = { preparer: '张敏', reviewer: '李强', approver: '王建国', date: '2025-01-20' };

/** Fills a report so that it passes the gate and signs it, through the API (an afternoon's work). */
export async function fillAndSign(page: Page, app: RunningApp, reportId: number): Promise<void> {
  await api(page, app, 'cells.set', { reportId, changes: Object.entries(signableCells()).map(([cellId, value]) => ({ cellId, value })) });
  const prose = signableProse(`本年度，我镇收到政府信息公开申请${tokenFor('t3.r1.total')}件，均按时答复。`);
  for (const key of ['s1', 's5', 's6'] as const) await api(page, app, 'section.set', { reportId, key, text: prose[key] });
  await api(page, app, 'report.sign', { reportId, signoff: SIGNOFF, confirmWarnings: true, author: '张敏' });
}
