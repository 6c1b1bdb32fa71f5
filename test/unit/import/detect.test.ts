import { describe, expect, it } from 'vitest';
import { findAgency, findContact, findLevel, findTitle, findYear } from '../../../core/import/detect.js';
import { importHtml, importText } from '../../../core/import/index.js';
import { linesFromText } from '../../../core/import/lines.js';
import { findSections, isChrome, takeSignoff } from '../../../core/import/sections.js';

describe('the year the figures cover', () => {
  it('comes from the title, not from the publishing or signing date', () => {
    const texts = ['成文日期：2024-01-20', '某镇2023年政府信息公开工作年度报告', '发布时间：2024-01-22'];
    expect(findYear(findTitle(texts), texts)).toEqual({ value: 2023, source: 'title' });
  });

  it('falls back to the statistics period, then the year the text speaks of, then the publishing date', () => {
    expect(findYear(null, ['本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。'])).toEqual({ value: 2021, source: 'period' });
    expect(findYear(null, ['2021年，我镇……', '2021年全年……', '2022年将……'])).toEqual({ value: 2021, source: 'text' });
    expect(findYear(null, ['成文日期 2022-01-24'])).toEqual({ value: 2021, source: 'published' });
    expect(findYear(null, ['没有年份'])).toBeNull();
  });

  it('warns when the title and the statistics period disagree (G-2)', () => {
    const out = importText('某镇2021年政府信息公开工作年度报告\n本报告统计期限自2020年1月1日至2020年12月31日。');
    expect(out.ok && out.warnings.some((w) => w.includes('2020') && w.includes('不一致'))).toBe(true);
  });
});

describe('the agency and its level', () => {
  const agency = (title: string, text = '') => findAgency(title, [], text)?.value;

  it('reads the name before (or after) the year of the title', () => {
    expect(agency('华阳镇人民政府2021年政府信息公开工作年度报告')).toBe('华阳镇人民政府');
    expect(agency('2021年华阳镇政府信息公开工作年度报告')).toBe('华阳镇人民政府');
    expect(agency('门户网站-石门县政府信息公开工作2017年度报告', '石门县人民政府')).toBe('石门县人民政府');
    expect(agency('石门县林业局2022年度政府信息公开工作年度报告')).toBe('石门县林业局');
    expect(agency('柳溪街道2022年政府信息公开工作年度报告', '柳溪街道办事处')).toBe('柳溪街道办事处');
  });

  it('reads the publishing body from a page’s metadata when there is no title', () => {
    const lines = linesFromText('索引号 | 1/2022-1 |\n发布单位 | 松岭镇 | 成文日期 | 2022-01-24 |');
    expect(findAgency(null, lines, '')).toEqual({ value: '松岭镇人民政府', source: 'metadata' });
  });

  it.each([
    ['华阳镇人民政府', 'township'],
    ['白河乡', 'township'],
    ['柳溪街道办事处', 'street'],
    ['云溪市人民政府', 'county'],
    ['石门县人民政府', 'county'],
    ['石门县林业局', 'department'],
    ['石门县人民政府办公室', 'department'],
    ['石门县发展和改革委员会', 'department'],
  ])('%s is %s', (name, level) => {
    expect(findLevel(name, '')).toBe(level);
  });

  it('falls back to how the text refers to itself', () => {
    expect(findLevel('', '本年度我街道共……')).toBe('street');
    expect(findLevel('', '我局高度重视……')).toBe('department');
    expect(findLevel('', '无从判断')).toBeNull();
  });

  it('reads the contact details', () => {
    expect(findContact('（地址：云溪市新华路18号；邮编：418000；联系电话：0745—2861234；电子邮箱：yxzwgk@example.cn）')).toEqual({
      address: '云溪市新华路18号',
      postcode: '418000',
      phone: '0745-2861234',
      email: 'yxzwgk@example.cn',
    });
  });
});

describe('sections', () => {
  const lines = (text: string) => linesFromText(text);

  it('finds the six headings, their variants, and not the 表三 rows that look like them', () => {
    const spans = findSections(
      lines(
        [
          '一、总体情况',
          '二、主动公开政府信息情况',
          '三、收到和处理政府信息公开申请情况',
          '一、本年新收政府信息公开申请数量',
          '三、本年度办理结果',
          '四、结转下年度继续办理',
          '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
          '五、政府信息公开工作存在的主要问题及改进情况',
          '六、其他需要报告的事项',
        ].join('\n'),
      ),
    );
    expect(spans.map((s) => [s.key, s.start])).toEqual([
      ['s1', 0],
      ['s2', 1],
      ['s3', 2],
      ['s4', 6],
      ['s5', 7],
      ['s6', 8],
    ]);
  });

  it('does not take a numbered sentence for a heading', () => {
    expect(findSections(lines('一、总体情况\n二、主动公开工作扎实推进，全年公开信息52条，较上年有所增加。'))).toHaveLength(1);
  });

  it('keeps the text around a table as its note, and drops the table’s own lines', () => {
    const out = importText(
      ['某镇2022年政府信息公开工作年度报告', '二、主动公开政府信息情况', '本年度重点公开了惠民政策。', '第二十条第（一）项', '信息内容', '规章', '0', '0', '0', '（单位：件）', '三、收到和处理政府信息公开申请情况'].join('\n'),
    );
    expect(out.ok && out.report.sections.note_t2).toBe('本年度重点公开了惠民政策。');
    expect(out.ok && out.report.cells['t2.reg.valid']).toBe(0);
  });

  it('recognises page furniture', () => {
    for (const t of ['分享到：', '扫一扫在手机打开当前页', '【打印】【关闭】', '- 有用()', '报告.docx', '《某镇2022年政府信息公开工作年度报告》解读', '来源：某县 发布时间：2023-01-05']) {
      expect(isChrome(t), t).toBe(true);
    }
    expect(isChrome('本年度未收取信息处理费。')).toBe(false);
  });

  it('takes the 落款 off the end of the text', () => {
    const text = ['本年度未收取信息处理费。', '云溪市人民政府', '2024年2月5日'];
    expect(takeSignoff(text)).toEqual({ preparer: '', reviewer: '', approver: '', date: '2024-02-05' });
    expect(text).toEqual(['本年度未收取信息处理费。']);
    expect(takeSignoff(['无'])).toBeUndefined();
  });

  it('leaves out what the site puts around the report: menus, breadcrumbs, footer', () => {
    const page = `<html><body><ul><li>首页</li><li>政务公开</li><li>办事服务</li></ul>
      <div>当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
      <h1>柳湾镇人民政府2022年政府信息公开工作年度报告</h1><div>发布时间：2023-01-10 来源：柳湾镇</div>
      <p>本报告依照条例编制。</p><p>一、总体情况</p><p>本年度工作平稳。</p>
      <p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p><p>柳湾镇人民政府</p><p>2023年1月10日</p>
      <div><a>网站地图</a> | <a>联系我们</a></div><p>主办单位：东坪区人民政府办公室 网站标识码：1234567890 湘ICP备12345678号</p></body></html>`;
    const out = importHtml(page);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.report.sections.intro).toBe('本报告依照条例编制。');
    expect(out.report.sections.s6).toBe('本年度未收取信息处理费。');
    expect(out.report.signoff?.date).toBe('2023-01-10');
  });

  it('puts everything into 一 when no heading is found, and says so', () => {
    const out = importText('这是一段没有标题的文字。\n第二段。');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.report.format).toBe('free');
    expect(out.report.sections.s1).toBe('这是一段没有标题的文字。\n第二段。');
    expect(out.warnings.join('\n')).toMatch(/全文已放入「一、总体情况」/);
  });
});
