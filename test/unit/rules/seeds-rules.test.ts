import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../../core/report/index.js';
import { checkReport, type Finding } from '../../../core/rules/index.js';
import { loadSeedFixture } from './seed-fixtures.js';
import { narrativeText, splitSections, type NarrativeId } from './narrative-fixtures.js';

/** Errors and warnings (what a clerk must act on) of some rule families. */
const serious = (found: Finding[], prefixes: string[]) =>
  found.filter((f) => (f.severity === 'error' || f.severity === 'warning') && prefixes.some((p) => f.ruleId.startsWith(p)));

const TABLE_RULES = ['D-', 'A-', 'L-', 'P-'];

describe('seed 000 (2020, 2019 format): spec §5', () => {
  const found = checkReport(loadSeedFixture('seed-000'));

  it('A-2 and A-3 fire on （七）总计 in the columns 其他 and 总计', () => {
    expect(found.filter((f) => f.ruleId === 'A-2').map((f) => f.cells[0])).toEqual(['t3.r3_7.oth', 't3.r3_7.total']);
    const a3 = found.filter((f) => f.ruleId === 'A-3');
    expect(a3.map((f) => f.cells)).toEqual([
      ['t3.r1.oth', 't3.r2.oth', 't3.r3_7.oth', 't3.r4.oth'],
      ['t3.r1.total', 't3.r2.total', 't3.r3_7.total', 't3.r4.total'],
    ]);
    expect(a3[0]?.message).toContain('「（七）总计」0 + 「四、结转下年度继续办理」0 = 0');
  });

  it('G-1 finds 六 missing and the variant titles of 四 and 五; nothing else is an error', () => {
    expect(found.filter((f) => f.ruleId === 'G-1').map((f) => f.section)).toEqual(['s4', 's5', 's6']);
    expect([...new Set(found.filter((f) => f.severity === 'error').map((f) => f.ruleId))]).toEqual(['A-2', 'A-3', 'G-1']);
  });
});

describe('seed 001 (2021)', () => {
  const report = loadSeedFixture('seed-001');

  it('tables pass every table rule', () => {
    expect(serious(checkReport(report), TABLE_RULES)).toEqual([]);
  });

  it('G-4 fires on a narrative with its figures: 686 vs 166 + 325 + 39, while 4 applications agree', () => {
    const s1 = [
      '（一）主动公开和依申请公开',
      '本年度在政府信息公开平台主动公开信息84条。通过各种渠道共公开信息686条，其中，镇网站166条，镇微信公众号325条，其他方式39条。全年收到政府信息公开申请4件，均已答复。',
    ].join('\n');
    const found = checkReport({ ...report, sections: { ...report.sections, s1 } }).filter((f) => f.ruleId === 'G-4');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('166 + 325 + 39 = 530条，与总数 686条 不符');
  });
});

describe('seed 002 (2021)', () => {
  const found = checkReport(loadSeedFixture('seed-002'));

  it('G-5 fires on 「2021年，…将…」 in 五, and 六 「无」 gets the 信息处理费 hint', () => {
    expect(found.filter((f) => f.ruleId === 'G-5')).toHaveLength(1);
    expect(found.filter((f) => f.ruleId === 'G-8').map((f) => f.severity)).toEqual(['warning']);
  });

  it('its all-zero tables pass the table rules', () => {
    expect(serious(found, TABLE_RULES)).toEqual([]);
  });
});

describe('seed 003 (2023)', () => {
  const report = loadSeedFixture('seed-003');

  it('passes every A-* and L-* rule (224 + 8 = 210 + 22)', () => {
    expect(serious(checkReport(report), ['A-', 'L-', 'D-', 'P-'])).toEqual([]);
  });

  /** Our own Simplified paraphrase, with the figures the published narrative quotes. */
  const paraphrase =
    '本年度全市受理依申请公开事项224件，自上年度结转8件，办结210件，结转下一年度办理22件。' +
    '门户网站共发布政务信息26077条，其中信息公开目录发布6057条。全年评价总数251326条，其中主动评价245621条（其中好评245621条，好评率100%），主动评价率97.73%。';

  it('G-4 passes our paraphrase of its narrative and fires on an altered copy', () => {
    const withS1 = (s1: string): ReportData => ({ ...report, sections: { ...report.sections, s1 } });
    expect(checkReport(withS1(paraphrase)).filter((f) => f.ruleId === 'G-4')).toEqual([]);
    const altered = checkReport(withS1(paraphrase.replace('办结210件', '办结212件').replace('其中主动评价245621条', '其中主动评价261326条')));
    expect(altered.filter((f) => f.ruleId === 'G-4').map((f) => f.cells)).toEqual([['t3.r3_7.total'], []]);
  });

  describe('on a whole report text of its shape (test/fixtures/narratives)', () => {
    it('G-4 passes its own narrative and fires when a figure is altered', () => {
      const text = narrativeText('003');
      const { intro, s1, s5, s6 } = splitSections(text, report.agency.name);
      expect(s1).toContain('224');
      const published: ReportData = { ...report, sections: { intro, s1, s5, s6 } };
      const g4 = (r: ReportData) => checkReport(r).filter((f) => f.ruleId === 'G-4');
      expect(g4(published)).toEqual([]);
      const altered = { ...published, sections: { ...published.sections, s1: s1!.replace('结转下一年度办理22件', '结转下一年度办理23件') } };
      expect(g4(altered).map((f) => f.cells)).toEqual([['t3.r4.total']]);
    });
  });
});

describe('whole report texts of the seeds’ shapes reproduce spec §5 (test/fixtures/narratives)', () => {
  const prose = (id: NarrativeId, report: ReportData) => {
    const { intro, s1, s5, s6 } = splitSections(narrativeText(id), report.agency.name);
    const sections: ReportData['sections'] = {};
    for (const [k, v] of Object.entries({ intro, s1, s5, s6 })) if (v !== undefined) sections[k as 's1'] = v;
    return checkReport({ ...report, sections }).filter((f) => f.severity !== 'info');
  };

  it('001: G-4 on 686 vs 166 + 325 + 39, nothing else but the 工作考核 outline warning', () => {
    const found = prose('001', loadSeedFixture('seed-001'));
    expect(found.map((f) => f.ruleId)).toEqual(['G-4', 'G-7']);
    expect(found[0]?.message).toContain('166 + 325 + 39 = 530条');
  });

  it('002: G-5 and the 信息处理费 hint', () => {
    const found = prose('002', loadSeedFixture('seed-002'));
    expect(found.filter((f) => f.ruleId === 'G-5')).toHaveLength(1);
    expect(found.filter((f) => f.ruleId === 'G-8')).toHaveLength(1);
    expect(found.filter((f) => f.ruleId.startsWith('G-2') || f.ruleId === 'G-4')).toEqual([]);
  });

  it('003: no finding at all', () => {
    expect(prose('003', loadSeedFixture('seed-003'))).toEqual([]);
  });
});
