import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/api.js';
import { SAMPLE_AGENCY } from '../helpers/backend.js';
import { SIGNOFF, signableReport } from './setup.js';

/**
 * Issue 12, point 18: the publication deadline local rules set an agency is a setting of the
 * agency (「机关信息」), and the window's rules, the 定稿 gate and the report as opened all check the
 * 落款 date (G-3) against it. A township has no statutory deadline: without the setting nothing is
 * checked; with it, a late date is found.
 */
describe('the publication deadline as a setting of the agency', () => {
  it('is empty at first; the statutory deadline of the level is named beside it', async () => {
    const { handlers, agencyId } = await signableReport();
    expect(await handlers['agency.deadline']({ agencyId })).toEqual({ deadline: '', statutory: '' });
    const dept = await handlers['agency.create']({ agency: { ...SAMPLE_AGENCY, name: '某某县教育局', level: 'department' } });
    expect((await handlers['agency.deadline']({ agencyId: dept.id })).statutory).toBe('1月31日');
  });

  it('is kept in one spelling, whichever the clerk typed, and cleared by an empty field', async () => {
    const { handlers, agencyId } = await signableReport();
    for (const typed of ['1月20日', '01-20', ' 1/20 ']) {
      expect((await handlers['agency.deadline.save']({ agencyId, deadline: typed })).deadline).toBe('1-20');
    }
    expect((await handlers['agency.deadline.save']({ agencyId, deadline: '' })).deadline).toBe('');
    expect((await handlers['agency.deadline']({ agencyId })).deadline).toBe('');
  });

  it('refuses what is not a date, in Chinese, and keeps what was set', async () => {
    const { handlers, agencyId } = await signableReport();
    await handlers['agency.deadline.save']({ agencyId, deadline: '1-20' });
    for (const bad of ['2月30日', '13-01', '下周', 'x'.repeat(30)]) {
      const result = await dispatch(handlers, 'agency.deadline.save', { agencyId, deadline: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/发布期限请写成 月-日|不能超过|太长/);
    }
    expect((await handlers['agency.deadline']({ agencyId })).deadline).toBe('1-20');
    const missing = await dispatch(handlers, 'agency.deadline.save', { agencyId: 999, deadline: '1-20' });
    expect(missing.ok).toBe(false);
  });

  it('reaches the rules: the report as opened carries it, and the 定稿 gate checks the 落款 date against it', async () => {
    const { handlers, agencyId, reportId } = await signableReport();
    // 落款 on 20 January; a township has no statutory deadline, so nothing is found
    await handlers['signoff.save']({ reportId, signoff: SIGNOFF });
    const g3 = async () => {
      const { gate } = await handlers['signoff.status']({ reportId });
      return [...gate.blocking, ...gate.unconfirmed, ...gate.accepted].filter((f) => f.ruleId === 'G-3');
    };
    expect(await g3()).toEqual([]);
    expect((await handlers['report.open']({ reportId })).deadline).toBeUndefined();

    await handlers['agency.deadline.save']({ agencyId, deadline: '1月15日' });
    expect((await handlers['report.open']({ reportId })).deadline).toBe('1-15');
    const [late] = await g3();
    expect(late?.message).toContain('晚于乡镇的发布期限 2025年1月15日（当地规定的发布期限，在「机关信息」里设置）');

    await handlers['agency.deadline.save']({ agencyId, deadline: '1-25' });
    expect(await g3()).toEqual([]);
  });
});
