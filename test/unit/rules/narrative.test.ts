import { describe, expect, it } from 'vitest';
import { breakdowns, quotedFigures } from '../../../core/rules/index.js';
import { withMissingTopics } from '../../../renderer/report/prose/outline.js';
import { byRule, cleanSections, CONSISTENT_T3, makeReport } from './build.js';

const withS = (year: number, sections: Record<string, string>) => ({ ...cleanSections(year), ...sections });

describe('quotedFigures: which table figure a sentence quotes', () => {
  const cells = (text: string) => quotedFigures(text).map((q) => [q.cellId, q.mention.value]);

  it('reads the four figures of a typical sentence', () => {
    expect(cells('全年共收到政府信息公开申请10件，上年结转2件，已办结9件，结转下年度继续办理3件。')).toEqual([
      ['t3.r1.total', 10],
      ['t3.r2.total', 2],
      ['t3.r3_7.total', 9],
      ['t3.r4.total', 3],
    ]);
  });

  it('reads Chinese and full-width numerals, and 予以公开', () => {
    expect(cells('本年度新收申请十二件，其中予以公开５件、部分公开一件')).toEqual([
      ['t3.r1.total', 12],
      ['t3.r3_1.total', 5],
    ]);
  });

  it('ignores comparisons, approximations, time limits, 不予公开 and other counts', () => {
    expect(
      cells(
        '收到申请较上年增加5件；受理申请20余件；在15个工作日内答复；不予公开2件；部分予以公开1件；主动公开信息120条；收到群众来信8件',
      ),
    ).toEqual([]);
  });

  it('reads 转入下一年度 as 结转下年度', () => {
    expect(cells('因需补正，转入下一年度3件')).toEqual([['t3.r4.total', 3]]);
  });

  it('skips a clause that names two figures at once', () => {
    expect(cells('全年收到并办结申请5件')).toEqual([]);
  });
});

describe('breakdowns: 其中 … that do not fit their total', () => {
  it('fires when 其中 … 其他 does not add up (seed 001 shape: 686 vs 166 + 325 + 39)', () => {
    const [b] = breakdowns('全年通过各种渠道公开信息共686条，其中网站发布166条，公众号发布325条，其他方式发布39条。');
    expect(b).toMatchObject({ sum: 530, exhaustive: true });
    expect(b?.total.value).toBe(686);
  });

  it('fires when the parts exceed the total', () => {
    expect(breakdowns('共收到申请10件，其中自然人申请8件、企业申请4件。')[0]?.sum).toBe(12);
  });

  it('passes partial breakdowns and a bracketed 其中 that breaks down the number before it', () => {
    expect(breakdowns('共发布政务信息26000条，其中目录信息6000条。')).toEqual([]);
    expect(breakdowns('评价总数2500条，其中主动评价2400条（其中好评2400条，好评率100%），主动评价率96%。')).toEqual([]);
    expect(breakdowns('不予公开10件，其中属于国家秘密3件、其他法律行政法规禁止公开2件。')).toEqual([]);
  });
});

describe('G-4 narrative figures agree with the tables', () => {
  it('passes figure tokens and matching numbers', () => {
    const s1 = cleanSections(2021).s1 + '\n全年收到申请10件，上年结转2件，办结9件，结转下年度3件。';
    expect(byRule(makeReport({ cells: CONSISTENT_T3, sections: withS(2021, { s1 }) }), 'G-4')).toEqual([]);
  });

  it('fires on a number that contradicts its cell, naming the cell and both numbers', () => {
    const s1 = cleanSections(2021).s1 + '\n全年收到申请11件，办结9件。';
    const [f] = byRule(makeReport({ cells: CONSISTENT_T3, sections: withS(2021, { s1 }) }), 'G-4');
    expect(f).toMatchObject({ severity: 'warning', section: 's1', cells: ['t3.r1.total'] });
    expect(f?.message).toBe(
      '「一、总体情况」写“全年收到申请11件”，而表三「一、本年新收政府信息公开申请数量」·总计 为 10，文字与表格不一致。可插入表格数字，让文字随表格自动更新',
    );
  });

  it('reads the 导语 and section 六 too, and breakdowns anywhere', () => {
    const r = makeReport({
      cells: CONSISTENT_T3,
      sections: withS(2021, { intro: '本年度结转下一年度办理4件。', s6: '本年度未收取信息处理费。共办理来信9件，其中答复6件、转办5件。' }),
    });
    expect(byRule(r, 'G-4').map((f) => f.section)).toEqual(['s1', 's6']);
  });
});

describe('G-2 years and statistics period', () => {
  it('passes the report year, next year in 五, a publication date and cited documents', () => {
    const intro = '根据《中华人民共和国政府信息公开条例》（2019年修订）和国办公开办函〔2021〕30号编制，于2022年1月20日发布。较2020年有所增长。';
    expect(byRule(makeReport({ sections: withS(2021, { intro }) }), 'G-2')).toEqual([]);
  });

  it('fires on another year in the text, once per year, quoting it', () => {
    const s1 = cleanSections(2021).s1 + '\n2020年，本镇完成网站改版。2020年还开展了培训。2022年拟建设新平台。';
    const found = byRule(makeReport({ sections: withS(2021, { s1 }) }), 'G-2');
    expect(found.map((f) => f.message.match(/出现 (\d+) 年/)?.[1])).toEqual(['2020', '2022']);
    expect(found[0]?.message).toContain('“2020年，本镇完成网站改版”');
    expect(found[0]?.severity).toBe('error');
  });

  it('fires on a statistics period that is not the whole report year (seed 004 shape)', () => {
    const s6 = '本年度未收取信息处理费。本报告统计期限自2021年1月1日至2021年12月29日。';
    const [f] = byRule(makeReport({ sections: withS(2021, { s6 }) }), 'G-2');
    expect(f?.message).toContain('统计期限是 2021年1月1日至2021年12月29日');
    expect(f?.section).toBe('s6');
  });

  it('reads a period that leaves out the second year', () => {
    const ok = '本年度未收取信息处理费。统计期限为2021年1月1日起至12月31日止。';
    expect(byRule(makeReport({ sections: withS(2021, { s6: ok }) }), 'G-2')).toEqual([]);
    const short = '本年度未收取信息处理费。统计期限为2021年1月1日至11月30日。';
    expect(byRule(makeReport({ sections: withS(2021, { s6: short }) }), 'G-2')[0]?.message).toContain('2021年1月1日至2021年11月30日');
  });
});

describe('G-5 五 plans for next year', () => {
  it('passes 「N年…存在问题」 and 「N+1年…将」', () => {
    const s5 = '2021年，本镇信息公开工作虽有进步，但仍有不足。2022年，本镇将加强培训。';
    expect(byRule(makeReport({ sections: withS(2021, { s5 }) }), 'G-5')).toEqual([]);
  });

  it('fires on 「2021年，我镇将…」 in a 2021 report (seed 002 shape)', () => {
    const s5 = '公开主动性不够强。2021年，我镇将继续推进政府信息公开工作。';
    const [f] = byRule(makeReport({ sections: withS(2021, { s5 }) }), 'G-5');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('年份应为 2022 年');
  });
});

describe('G-7 总体情况 covers the topics of the notice', () => {
  it('passes the clean overview', () => {
    expect(byRule(makeReport(), 'G-7')).toEqual([]);
  });

  it('warns once per topic not covered; the last one only for people’s governments', () => {
    const s1 = '本年度主动公开信息100条，依申请公开工作规范。';
    const township = byRule(makeReport({ sections: withS(2021, { s1 }) }), 'G-7');
    expect(township.map((f) => f.message.match(/“(.+?)”|写(工作考核.+?情况)/)?.slice(1).find(Boolean))).toEqual([
      '政府信息管理',
      '政府信息公开平台建设',
      '监督保障',
      '工作考核、社会评议和责任追究结果情况',
    ]);
    const department = byRule(makeReport({ level: 'department', sections: withS(2021, { s1 }) }), 'G-7');
    expect(department).toHaveLength(3);
  });

  it('is not satisfied by the outline alone: a topic is covered by text under its heading (both read core/report overview topics)', () => {
    for (const level of ['township', 'department'] as const) {
      const s1 = withMissingTopics('本年度主动公开信息100条。', level);
      expect(byRule(makeReport({ level, sections: withS(2021, { s1 }) }), 'G-7').length).toBeGreaterThan(0);
      const written = s1.replace(/^(（[一二三四五六七八九十]+）.*|\d+\..*)$/gm, '$1\n本年度有关工作按计划完成。');
      expect(byRule(makeReport({ level, sections: withS(2021, { s1: written }) }), 'G-7')).toEqual([]);
    }
  });
});

describe('A-6 and G-8 信息处理费 in 六', () => {
  it('A-6 passes when 六 mentions the fee, fires when applications lapsed for non-payment and it does not', () => {
    const cells = { 't3.r1.np': 1, 't3.r1.total': 1, 't3.r3_6_2.np': 1, 't3.r3_6_2.total': 1, 't3.r3_7.np': 1, 't3.r3_7.total': 1 };
    expect(byRule(makeReport({ cells }), 'A-6')).toEqual([]);
    const r = makeReport({ cells, sections: withS(2021, { s6: '无' }) });
    const [f] = byRule(r, 'A-6');
    expect(f).toMatchObject({ severity: 'warning', section: 's6', cells: ['t3.r3_6_2.total'] });
  });

  it('G-8 asks when 六 says nothing about the fee (seed 002: 「无」): checked before 定稿', () => {
    expect(byRule(makeReport(), 'G-8')).toEqual([]);
    const [f] = byRule(makeReport({ sections: withS(2021, { s6: '无' }) }), 'G-8');
    expect(f?.severity).toBe('warning');
  });
});
