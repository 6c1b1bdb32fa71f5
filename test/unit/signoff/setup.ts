import { getFormat } from '../../../core/format/index.js';
import { tokenFor } from '../../../core/report/prose.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';

/** The people who sign, as the sign-off panel sends them. */
export const SIGNOFF = {
  preparer: '张敏',
  preparerDate: '2025-01-15',
  reviewer: '李强',
  reviewerDate: '2025-01-18',
  approver: '王建国',
  approverDate: '2025-01-20',
  date: '2025-01-20',
};

/**
 * A 2024 report (2021 format) that passes the gate: every cell filled, the 勾稽关系 holding
 * (5 received + 1 carried = 4 concluded + 2 carried on), six sections written. `cells` overrides.
 */
export async function signableReport(cells: Record<string, number> = {}) {
  const backend = testBackend();
  const { handlers } = backend;
  const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
  const report = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
  const reportId = report.id;
  const values: Record<string, number> = {};
  for (const c of getFormat('2021').cells) if (!c.sumOf) values[c.id] = 0;
  Object.assign(values, { 't2.norm.made': 3, 't2.norm.valid': 41, 't2.lic.decisions': 1288, 't3.r1.np': 5, 't3.r2.np': 1, 't3.r3_1.np': 3, 't3.r3_2.np': 1, 't3.r4.np': 2 }, cells);
  await handlers['cells.set']({ reportId, changes: Object.entries(values).map(([cellId, value]) => ({ cellId, value })) });
  await handlers['section.set']({
    reportId,
    key: 's1',
    text: [
      `本年度，我镇收到政府信息公开申请${tokenFor('t3.r1.total')}件，均按时答复。`,
      '（一）主动公开',
      '通过门户网站主动公开政府信息，及时更新机构职能、财政预决算等内容。',
      '（二）依申请公开',
      '严格按照法定时限答复申请。',
      '（三）政府信息管理',
      '定期清理已公开信息，动态更新公开目录。',
      '（四）政府信息公开平台建设',
      '维护门户网站信息公开专栏，栏目设置规范。',
      '（五）监督保障',
      '将政务公开纳入年度绩效考核，开展社会评议，本年度未发生责任追究情况。',
    ].join('\n'),
  });
  await handlers['section.set']({ reportId, key: 's5', text: '（一）存在的问题\n信息更新还不够及时。\n（二）改进情况\n2025年将加强培训。' });
  await handlers['section.set']({ reportId, key: 's6', text: '本年度未收取信息处理费。本报告统计期限为2024年1月1日至2024年12月31日。' });
  return { ...backend, agencyId: agency.id, reportId };
}
