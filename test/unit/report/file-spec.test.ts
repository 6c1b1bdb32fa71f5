import { describe, expect, it } from 'vitest';
import { emptyAgency, parseReportFile, serializeReportFile, type ReportData } from '../../../core/report/index.js';

const report = (level: ReportData['agency']['level']): ReportData => ({
  format: '2021',
  year: 2023,
  agency: { ...emptyAgency('测试单位'), level },
  cells: {},
  sections: {},
  notes: {},
  origin: 'app',
});

describe('report file sign-off', () => {
  it('reads back the date of each step as well as the names and the 落款日期', () => {
    const signoff = { preparer: '甲', preparerDate: '2024-01-02', reviewer: '乙', reviewerDate: '2024-01-03', approver: '丙', approverDate: '2024-01-04', date: '2024-01-05' };
    const back = parseReportFile(serializeReportFile({ ...report('county'), signoff }));
    expect(back.ok && back.report.signoff).toEqual(signoff);
  });
});

describe('report file agency level (spec/report-json.md: six levels)', () => {
  it('writes one of the six levels, and no level for 「其他」, which reads back as 「其他」', () => {
    const county = JSON.parse(serializeReportFile(report('county')));
    expect(county.agency.level).toBe('county');
    const text = serializeReportFile(report('other'));
    expect(JSON.parse(text).agency).not.toHaveProperty('level');
    const back = parseReportFile(text);
    expect(back.ok && back.report.agency.level).toBe('other');
  });
});
