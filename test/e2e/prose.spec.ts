import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './app.js';
import { body, heading, openSection, startReport, typeInto, waitSaved, expectProse, proseText } from './helpers.js';

const S1 = heading('s1');
const T3 = heading('s3');
const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'prose');
/** Long enough that only a hang fails; the speed budgets live in bench/. */
const HANG_MS = 5000;

/** Page code is passed as text: the Node-side typecheck has no DOM types. */
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

/** The tools over the 正文 (the 导语 has its own). */
const tools = (page: Page) => page.locator('.prose-editor', { has: body(page) }).getByRole('toolbar', { name: '排版和数字工具' });

/**
 * Dispatches what Word or WPS hand the browser on Ctrl+V at the focused element. Resolves with the
 * milliseconds until the window could paint again (the handler plus the re-render it caused).
 */
async function paste(page: Page, data: Record<string, string>): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const data = new DataTransfer();
    for (const [type, value] of Object.entries(${JSON.stringify(data)})) data.setData(type, value);
    const started = performance.now();
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - started;
  })()`);
}

test('write a heading and paragraphs, insert a figure that follows the table, save a version, change, compare, restore', async ({ page, app }) => {
  await startReport(page, app.launchUrl);

  // the table first: 4 applications from 自然人
  await openSection(page, T3);
  await typeInto(page, 't3.r1.np', '4');
  await waitSaved(page);

  await openSection(page, S1);
  // the 导语 is generated from the agency's details
  await expectProse(page.getByRole('textbox', { name: '导语' }), /统计期限为2024年1月1日至2024年12月31日/);

  // a heading (Alt+2 makes the line a （一） heading, numbered automatically) and two paragraphs
  const editor = body(page);
  await editor.click();
  await page.keyboard.type('主动公开');
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('本年度我镇通过政府网站主动公开政府信息120条。');
  await page.keyboard.press('Enter');
  await page.keyboard.type('全年共收到政府信息公开申请');
  // insert a figure from the picker
  await tools(page).getByRole('button', { name: '插入数字…' }).click();
  const picker = page.getByRole('dialog', { name: '插入表格数字' });
  await expect(picker).toBeVisible();
  await picker.getByRole('option', { name: /本年新收政府信息公开申请数量\s*4/ }).click();
  await page.keyboard.type('件。');
  await expectProse(editor, '（一）主动公开\n本年度我镇通过政府网站主动公开政府信息120条。\n全年共收到政府信息公开申请⟦本年新收政府信息公开申请数量：4⟧件。');
  await waitSaved(page);
  await shot(page, '1-written');

  // the table changes: the text changes with it
  await openSection(page, T3);
  await typeInto(page, 't3.r1.biz', '3');
  await waitSaved(page);
  await openSection(page, S1);
  await expectProse(body(page), /全年共收到政府信息公开申请⟦本年新收政府信息公开申请数量：7⟧件。/);
  // the preview shows the text as it will print
  await tools(page).getByRole('button', { name: '排版预览' }).click();
  await expect(page.getByLabel('排版预览')).toContainText('全年共收到政府信息公开申请7件。');
  await shot(page, '2-figure-follows-table');

  // save a version
  await page.getByRole('button', { name: '版本' }).click();
  const drawer = page.getByRole('dialog', { name: '版本记录' });
  await drawer.getByLabel('版本名称').fill('初稿');
  await drawer.getByLabel(/保存人/).fill('王敏');
  await drawer.getByRole('button', { name: '保存版本' }).click();
  await expect(drawer.getByRole('status')).toContainText('已保存版本「初稿」');
  await expect(drawer.getByRole('listitem', { name: '初稿' })).toContainText('王敏');
  await drawer.getByRole('button', { name: '关闭' }).click();

  // change more: a sentence and a figure
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('依申请公开');
  await page.keyboard.press('Alt+2');
  await expectProse(body(page), /\n（二）依申请公开$/);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('全部申请均在法定期限内答复。');
  await waitSaved(page);
  await openSection(page, T3);
  await typeInto(page, 't3.r1.np', '6');
  await waitSaved(page);

  // compare the version with the draft: the new lines and the changed figures
  await page.getByRole('button', { name: '版本' }).click();
  await drawer.getByRole('listitem', { name: '初稿' }).getByRole('button', { name: '与当前稿比较' }).click();
  const compare = page.getByRole('dialog', { name: '比较版本' });
  await expect(compare).toContainText('左：初稿（王敏');
  await expect(compare).toContainText('右：当前稿');
  await expect(compare.getByRole('region', { name: '一、总体情况的改动' })).toContainText('（二）依申请公开');
  const figures = compare.getByRole('region', { name: '数字的改动' });
  await expect(figures.getByRole('row', { name: /本年新收政府信息公开申请数量」·自然人\s*4\s*6/ })).toBeVisible();
  await expect(figures.getByRole('row', { name: /本年新收政府信息公开申请数量」·总计（自动合计）\s*7\s*9/ })).toBeVisible();
  await shot(page, '3-compare');
  await compare.getByRole('button', { name: '关闭' }).click();

  // restore the version: the current state is kept as a version first
  await drawer.getByRole('listitem', { name: '初稿' }).getByRole('button', { name: '恢复此版本' }).click();
  await page.getByRole('dialog', { name: '恢复到「初稿」' }).getByRole('button', { name: '恢复' }).click();
  // the window opens the restored report afresh, where the clerk was (表三)
  await expect(page.locator('td[data-cell="t3.r1.np"]')).toHaveText('4');
  await expect(page.locator('td[data-cell="t3.r1.biz"]')).toHaveText('3');
  await openSection(page, S1);
  await expectProse(body(page), '（一）主动公开\n本年度我镇通过政府网站主动公开政府信息120条。\n全年共收到政府信息公开申请⟦本年新收政府信息公开申请数量：7⟧件。');
  await page.getByRole('button', { name: '版本' }).click();
  // the list arrives from the store: wait for it rather than read it at once
  await expect(drawer.locator('.version-title strong')).toHaveText(['恢复自：初稿', '恢复前的内容（自动保存）', '初稿']);
  await shot(page, '4-after-restore');
  await drawer.getByRole('button', { name: '关闭' }).click();
});

test('a figure turns back into plain text; undo brings it back', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, T3);
  await typeInto(page, 't3.r3_1.np', '2');
  await waitSaved(page);
  await openSection(page, S1);
  await body(page).click();
  await page.keyboard.type('予以公开');
  await page.keyboard.press('Alt+S');
  const picker = page.getByRole('dialog', { name: '插入表格数字' });
  await picker.getByLabel('查找数字').fill('予以公开');
  // the figure named exactly comes first, ready for Enter
  await expect(picker.getByRole('option', { selected: true })).toHaveText(/^予以公开\s*2$/);
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await page.keyboard.type('件。');
  await expectProse(body(page), '予以公开⟦予以公开：2⟧件。');
  // the caret steps over a figure as one piece; Backspace takes it whole
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await expectProse(body(page), '予以公开件。');
  await page.keyboard.press('Control+Z');
  await expectProse(body(page), '予以公开⟦予以公开：2⟧件。');
  await page.getByLabel('引用的表格数字').getByRole('button', { name: '转为文字' }).click();
  await expectProse(body(page), '予以公开2件。');
  await waitSaved(page);
  await page.reload();
  await expectProse(body(page), '予以公开2件。');
});

test('pasting from Word keeps headings and paragraphs, drops pictures with a notice; 1 MB is refused quickly', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, heading('s5'));
  await body(page).click();
  const word =
    '<html><body><!--StartFragment--><p class=MsoNormal style="mso-outline-level:2"><b><span style="font-family:楷体">（一）存在的问题</span></b></p>' +
    '<p class=MsoNormal style="text-indent:32pt"><span style="color:red;font-size:16pt">政策解读的形式还比较单一。</span></p>' +
    '<p><img src="https://example.com/tracker.png"><script>window.pwned = 1</script></p>' +
    '<p class=MsoNormal>（一）改进措施</p><p class=MsoNormal>2025年将增加图解、视频等解读形式。</p><!--EndFragment--></body></html>';
  const requests: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(app.url)) requests.push(r.url());
  });
  await paste(page, { 'text/html': word, 'text/plain': 'ignored' });
  await expectProse(body(page), '（一）存在的问题\n政策解读的形式还比较单一。\n（二）改进措施\n2025年将增加图解、视频等解读形式。');
  await expect(page.getByRole('status').filter({ hasText: '1 张图片，已略去' })).toBeVisible();
  expect(await page.evaluate('window.pwned')).toBeUndefined();
  expect(requests).toEqual([]);
  await shot(page, '5-word-paste');

  // 1 MB of Word HTML: refused with a message. The speed budget (under a second) is measured by
  // bench/prose.bench.ts; here only a hang guard, since a busy test machine is no measure of speed.
  const para = '<p class=MsoNormal><span style="font-family:仿宋">本年度我镇认真贯彻落实政府信息公开条例，全年主动公开信息一百二十条。</span></p>\n';
  const big = para.repeat(Math.ceil(1_048_576 / para.length));
  const ms = await paste(page, { 'text/html': big });
  expect(ms).toBeLessThan(HANG_MS);
  await expect(page.getByRole('alert')).toContainText('没有粘贴');
  await expectProse(body(page), /^（一）存在的问题/);
  test.info().annotations.push({ type: '1 MB paste', description: `${Math.round(ms)} ms to refuse` });

  // 1 MB of Word HTML that fits (heavy styling around ~40 000 characters of text): accepted, without hanging
  const styled = `<p class=MsoNormal style="text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly"><span style="font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体;color:black;mso-font-kerning:0pt">${'持续推进基层政务公开标准化规范化建设。'.repeat(2)}</span><span lang=EN-US style="font-size:16.0pt;font-family:仿宋_GB2312"><o:p></o:p></span></p>\n`;
  const heavy = `<!--StartFragment-->${styled.repeat(Math.ceil(1_048_576 / styled.length))}<!--EndFragment-->`;
  await body(page).press('Control+End');
  const accepted = await paste(page, { 'text/html': heavy });
  expect(accepted).toBeLessThan(HANG_MS);
  await expectProse(body(page), /持续推进基层政务公开标准化规范化建设。$/);
  const length = (await proseText(body(page))).length;
  expect(length).toBeGreaterThan(40_000);
  test.info().annotations.push({ type: '1 MB paste accepted', description: `${Math.round(accepted)} ms for ${length} characters` });
  // typing in the long text stays smooth: one keystroke's work, measured
  const keystroke = await page.evaluate<number>(`(() => {
    const started = performance.now();
    document.execCommand('insertText', false, '末尾');
    return performance.now() - started;
  })()`);
  expect(keystroke).toBeLessThan(HANG_MS);
  test.info().annotations.push({ type: 'keystroke in that text', description: `${Math.round(keystroke)} ms` });
  await expectProse(body(page), /末尾$/);
});

test('总体情况: the outline is offered on an empty section and the uncovered topics are named', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, S1);
  const outline = page.getByLabel('总体情况应写到的方面');
  await expect(outline).toContainText('○ 主动公开');
  await outline.getByRole('button', { name: '插入提纲' }).click();
  await expectProse(body(page), /^（一）主动公开\n\n（二）依申请公开\n\n（三）政府信息管理\n\n（四）政府信息公开平台建设\n\n（五）监督保障\n\n1\.工作考核、社会评议和责任追究结果情况/);
  // headings alone are no content (issue 12): a topic turns green only with text under it
  await expect(outline).toContainText('○ 主动公开');
  await expect(outline).toContainText('○ 工作考核、社会评议和责任追究结果情况');
  await waitSaved(page);
  await shot(page, '6-outline');
  // the heading buttons say which level the caret's line has
  await body(page).click();
  await page.keyboard.press('Control+Home');
  await expect(page.getByRole('button', { name: '二级标题（Alt+2）' })).toHaveAttribute('aria-pressed', 'true');
});

test('a note under a table, with a figure, is saved and survives a reload', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, T3);
  await page.getByRole('button', { name: '＋ 添加表三下方的说明' }).click();
  const note = page.getByRole('textbox', { name: '表三下方的说明' });
  await note.click();
  await page.keyboard.type('上年结转的申请已全部办结。');
  await waitSaved(page);
  await page.reload();
  await expectProse(page.getByRole('textbox', { name: '表三下方的说明' }), '上年结转的申请已全部办结。');
});

test('Chinese input methods: composition is left alone, the line is numbered when the caret leaves it', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, heading('s6'));
  await body(page).click();
  await page.keyboard.type('（三）');
  // what an IME sends: composition updates (pinyin), then the committed characters
  const cdp = await page.context().newCDPSession(page);
  const compose = async (pinyin: string, text: string) => {
    for (let i = 1; i <= pinyin.length; i++) {
      await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
    }
    await cdp.send('Input.insertText', { text });
  };
  await compose('xinxi', '信息');
  await compose('chulifei', '处理费');
  // the line being typed keeps its number as typed…
  await expectProse(body(page), '（三）信息处理费');
  await page.keyboard.press('Enter');
  // …and is numbered once the caret leaves it
  await expectProse(body(page), '（一）信息处理费\n');
  await compose('benniandu', '本年度未收取信息处理费。');
  await expectProse(body(page), '（一）信息处理费\n本年度未收取信息处理费。');
  await waitSaved(page);
  await page.reload();
  await expectProse(body(page), '（一）信息处理费\n本年度未收取信息处理费。');
});

test('导语: generated from the agency, edited text is kept, 重新生成 returns to the generated one', async ({ page, app }) => {
  await startReport(page, app.launchUrl);
  await openSection(page, S1);
  const intro = page.getByRole('textbox', { name: '导语' });
  const block = page.getByRole('region', { name: '导语' });
  await expectProse(intro, /联系电话：0731-83000000/);
  await expect(block).toContainText('按机关信息自动生成');
  const generated = await proseText(intro);
  await intro.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('本报告另有纸质版。');
  await expect(block).toContainText('已改写');
  await waitSaved(page);
  await page.reload();
  await expectProse(intro, `${generated}本报告另有纸质版。`);
  await block.getByRole('button', { name: '重新生成' }).click();
  await page.getByRole('dialog', { name: '重新生成导语' }).getByRole('button', { name: '重新生成' }).click();
  await expectProse(intro, generated);
  await expect(block).toContainText('按机关信息自动生成');
  await waitSaved(page);
  await page.reload();
  await expectProse(intro, generated);
});
