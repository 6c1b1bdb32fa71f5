import { describe, expect, it } from 'vitest';
import { signedFingerprint } from '../../../core/document/index.js';
import { fingerprintMatches, fingerprintVersionOf, reportFingerprint, storedFingerprint } from '../../../core/report/fingerprint.js';
import { emptyAgency, type ReportData } from '../../../core/report/index.js';

const base: ReportData = {
  format: '2021',
  year: 2024,
  agency: emptyAgency('某某县清河镇人民政府'),
  cells: { 't3.r1.np': 3 },
  sections: { s1: '总体情况。' },
  notes: {},
  origin: 'app',
  signoff: { preparer: '张敏', reviewer: '', approver: '王建国' },
  confirmations: { t3: { source: '镇政务服务中心依申请公开登记簿', confirmer: '李红', date: '2025-01-10' }, t4: { source: '县司法局', confirmer: '赵强', noneConfirmed: true } },
};

describe('the signing fingerprint takes in the 表三/表四 confirmations (issue 12), versioned', () => {
  it('a signed copy whose source, confirmer, date or 「本年确无」 was changed no longer verifies', () => {
    const stored = signedFingerprint(base);
    expect(stored).toMatch(/^sha256-2:[0-9a-f]{64}$/);
    expect(fingerprintMatches(base, stored)).toBe(true);
    const changed: ReportData[] = [
      { ...base, confirmations: { ...base.confirmations, t3: { ...base.confirmations!.t3!, confirmer: '王五' } } },
      { ...base, confirmations: { ...base.confirmations, t3: { ...base.confirmations!.t3!, source: '信访局' } } },
      { ...base, confirmations: { ...base.confirmations, t3: { ...base.confirmations!.t3!, date: '2025-01-11' } } },
      { ...base, confirmations: { ...base.confirmations, t4: { source: '县司法局', confirmer: '赵强' } } },
      { ...base, confirmations: { t3: base.confirmations!.t3! } },
      { ...base, confirmations: undefined as never },
    ];
    for (const report of changed) expect(fingerprintMatches(report, stored), JSON.stringify(report.confirmations)).toBe(false);
  });

  it('a report signed before (version 1, 「sha256:…」 without the confirmations) still verifies, and still fails when its content changed', () => {
    const { confirmations: _c, ...old } = base;
    const v1 = `sha256:${reportFingerprint(old, 1)}`;
    expect(fingerprintVersionOf(v1)).toBe(1);
    expect(fingerprintMatches(old, v1)).toBe(true);
    expect(fingerprintMatches({ ...old, cells: { 't3.r1.np': 4 } }, v1)).toBe(false);
    // version 1 never read the confirmations: a report that has some verifies against it as before
    expect(fingerprintMatches(base, v1)).toBe(true);
    // but nobody can pass off a version-2 fingerprint as version 1 or the other way round
    expect(fingerprintMatches(base, v1.replace('sha256:', 'sha256-2:'))).toBe(false);
    expect(fingerprintMatches(base, storedFingerprint(base).replace('sha256-2:', 'sha256:'))).toBe(false);
    expect(fingerprintMatches(base, `md5:${reportFingerprint(base)}`)).toBe(false);
  });
});
