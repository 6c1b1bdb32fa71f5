import { describe, expect, it } from 'vitest';
import { MAX_PROSE_CHARS, preparePaste, proseFromHtml, proseFromPlain } from '../../../renderer/report/prose/paste.js';

/** What Word puts on the clipboard for a heading, two paragraphs, a numbered list and a picture (our own text). */
const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta charset="utf-8"><style><!-- p.MsoNormal {font-family:仿宋_GB2312; font-size:16pt} --></style>
<script>window.stolen = document.cookie</script></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->
<p class=MsoNormal style='text-indent:32.0pt;mso-outline-level:2'><b><span style='font-family:楷体'>（一）主动公开<o:p></o:p></span></b></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312;color:red'>本年度我镇通过门户网站主动公开政府信息
120条，其中政策解读8篇。<o:p></o:p></span></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span><![endif]>加强组织领导。成立了以镇长为组长的工作专班。</p>
<p class=MsoNormal>&nbsp;&nbsp;&nbsp;&nbsp;　　第二段正文，  前面的缩进和空格都不要。</p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape id="p1" style='width:100pt'><v:imagedata src="file:///C:/Users/a/AppData/Local/Temp/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=133 height=100 src="file:///C:/Users/a/AppData/Local/Temp/clip_image002.png" v:shapes="p1"><![endif]></p>
<p class=MsoNormal><img src="https://tracker.example.com/pixel.gif" onerror="alert(1)">图片后的文字<a href="javascript:alert(1)">链接文字</a></p>
<!--EndFragment-->
</body></html>`;

describe('pasting from Word or WPS', () => {
  it('keeps paragraphs and headings, drops styling, indentation and Word’s line wrapping', () => {
    const { text } = proseFromHtml(WORD_HTML);
    expect(text.split('\n')).toEqual([
      '（一）主动公开',
      '本年度我镇通过门户网站主动公开政府信息120条，其中政策解读8篇。',
      '1. 加强组织领导。成立了以镇长为组长的工作专班。',
      '第二段正文，前面的缩进和空格都不要。',
      '图片后的文字链接文字',
    ]);
  });

  it('never carries script, styles, image addresses or links into the text; pictures are counted', () => {
    const read = proseFromHtml(WORD_HTML);
    expect(read.text).not.toMatch(/script|cookie|alert|http|file:|style|font|<|>/i);
    expect(read.pictures).toBe(2);
    const paste = preparePaste({ html: WORD_HTML, plain: '纯文本' }, MAX_PROSE_CHARS);
    expect(paste.notices.join('')).toContain('2 张图片，已略去');
  });

  it('a heading known only by its style gets the 公文 numbering of its rank', () => {
    const html = '<h1>公开平台建设</h1><p>正文一。</p><h2>网站</h2><p>正文二。</p><p style="mso-outline-level:1">监督保障</p>';
    expect(proseFromHtml(html).text).toBe('（一）公开平台建设\n正文一。\n1.网站\n正文二。\n（一）监督保障');
  });

  it('lists become list items; tables become lines of text with a notice; objects are dropped with a notice', () => {
    const html =
      '<ol><li>第一项</li><li><p>第二项</p><p>续行</p></li></ol><ul><li>要点</li></ul>' +
      '<table><tr><td>项目</td><td>数量</td></tr><tr><td>网站</td><td>120</td></tr></table>' +
      '<object data="x.swf"><param name="a" value="b">备用文字</object><iframe src="https://example.com"></iframe><embed src="y">';
    const read = preparePaste({ html }, MAX_PROSE_CHARS);
    expect(read.text.split('\n')).toEqual(['①第一项', '①第二项', '续行', '• 要点', '项目　数量', '网站　120']);
    expect(read.notices.join('\n')).toMatch(/1 个表格，已按行转为文字/);
    expect(read.notices.join('\n')).toMatch(/3 个嵌入对象，已略去/);
  });

  it('a picture alone on the clipboard is dropped with a notice', () => {
    expect(preparePaste({ files: 1 }, MAX_PROSE_CHARS)).toEqual({ text: '', notices: ['复制的是图片或文件，报告正文只能粘贴文字，已略去。'] });
  });

  it('plain text: one paragraph per line, blank lines, indentation and control characters dropped', () => {
    expect(proseFromPlain('\r\n　　第一段。\r\n\r\n\t第二段\u200b。\u0007\r\n· 要点\r\n')).toBe('第一段。\n第二段。\n• 要点');
  });
});

describe('large pastes', () => {
  // How fast it is read is measured by bench/prose.bench.ts, not here: a timed unit test fails on a busy machine.
  it('1 MB of HTML is read, or refused with a message when too long for a part', () => {
    const para = '<p class=MsoNormal style="font-family:仿宋"><span style="color:#000">本年度我镇认真贯彻落实政府信息公开条例，全年主动公开信息一百二十条。</span></p>\n';
    const html = para.repeat(Math.ceil(1_000_000 / para.length));
    expect(html.length).toBeGreaterThanOrEqual(1_000_000);
    const result = preparePaste({ html }, MAX_PROSE_CHARS);
    // ~ 8 000 paragraphs of 32 characters: above the limit of one part, so it is refused, saying why
    expect(result.text).toBe('');
    expect(result.refused).toMatch(/要粘贴的文字有 \d+\.\d万字，超过了这一部分还能容纳的 20\.0万字，没有粘贴/);
  });

  it('1 MB of plain text that fits is accepted whole', () => {
    const text = '本年度主动公开信息一百二十条。\n'.repeat(12_000);
    const result = preparePaste({ plain: text }, 10 * MAX_PROSE_CHARS);
    expect(result.refused).toBeUndefined();
    expect(result.text.split('\n')).toHaveLength(12_000);
  });
});
