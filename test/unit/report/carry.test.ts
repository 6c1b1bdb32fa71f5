import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { carryForward, parseReportFile, staleMentions, type ReportData } from '../../../core/report/index.js';

function fixture(name: string): ReportData {
  const parsed = parseReportFile(fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'seeds', `${name}.nianbao.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.report;
}

const OPEN = ['np', 'biz', 'res', 'ngo', 'law', 'oth'];

describe('carry forward', () => {
  it('2023 → 2024 (2021 format): 上年结转 = last year 结转下年度, 现行有效件数 as base, nothing else invented', () => {
    const last = fixture('seed-003');
    last.sections = { s1: '2023年，全市共收到申请224件。', s5: '下一步，2024年将继续改进。', s6: '本年度未收取信息处理费。' };
    last.signoff = { preparer: '张三', preparerDate: '2024-02-01', reviewer: '李四', approver: '王五', date: '2024-02-05' };
    const { report, carry } = carryForward(last, 2024);
    expect(report.format).toBe('2021');
    expect(report.year).toBe(2024);
    expect(report.origin).toBe('app');
    expect(report.cells).toEqual(Object.fromEntries(OPEN.map((c) => [`t3.r2.${c}`, last.cells[`t3.r4.${c}`]])));
    expect(report.cells['t3.r2.np']).toBe(22);
    expect(carry.base).toEqual({ 't2.reg.valid': 0, 't2.norm.valid': 75 });
    expect(carry.fromYear).toBe(2023);
    expect(report.sections).toEqual(last.sections);
    expect(carry.pending.s1).toEqual(['2023年', '224件']);
    expect(carry.pending.s5).toEqual(['2024年']);
    expect(report.signoff).toEqual({ preparer: '张三', reviewer: '李四', approver: '王五' });
    expect(carry.notices).toEqual([]);
  });

  it('2020 (2019 format) → 2021: 表三 carries, 表二 does not and says why (X-4)', () => {
    const last = fixture('seed-000');
    last.cells['t3.r4.np'] = 2;
    last.cells['t3.r4.total'] = 2;
    const { report, carry } = carryForward(last, 2021);
    expect(report.format).toBe('2021');
    expect(report.cells).toEqual({ 't3.r2.np': 2, 't3.r2.biz': 0, 't3.r2.res': 0, 't3.r2.ngo': 0, 't3.r2.law': 0, 't3.r2.oth': 0 });
    expect(carry.base).toEqual({});
    expect(carry.notices.join()).toContain('X-4');
    expect(carry.notices.join()).toContain('（如「本年新制作数量」与「本年制发件数」）');
  });

  it('2019 → 2020 (2019 format): 上一年项目数量 = last year + 本年增/减 (X-3)', () => {
    const last = fixture('seed-000');
    last.year = 2019;
    last.cells['t2.lic.prev_items'] = 12;
    last.cells['t2.lic.delta'] = -2;
    const { report } = carryForward(last, 2020);
    expect(report.format).toBe('2019');
    expect(report.cells['t2.lic.prev_items']).toBe(10);
    expect(report.cells['t2.fee.prev_items']).toBe(0);
    expect(report.cells['t2.lic.delta']).toBeUndefined();
    expect(report.cells['t2.lic.decisions']).toBeUndefined();
  });

  it('warns when an imported report published a 结转 total that its columns do not add up to', () => {
    const last = fixture('seed-003');
    last.cells['t3.r4.total'] = 25;
    expect(carryForward(last, 2024).carry.notices.join()).toContain('公布的「四、结转下年度继续办理」总计为 25，但各栏相加为 22');
  });

  it('a free-form year has no tables to carry', () => {
    const last: ReportData = { ...fixture('seed-003'), format: 'free', year: 2018, cells: {} };
    const { report, carry } = carryForward(last, 2019);
    expect(report.cells).toEqual({});
    expect(carry.notices[0]).toContain('自由格式');
  });

  it('finds years and counted figures in prose, including Chinese numerals', () => {
    expect(staleMentions('2023年度共发布信息1,234条，收到申请三件，办结率100%。')).toEqual(['2023年度', '1,234条', '三件', '100%']);
  });
});

describe('report file and figure tokens', () => {
  it('writes plain text in sections and keeps the live figures alongside', async () => {
    const { serializeReportFile } = await import('../../../core/report/index.js');
    const report = fixture('seed-003');
    report.sections = { s1: '全年收到申请{{cell:t3.r1.total}}件。', s5: '无' };
    const text = serializeReportFile(report);
    const json = JSON.parse(text) as { sections: Record<string, string>; sectionsWithFigures: Record<string, string> };
    expect(json.sections.s1).toBe('全年收到申请224件。');
    expect(json.sectionsWithFigures).toEqual({ s1: '全年收到申请{{cell:t3.r1.total}}件。' });
    const back = parseReportFile(text);
    expect(back.ok && back.report.sections.s1).toBe('全年收到申请{{cell:t3.r1.total}}件。');
  });
});
