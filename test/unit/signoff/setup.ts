import { tokenFor } from '../../../core/report/prose.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';
import { signableCells, signableProse } from './fixture.js';

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

/** A 2024 report in a fresh store that passes the gate (fixture.ts); `cells` overrides. */
export async function signableReport(cells: Record<string, number> = {}) {
  const backend = testBackend();
  const { handlers } = backend;
  const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
  const report = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
  const reportId = report.id;
  await handlers['cells.set']({ reportId, changes: Object.entries(signableCells(cells)).map(([cellId, value]) => ({ cellId, value })) });
  const prose = signableProse(`本年度，我镇收到政府信息公开申请${tokenFor('t3.r1.total')}件，均按时答复。`);
  for (const key of ['s1', 's5', 's6'] as const) await handlers['section.set']({ reportId, key, text: prose[key] });
  // who confirmed 表三/表四 (rules S-1, S-2): a report that passes the gate has it recorded
  const confirmed = { confirmer: '赵敏', date: '2025-01-10', noneConfirmed: true };
  await handlers['report.save']({
    reportId,
    edits: [
      { kind: 'table-confirmation', table: 't3', value: { source: '本机关依申请公开登记台账', ...confirmed } },
      { kind: 'table-confirmation', table: 't4', value: { source: '县司法局、县人民法院', ...confirmed } },
    ],
  });
  return { ...backend, agencyId: agency.id, reportId };
}
