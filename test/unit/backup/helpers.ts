import { afterEach } from 'vitest';
import { tokenFor } from '../../../core/report/prose.js';
import { openBackend, type Backend } from '../../../electron/backend.js';
import { SAMPLE_AGENCY } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';
import { signableCells, signableProse } from '../signoff/fixture.js';
import { SIGNOFF } from '../signoff/setup.js';

const open: Backend[] = [];

/** The services as browser mode runs them (keeper, lock, storage guard), on a folder of the test's own; closed after the test. */
export function runningBackend(dataDir = tmpDir()): Backend & { dataDir: string } {
  const backend = openBackend(dataDir, 'web');
  open.push(backend);
  return Object.assign(backend, { dataDir });
}

afterEach(() => {
  for (const b of open.splice(0)) b.close();
});

type H = Backend['handlers'];

/** An agency and its 2024 report that passes the gate: what a clerk has after an afternoon. */
export async function fillReport(handlers: H, year = 2024, cells: Record<string, number> = {}): Promise<{ agencyId: number; reportId: number }> {
  const agencies = await handlers['agency.list']({});
  const agency = agencies[0] ?? (await handlers['agency.create']({ agency: SAMPLE_AGENCY }));
  const report = await handlers['report.create']({ agencyId: agency.id, year });
  const reportId = report.id;
  await handlers['cells.set']({ reportId, changes: Object.entries(signableCells(cells)).map(([cellId, value]) => ({ cellId, value })) });
  const prose = signableProse(`本年度，我镇收到政府信息公开申请${tokenFor('t3.r1.total')}件，均按时答复。`);
  for (const key of ['s1', 's5', 's6'] as const) await handlers['section.set']({ reportId, key, text: prose[key] });
  return { agencyId: agency.id, reportId };
}

export async function sign(handlers: H, reportId: number) {
  return handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: true, author: '张敏' });
}

export { smallDisk, CAN_MOUNT, type SmallDisk } from './disk.js';
