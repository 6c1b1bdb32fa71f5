import { describe, expect, it } from 'vitest';
import { checkReport } from '../../../core/rules/index.js';
import { carryForward, staleMentions, type ReportData } from '../../../core/report/index.js';
import { findMentions } from '../../../renderer/report/carry/mentions.js';

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

describe('X-6, the window\'s count and its highlights are one list (issue 12, point 6)', () => {
  /** a carried text in the shapes reports write: repeated figures, every counting unit, a figure from the tables */
  const text = '2023年，我镇受理申请5件，答复5件，其中15件为咨询；新增主动公开栏目7个，培训工作人员1名、12人次，收费0.5万元，办理三件复议，2.5件不算。{{cell:t3.r1.total}}件';

  it('counts each place once, the same 「5件」 twice as two, and names each mention once', () => {
    const { report } = carryForward({ ...lastYear(), sections: { s1: text } }, 2024);
    const spots = findMentions(report.sections.s1!, report.carry!.pending.s1!);
    expect(spots.map((s) => s.mention)).toEqual(['2023年', '5件', '5件', '15件', '7个', '1名', '12人次', '0.5万元', '三件', '2.5件']);
    const x6 = checkReport(report).find((f) => f.ruleId === 'X-6')!;
    expect(x6.message).toContain(`还有 ${spots.length} 处`);
    expect(x6.message).toContain('（2023年、5件、15件、7个、1名等）');
  });

  it('every unit the format reads its cells in is a unit a mention can have', () => {
    for (const unit of ['件', '项', '万元', '个', '名', '人次', '条']) expect(staleMentions(`共3${unit}。`)).toEqual([`3${unit}`]);
  });

  it('a figure that only ends like a mention, or stands inside a figure from the tables, is not counted', () => {
    const { report } = carryForward(lastYear(), 2024);
    report.sections.s1 = '2024年，我镇共收到申请15件，其中{{cell:t3.r1.total}}件。';
    report.carry!.pending.s1 = ['5件', '1件'];
    expect(ids(report).filter((f) => f.section === 's1')).toEqual([]);
    // the old test, a substring search, said 「5件」 still stood in 「15件」
    report.sections.s1 = '共收到申请15件，另有5件。';
    expect(ids(report).find((f) => f.section === 's1')!.message).toContain('还有 1 处');
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
