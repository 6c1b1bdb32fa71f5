import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../../core/format/index.js';
import type { AgencyLevel } from '../../../core/report/index.js';
import { byRule, cleanSections, makeReport } from './build.js';

const STANDARD = Object.fromEntries(SECTIONS.map((s) => [s.key, s.title]));

describe('G-1 six sections, in order, exact titles', () => {
  it('passes a report with the three prose sections written', () => {
    expect(byRule(makeReport(), 'G-1')).toEqual([]);
  });

  it('passes an imported report that printed the six standard headings', () => {
    expect(byRule({ ...makeReport(), publishedTitles: { ...STANDARD } }, 'G-1')).toEqual([]);
  });

  it('fires on an empty prose section', () => {
    const [f] = byRule(makeReport({ sections: { ...cleanSections(2021), s6: '  ' } }), 'G-1');
    expect(f?.section).toBe('s6');
    expect(f?.message).toContain('「六、其他需要报告的事项」还没有内容');
  });

  it('fires on a missing section, a variant title and a wrong order', () => {
    const { s6: _dropped, ...five } = STANDARD;
    const titles = { s1: five.s1, s2: five.s2, s3: five.s3, s5: five.s5, s4: '政府信息公开申请行政复议和行政诉讼情况' };
    const found = byRule({ ...makeReport(), publishedTitles: titles }, 'G-1');
    expect(found.map((f) => f.section)).toEqual(['s4', 's4', 's6']);
    expect(found.map((f) => f.message)).toEqual([
      '第四部分的标题写成了「政府信息公开申请行政复议和行政诉讼情况」（这是常见的变体写法），应为「四、政府信息公开行政复议、行政诉讼情况」',
      '「四、政府信息公开行政复议、行政诉讼情况」排在了「五、存在的主要问题及改进情况」之后，六个部分应按一至六的顺序排列',
      '报告缺少「六、其他需要报告的事项」这一部分。格式规定的六个部分不能遗漏',
    ]);
  });

  it('does not apply to a free-form report before 2019', () => {
    const r = { ...makeReport({ year: 2017 }), format: 'free' as const, sections: {} };
    expect(byRule(r, 'G-1')).toEqual([]);
  });
});

describe('G-6 format matches the year (F-1)', () => {
  it('passes 2019 format for 2020 and 2021 format for 2023', () => {
    expect(byRule(makeReport({ format: '2019', year: 2020 }), 'G-6')).toEqual([]);
    expect(byRule(makeReport({ format: '2021', year: 2023 }), 'G-6')).toEqual([]);
  });

  it('fires on a 2021 report in the 2019 format and the reverse', () => {
    const [f] = byRule(makeReport({ format: '2019', year: 2021 }), 'G-6');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('这是 2021 年度的报告，应使用2021年版格式（国办公开办函〔2021〕30号）');
    expect(byRule(makeReport({ format: '2021', year: 2020 }), 'G-6')).toHaveLength(1);
  });

  it('fires on a free-form report for a year that has a format', () => {
    const r = { ...makeReport({ year: 2022 }), format: 'free' as const };
    expect(byRule(r, 'G-6')[0]?.message).toContain('自由格式');
  });
});

describe('G-3 signing date in the year after, not after the statutory deadline', () => {
  const signed = (date: string, level: AgencyLevel) => ({
    ...makeReport({ level }),
    signoff: { preparer: '', reviewer: '', approver: '', date },
  });

  it('is silent without a date and within the deadline', () => {
    expect(byRule(makeReport(), 'G-3')).toEqual([]);
    expect(byRule(signed('2022-01-31', 'department'), 'G-3')).toEqual([]);
    expect(byRule(signed('2022-03-31', 'county'), 'G-3')).toEqual([]);
    // townships and streets have only local deadlines
    expect(byRule(signed('2022-06-30', 'township'), 'G-3')).toEqual([]);
  });

  it('warns on a date outside year N+1 and on a date after the deadline', () => {
    const [early] = byRule(signed('2021-12-20', 'township'), 'G-3');
    expect(early).toMatchObject({ severity: 'warning', section: 's6', cells: [] });
    expect(early?.message).toContain('落款日期2021年12月20日不在 2022 年');
    const [late] = byRule(signed('2022-02-01', 'department'), 'G-3');
    expect(late?.message).toContain('落款日期2022年2月1日晚于县级政府部门的发布期限 2022年1月31日');
    expect(byRule(signed('2022-04-01', 'county'), 'G-3')).toHaveLength(1);
  });
});
