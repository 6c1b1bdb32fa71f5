import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../core/rules/index.js';
import { carryForward, type ReportData } from '../../../core/report/index.js';

function lastYear(): ReportData {
  return {
    format: '2021',
    year: 2023,
    agency: { name: '某某镇人民政府', level: 'township', region: '', website: '', contact: { address: '', postcode: '', phone: '', email: '' } },
    cells: { 't3.r4.np': 3 },
    sections: { s1: '2023年，我镇共收到申请5件。', note_t3: '2023年的说明。' },
    notes: {},
    origin: 'app',
  };
}

const ids = (report: ReportData) => checkReport(report).filter((f) => f.ruleId === 'X-6' || f.ruleId === 'X-7');

describe('X-6: carried text still to be updated', () => {
  it('warns while a carried year or figure stands in the text, per part', () => {
    const { report } = carryForward(lastYear(), 2024);
    const found = ids(report);
    expect(found.map((f) => [f.ruleId, f.section])).toEqual([
      ['X-6', 's1'],
      ['X-6', 's3'],
    ]);
    expect(found[0]!.message).toContain('2 处从 2023 年报告带入');
    expect(found[1]!.message).toContain('表三下的说明');
  });

  it('is quiet once the text no longer says it or the mention is confirmed', () => {
    const { report } = carryForward(lastYear(), 2024);
    report.sections.s1 = '2024年，我镇共收到申请7件。';
    report.carry!.pending.note_t3 = [];
    expect(ids(report)).toEqual([]);
  });
});

describe('X-7: a carried figure changed by hand needs a reason', () => {
  it('warns without a note, not with one', () => {
    const { report } = carryForward(lastYear(), 2024);
    report.sections = {};
    report.cells['t3.r2.np'] = 2;
    expect(ids(report).map((f) => f.ruleId)).toEqual(['X-7']);
    report.notes['t3.r2.np'] = '1 件申请人已撤回';
    expect(ids(report)).toEqual([]);
  });
});
