import type { Page } from '@playwright/test';
import { expect, startApp, test } from './app.js';
import { cell, heading, issues, openSection, startReport, typeInto, waitSaved } from './helpers.js';

const T2 = heading('s2');
const T3 = heading('s3');
const T4 = heading('s4');

/** The text box that sits over the active cell. */
const input = (page: Page, id: string) => page.locator(`input.cell-input[data-cell="${id}"]`);

/**
 * What Excel and WPS hand the browser on Ctrl+V: a paste event carrying text/plain, dispatched
 * at the focused cell. (Page code is passed as text: the Node-side typecheck has no DOM types.)
 */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

const clipboardText = (page: Page) => page.evaluate<string>('navigator.clipboard.readText()');

test('keyboard entry in 表三: moves like a spreadsheet, totals follow at once, the store has it', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, T3);

  await cell(page, 't3.r1.np').click();
  // typing replaces, Tab moves right, Enter moves down
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(cell(page, 't3.r1.total')).toHaveText('8');
  await expect(input(page, 't3.r2.res')).toBeFocused();
  // arrows; Shift+Tab
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await expect(cell(page, 't3.r2.total')).toHaveText('4');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+Tab');
  await expect(input(page, 't3.r1.total')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(input(page, 't3.r1.np')).toBeFocused();
  // （七）总计 is the sum of the results
  await typeInto(page, 't3.r3_1.np', '3');
  await typeInto(page, 't3.r3_4_1.np', '2');
  await expect(cell(page, 't3.r3_7.np')).toHaveText('5');
  await expect(cell(page, 't3.r3_7.total')).toHaveText('5');

  // F2 edits in place, Esc cancels; Delete clears (blank is not 0)
  await cell(page, 't3.r1.np').click();
  await page.keyboard.press('F2');
  await page.keyboard.type('0');
  await expect(input(page, 't3.r1.np')).toHaveValue('50');
  await page.keyboard.press('Escape');
  await expect(cell(page, 't3.r1.np')).toHaveText('5');
  await page.keyboard.press('Delete');
  await expect(cell(page, 't3.r1.np')).toHaveText('');
  await expect(cell(page, 't3.r1.np')).toHaveClass(/is-blank/);
  await expect(cell(page, 't3.r1.total')).toHaveText('3');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect(cell(page, 't3.r1.np')).toHaveText('0');
  await expect(cell(page, 't3.r1.np')).not.toHaveClass(/is-blank/);

  // the totals are computed: typing into one says so at the cell and changes nothing
  await cell(page, 't3.r1.total').click();
  await page.keyboard.type('9');
  await expect(page.getByRole('alert')).toContainText('自动合计');
  await expect(cell(page, 't3.r1.total')).toHaveText('3');

  await waitSaved(page);
  await page.reload();
  await expect(cell(page, 't3.r1.np')).toHaveText('0');
  await expect(cell(page, 't3.r2.np')).toHaveText('4');
  await expect(cell(page, 't3.r3_7.total')).toHaveText('5');
});

test('input is normalised, and refusals say why at the cell while the old value stays', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, T3);

  await typeInto(page, 't3.r1.np', '１２３');
  await expect(cell(page, 't3.r1.np')).toHaveText('123');
  await typeInto(page, 't3.r1.biz', '1,234');
  // shown with a thousands separator (issue 12); stored and copied as the plain figure
  await expect(cell(page, 't3.r1.biz')).toHaveText('1,234');
  await typeInto(page, 't3.r1.res', ' 1，000 ');
  await expect(cell(page, 't3.r1.res')).toHaveText('1,000');
  await expect(cell(page, 't3.r1.total')).toHaveText('2,357');

  const refusals: [string, string][] = [
    ['12a', '不是数字'],
    ['-3', '不能填负数'],
    ['2.5', '不能有小数'],
    ['1234567890', '数字太大'],
  ];
  for (const [typed, why] of refusals) {
    await typeInto(page, 't3.r1.np', typed);
    await expect(page.getByRole('alert')).toContainText(why);
    await expect(cell(page, 't3.r1.np')).toHaveText('123');
    // the cursor stays on the cell so it can be typed again
    await expect(input(page, 't3.r1.np')).toBeFocused();
  }

  // 本年收费金额: 万元 with up to 4 decimals, exact
  await openSection(page, T2);
  await typeInto(page, 't2.fee.amount', '１.７７３２');
  await expect(cell(page, 't2.fee.amount')).toHaveText('1.7732');
  await typeInto(page, 't2.fee.amount', '0.1234567');
  await expect(page.getByRole('alert')).toContainText('最多保留 6 位小数');
  await expect(cell(page, 't2.fee.amount')).toHaveText('1.7732');
  await waitSaved(page);
  await page.reload();
  await expect(cell(page, 't2.fee.amount')).toHaveText('1.7732');
});

test('2019 format: 本年增/减 may be negative, （六）其他处理 is one row', async ({ page, app }) => {
  await startReport(page, app.launchUrl, 2020);
  await openSection(page, T2);
  await typeInto(page, 't2.lic.delta', '-2');
  await expect(cell(page, 't2.lic.delta')).toHaveText('-2');
  await typeInto(page, 't2.lic.prev_items', '-2');
  await expect(page.getByRole('alert')).toContainText('不能填负数');
  await openSection(page, T3);
  await typeInto(page, 't3.r3_6.np', '2');
  await expect(cell(page, 't3.r3_7.np')).toHaveText('2');
  await waitSaved(page);
});

test('paste a 7-column block from a spreadsheet into 表三, undo and redo it', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, T3);
  await expect(page.getByText('粘贴：')).toContainText('第 7 列「总计」与自动合计对照');

  await cell(page, 't3.r1.np').click();
  // 一 and 二, 自然人 … 总计, as Excel puts them on the clipboard
  await pasteText(page, '5\t1\t0\t0\t0\t2\t8\r\n1\t0\t0\t0\t0\t0\t1\r\n');
  await expect(cell(page, 't3.r1.np')).toHaveText('5');
  await expect(cell(page, 't3.r1.oth')).toHaveText('2');
  await expect(cell(page, 't3.r2.np')).toHaveText('1');
  await expect(cell(page, 't3.r1.total')).toHaveText('8');
  await expect(cell(page, 't3.r2.total')).toHaveText('1');
  await expect(page.locator('.paste-report')).toContainText('已粘贴 12 格');
  await expect(page.locator('.paste-report')).toContainText('2 个数字与自动合计一致');
  await waitSaved(page);

  // one Ctrl+Z takes the whole paste back
  await page.keyboard.press('Control+z');
  await expect(cell(page, 't3.r1.np')).toHaveText('');
  await expect(cell(page, 't3.r2.np')).toHaveText('');
  await expect(cell(page, 't3.r1.total')).toHaveText('');
  await page.keyboard.press('Control+y');
  await expect(cell(page, 't3.r1.total')).toHaveText('8');
  await page.keyboard.press('Control+Shift+z');
  await expect(cell(page, 't3.r1.total')).toHaveText('8');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 't3.r1.total')).toHaveText('');
  await waitSaved(page);
  await page.reload();
  await expect(cell(page, 't3.r1.np')).toHaveText('');

  // a block with labels, a wrong total, a word and more columns than fit
  await cell(page, 't3.r3_1.np').click();
  await pasteText(page, '（一）予以公开\t3\t0\t0\t0\t0\t0\t4\r\n（二）部分公开\t1\t无\t0\t0\t0\t0\t1\r\n');
  await expect(cell(page, 't3.r3_1.np')).toHaveText('3');
  await expect(cell(page, 't3.r3_2.np')).toHaveText('1');
  const report = page.locator('.paste-report');
  await expect(report).toHaveAttribute('role', 'alert');
  await expect(report).toContainText('1 列行名已略去');
  await expect(report).toContainText('原表为 4，各格相加为 3');
  await expect(report).toContainText('「无」不能用来表示没有');
});

test('copy a selection out as tab-separated text', async ({ page, app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  await startReport(page, app.launchUrl);
  await openSection(page, T3);
  await cell(page, 't3.r1.np').click();
  await pasteText(page, '5\t1\r\n2\t0\r\n');
  await cell(page, 't3.r1.np').click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cell(page, 't3.r2.biz')).toHaveClass(/selected/);
  await page.keyboard.press('Control+c');
  expect(await clipboardText(page)).toBe('5\t1\r\n2\t0');
  // a mouse drag selects too
  await cell(page, 't3.r1.biz').hover();
  await page.mouse.down();
  await cell(page, 't3.r2.total').hover();
  await page.mouse.up();
  await page.keyboard.press('Control+c');
  expect(await clipboardText(page)).toBe('1\t\t\t\t\t6\r\n0\t\t\t\t\t2');
});

test('a rule fires, the finding leads to its cell, fixing the cell clears it; a fix button is undoable', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, T3);
  await typeInto(page, 't3.r1.np', '5');
  await typeInto(page, 't3.r2.np', '0');
  await typeInto(page, 't3.r3_1.np', '3');
  await typeInto(page, 't3.r4.np', '0');

  const finding = issues(page).getByRole('button', { name: /A-3/ });
  await expect(finding).toContainText('不符合勾稽关系');
  await expect(cell(page, 't3.r4.np')).toHaveClass(/mark-error/);
  const badge = page.getByRole('navigation', { name: '报告的六个部分' }).getByRole('link', { name: T3 });
  // A-3 and the blank cells (D-4): both must be corrected, in the one classification (issue 12)
  await expect(badge.locator('.count-error')).toHaveText('2');

  // from another section, the finding brings the clerk back to its first cell
  await openSection(page, T4);
  await finding.click();
  await expect(page.getByRole('heading', { level: 2, name: T3 })).toBeVisible();
  await expect(input(page, 't3.r1.np')).toBeFocused();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(issues(page).getByRole('button', { name: /A-3/ })).toHaveCount(0);
  await expect(cell(page, 't3.r4.np')).not.toHaveClass(/mark-error/);

  // the fix is offered only once every result row is filled: （七）总计 is then complete (issue 12)
  await page.getByRole('button', { name: '空白填0' }).click();
  // break it again and use the offered fix: 四 = 一 + 二 − （七）总计
  await typeInto(page, 't3.r2.np', '4');
  await issues(page).getByRole('button', { name: /按勾稽关系填入/ }).click();
  await expect(cell(page, 't3.r4.np')).toHaveText('4');
  await expect(issues(page).getByRole('button', { name: /A-3/ })).toHaveCount(0);
  await cell(page, 't3.r4.np').click();
  await page.keyboard.press('Control+z');
  await expect(cell(page, 't3.r4.np')).toHaveText('0');
  await expect(issues(page).getByRole('button', { name: /A-3/ })).toHaveCount(1);
});

test('a warning is accepted with a written reason, kept, and can be withdrawn', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, T2);
  // 现行有效 1 < 制发 3 − 废止 1: P-1
  await typeInto(page, 't2.norm.made', '3');
  await typeInto(page, 't2.norm.repealed', '1');
  await typeInto(page, 't2.norm.valid', '1');
  const item = issues(page).locator('li.finding', { hasText: 'P-1' });
  await expect(item).toBeVisible();
  await expect(cell(page, 't2.norm.valid')).toHaveClass(/mark-warning/);
  await item.getByRole('button', { name: '接受并说明理由…' }).click();
  await item.getByRole('button', { name: '接受', exact: true }).click();
  await expect(item.getByRole('alert')).toContainText('请写明');
  await item.getByRole('textbox').fill('两件文件到期自动失效，未正式废止');
  await item.getByRole('button', { name: '接受', exact: true }).click();
  await expect(item).toContainText('理由：两件文件到期自动失效，未正式废止');
  await expect(cell(page, 't2.norm.valid')).not.toHaveClass(/mark-warning/);
  await waitSaved(page);

  await page.reload();
  const again = issues(page).locator('li.finding', { hasText: 'P-1' });
  await expect(again).toContainText('已接受');
  await again.getByRole('button', { name: '撤回' }).click();
  await expect(again).toContainText('需核对');
  await expect(cell(page, 't2.norm.valid')).toHaveClass(/mark-warning/);
});

test('nothing to report fills 表三 and 表四 with 0 after asking; 空白填0 fills only blanks', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, T3);
  await typeInto(page, 't3.r1.np', '2');
  await page.getByRole('button', { name: '本年未收到政府信息公开申请' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('1 个不为 0 的数字');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(cell(page, 't3.r1.np')).toHaveText('2');
  await page.getByRole('button', { name: '本年未收到政府信息公开申请' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '全部填 0' }).click();
  await expect(cell(page, 't3.r1.np')).toHaveText('0');
  await expect(cell(page, 't3.r3_7.total')).toHaveText('0');
  await expect(page.locator('td.value.is-blank')).toHaveCount(0);
  await openSection(page, T4);
  await expect(cell(page, 't4.lit_after.total')).toHaveText('0');
  await expect(page.locator('td.value.is-blank')).toHaveCount(0);

  await openSection(page, T2);
  await typeInto(page, 't2.lic.decisions', '7');
  await page.getByRole('button', { name: '空白填0' }).click();
  await expect(cell(page, 't2.lic.decisions')).toHaveText('7');
  await expect(cell(page, 't2.reg.made')).toHaveText('0');
  await expect(page.locator('td.value.is-blank')).toHaveCount(0);
  await waitSaved(page);
});

test('an edit survives the back end being killed right after it is saved', async ({ page, app, dataDir }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, T3);
  await typeInto(page, 't3.r1.np', '42');
  await waitSaved(page);
  await app.stop('SIGKILL');

  const again = await startApp(dataDir);
  try {
    await page.goto(again.launchUrl);
    await page.getByRole('link', { name: '2024 年' }).click();
    await openSection(page, T3);
    await expect(cell(page, 't3.r1.np')).toHaveText('42');
    await expect(cell(page, 't3.r1.total')).toHaveText('42');
  } finally {
    await again.stop();
  }
});
