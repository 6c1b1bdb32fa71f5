import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ReportDetail } from '../../core/api.js';
import { expect, test } from './app.js';
import { api, body, expectProse, heading, openSection, proseText, reportIdOf, startReport, typeInto, waitSaved } from './helpers.js';

/**
 * Live figures are atomic chips in the prose editor (issue 12, point 11): one piece on Backspace,
 * Delete and the arrows, restored by undo, kept through copy and paste, inserted at the caret
 * from the picker by keyboard alone, an input method's composition beside them untouched, and the
 * stored text exactly as before (`{{cell:…}}`).
 */

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'prose');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

const NEW = '本年新收政府信息公开申请数量';
const chip = (value: number | string) => `⟦${NEW}：${value}⟧`;

/** A report with 5 applications and, in 一, 「共收到申请[5]件。」 typed and inserted by keyboard only. */
async function withChip(page: Page, url: string): Promise<void> {
  await startReport(page, url);
  await openSection(page, heading('s3'));
  await typeInto(page, 't3.r1.np', '5');
  await waitSaved(page);
  await openSection(page, heading('s1'));
  await body(page).focus();
  await page.keyboard.type('共收到申请件。');
  // the caret back before 「件。」, then the picker by keyboard: Alt+S, type to find, Enter
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Alt+S');
  const picker = page.getByRole('dialog', { name: '插入表格数字' });
  await picker.getByLabel('查找数字').fill(NEW);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expectProse(body(page), `共收到申请${chip(5)}件。`);
  // the caret is just after the chip, where the figure went in
  await page.keyboard.type('余');
  await expectProse(body(page), `共收到申请${chip(5)}余件。`);
  await page.keyboard.press('Backspace');
}

/** What the editor puts on the clipboard on a copy or a cut, by type. */
function clipboard(page: Page, kind: 'copy' | 'cut'): Promise<Record<string, string>> {
  return page.evaluate<Record<string, string>>(`(() => {
    const data = new DataTransfer();
    document.activeElement.dispatchEvent(new ClipboardEvent('${kind}', { clipboardData: data, bubbles: true, cancelable: true }));
    return Object.fromEntries(data.types.map((t) => [t, data.getData(t)]));
  })()`);
}

/** The stored text of 一 as the report keeps it. */
async function storedS1(page: Page, app: { url: string; token: string }): Promise<string> {
  await waitSaved(page);
  const detail = await api<ReportDetail>(page, app as never, 'report.open', { reportId: reportIdOf(page) });
  return detail.data.sections.s1 ?? '';
}

test('a chip shows the value, names the figure on hover, and is stored as before', async ({ page, app }) => {
  await withChip(page, app.launchUrl);
  const token = body(page).locator('.figure-token');
  await expect(token).toHaveText('5');
  await expect(token).toHaveAttribute('contenteditable', 'false');
  await expect(token).toHaveAttribute('title', new RegExp(`${NEW}：5`));
  // the caret beside it names it under the text (what a hover shows, for the keyboard)
  await expect(page.getByText(`光标处的数字：${NEW} = 5`)).toBeVisible();
  expect(await storedS1(page, app)).toBe('共收到申请{{cell:t3.r1.total}}件。');
  // the table changes: the chip shows the new value, the stored text is the same
  await openSection(page, heading('s3'));
  await typeInto(page, 't3.r1.biz', '2');
  await openSection(page, heading('s1'));
  await expect(body(page).locator('.figure-token')).toHaveText('7');
  expect(await storedS1(page, app)).toBe('共收到申请{{cell:t3.r1.total}}件。');
  await shot(page, '7-chip');
});

test('Backspace after a chip and Delete before it take it whole; undo and redo bring it back and take it again', async ({ page, app }) => {
  await withChip(page, app.launchUrl);
  // Backspace right after the chip
  await page.keyboard.press('Backspace');
  await expectProse(body(page), '共收到申请件。');
  // the caret stayed where the chip was: typing goes there
  await page.keyboard.type('若干');
  await expectProse(body(page), '共收到申请若干件。');
  await page.keyboard.press('Control+Z');
  await expectProse(body(page), '共收到申请件。');
  await page.keyboard.press('Control+Z');
  await expectProse(body(page), `共收到申请${chip(5)}件。`);
  await page.keyboard.press('Control+Y');
  await expectProse(body(page), '共收到申请件。');
  await page.keyboard.press('Control+Z');
  await expectProse(body(page), `共收到申请${chip(5)}件。`);
  // Delete right before the chip
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Delete');
  await expectProse(body(page), '共收到申请件。');
  await page.keyboard.press('Control+Z');
  await expectProse(body(page), `共收到申请${chip(5)}件。`);
  expect(await storedS1(page, app)).toBe('共收到申请{{cell:t3.r1.total}}件。');
});

test('the arrows step over a chip in one press; the caret never stands inside it', async ({ page, app }) => {
  await withChip(page, app.launchUrl);
  await page.keyboard.press('End');
  // 「件。」 then the chip: three presses put the caret before the chip
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('A');
  await expectProse(body(page), `共收到申请A${chip(5)}件。`);
  // one ArrowRight steps over the chip
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('B');
  await expectProse(body(page), `共收到申请A${chip(5)}B件。`);
  // Shift+arrow selects the chip whole; typing replaces it
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.type('五');
  await expectProse(body(page), '共收到申请A五B件。');
  await page.keyboard.press('Control+Z');
  await expectProse(body(page), `共收到申请A${chip(5)}B件。`);
});

test('chips at the start and end of lines, side by side, across line breaks', async ({ page, app }) => {
  await withChip(page, app.launchUrl);
  await page.keyboard.press('Home');
  await page.keyboard.press('Alt+S');
  await page.getByRole('dialog', { name: '插入表格数字' }).getByLabel('查找数字').fill(NEW);
  await page.keyboard.press('Enter');
  // a second right after it, then a new line, and a chip ending the text
  await page.keyboard.press('Alt+S');
  await page.getByRole('dialog', { name: '插入表格数字' }).getByLabel('查找数字').fill(NEW);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expectProse(body(page), `${chip(5)}${chip(5)}\n共收到申请${chip(5)}件。`);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Alt+S');
  await page.getByRole('dialog', { name: '插入表格数字' }).getByLabel('查找数字').fill(NEW);
  await page.keyboard.press('Enter');
  await expectProse(body(page), `${chip(5)}${chip(5)}\n共收到申请${chip(5)}件。${chip(5)}`);
  // Backspace at the very end takes the last chip; at the start of line 2 it joins the lines
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Home');
  await page.keyboard.press('Backspace');
  await expectProse(body(page), `${chip(5)}${chip(5)}共收到申请${chip(5)}件。`);
  // and once more: the second of the two chips side by side goes, whole
  await page.keyboard.press('Backspace');
  await expectProse(body(page), `${chip(5)}共收到申请${chip(5)}件。`);
  expect(await storedS1(page, app)).toBe('{{cell:t3.r1.total}}共收到申请{{cell:t3.r1.total}}件。');
});

test('copy and paste keep chips; plain text written 「⟦名称：数值⟧」 becomes chips; other programs get the number', async ({ page, app }) => {
  await withChip(page, app.launchUrl);
  await page.keyboard.press('Control+A');
  // what the editor puts on the clipboard
  const copied = await clipboard(page, 'copy');
  expect(copied['text/plain']).toBe('共收到申请5件。');
  expect(copied['application/x-nianbao-prose']).toBe('共收到申请{{cell:t3.r1.total}}件。');
  const paste = (data: Record<string, string>) =>
    page.evaluate(`(() => {
      const data = new DataTransfer();
      for (const [type, value] of Object.entries(${JSON.stringify(data)})) data.setData(type, value);
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
  await page.keyboard.press('Control+End');
  await paste(copied);
  await expectProse(body(page), `共收到申请${chip(5)}件。共收到申请${chip(5)}件。`);
  // plain text from elsewhere with the editor's own way of writing a figure, and brackets that are no figure
  await page.keyboard.press('Enter');
  await paste({ 'text/plain': `其中⟦${NEW}：99⟧件，⟦备注⟧，{{cell:t3.r1.total}}照写。` });
  await expectProse(body(page), `共收到申请${chip(5)}件。共收到申请${chip(5)}件。\n其中${chip(5)}件，备注，{ {cell:t3.r1.total}}照写。`);
  expect(await storedS1(page, app)).toBe('共收到申请{{cell:t3.r1.total}}件。共收到申请{{cell:t3.r1.total}}件。\n其中{{cell:t3.r1.total}}件，备注，{ {cell:t3.r1.total}}照写。');
  // cut: the chip goes with the text, and comes back with a paste
  await page.keyboard.press('Control+A');
  const cut = await clipboard(page, 'cut');
  await expectProse(body(page), '');
  await paste(cut);
  await expect(body(page).locator('.figure-token')).toHaveCount(3);
});

test('an input method composing beside a chip is left alone and committed once', async ({ page, app }) => {
  await withChip(page, app.launchUrl);
  await page.keyboard.press('End');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  // the caret right after the chip: compose 「余」 there, as a pinyin input method does
  const cdp = await page.context().newCDPSession(page);
  for (const partial of ['y', 'yu']) await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
  // while composing, the text is the browser's: the chip is still whole beside it
  await expect(body(page).locator('.figure-token')).toHaveText('5');
  await cdp.send('Input.insertText', { text: '余' });
  await expectProse(body(page), `共收到申请${chip(5)}余件。`);
  // synthetic composition events (what some input methods send) do not disturb the model either
  await page.evaluate(`(() => {
    const el = document.activeElement;
    el.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    el.dispatchEvent(new CompositionEvent('compositionupdate', { data: 'ge' }));
    el.dispatchEvent(new CompositionEvent('compositionend', { data: '个' }));
  })()`);
  await expectProse(body(page), `共收到申请${chip(5)}余件。`);
  await page.keyboard.type('，');
  await expectProse(body(page), `共收到申请${chip(5)}余，件。`);
  // undo takes the typing back step by step, never half a chip
  await page.keyboard.press('Control+Z');
  await expect(body(page).locator('.figure-token')).toHaveText('5');
  expect(await proseText(body(page))).toContain(chip(5));
});

test('a chip dragged to another place in the text moves there whole; undo puts it back', async ({ page, app }) => {
  await withChip(page, app.launchUrl);
  // select the chip, drag it, drop it after 「。」 (synthetic drag events: what the browser sends on a mouse drag)
  await body(page).evaluate((el) => {
    const root = el as unknown as { children: ArrayLike<{ childNodes: ArrayLike<unknown> }>; dispatchEvent(e: unknown): boolean; ownerDocument: { getSelection(): { setBaseAndExtent(...a: unknown[]): void }; createRange(): { setStart(n: unknown, o: number): void; getBoundingClientRect(): { right: number; top: number; height: number } } } };
    const line = root.children[0]!;
    const doc = root.ownerDocument;
    doc.getSelection().setBaseAndExtent(line, 1, line, 2);
    const W = globalThis as unknown as { DataTransfer: new () => unknown; DragEvent: new (type: string, init: object) => unknown };
    const data = new W.DataTransfer();
    root.dispatchEvent(new W.DragEvent('dragstart', { dataTransfer: data, bubbles: true }));
    const end = doc.createRange();
    end.setStart(line.childNodes[2], 2);
    const box = end.getBoundingClientRect();
    root.dispatchEvent(new W.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, clientX: box.right + 1, clientY: box.top + box.height / 2 }));
  });
  await expectProse(body(page), `共收到申请件。${chip(5)}`);
  await page.keyboard.press('Control+Z');
  await expectProse(body(page), `共收到申请${chip(5)}件。`);
});
