/**
 * Sign-off and export through the services, on a real SQLite store: what the clerk waits for
 * after clicking 「定稿」, 「导出 Word」 and 「导出 PDF」 (loading the report, the gate with the rules,
 * the fingerprint check of the signed version, rendering, base64 for the browser).
 * Budgets: 定稿 200 ms; final DOCX 150 ms (the writer's budget, service overhead included);
 * final PDF warm 800 ms; preview 100 ms.
 * Run: npx tsx bench/signoff.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tokenFor } from '../core/report/prose.js';
import { closePdfRenderer, findChromium } from '../electron/export/pdf.js';
import { createHandlers } from '../electron/services/index.js';
import { openStore } from '../electron/store/index.js';
import { signableCells, signableProse } from '../test/unit/signoff/fixture.js';
import { finish, median, report, timeIt } from './budget.js';

const SIGNOFF = { preparer: '张敏', reviewer: '李强', approver: '王建国', date: '2025-01-20' };

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-signoff-'));
  const store = openStore(dir);
  const handlers = createHandlers({ store, info: { version: 'bench', host: 'web' } });
  const agency = await handlers['agency.create']({
    agency: { name: '某某县清河镇人民政府', level: 'township', region: '', contact: { address: '', postcode: '', phone: '', email: '' }, website: '' },
  });
  // last year's report too, so that the gate runs the cross-year rules as it does for a real clerk
  const last = await handlers['report.create']({ agencyId: agency.id, year: 2023 });
  await handlers['cells.set']({ reportId: last.id, changes: [{ cellId: 't3.r4.np', value: 1 }, { cellId: 't3.r1.np', value: 1 }] });
  const { id: reportId } = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
  await handlers['cells.set']({ reportId, changes: Object.entries(signableCells()).map(([cellId, value]) => ({ cellId, value })) });
  const prose = signableProse(`本年度收到政府信息公开申请${tokenFor('t3.r1.total')}件。`);
  for (const key of ['s1', 's5', 's6'] as const) await handlers['section.set']({ reportId, key, text: prose[key].repeat(8) });

  const sign = await timeIt(async () => {
    await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: true, author: '' });
    await handlers['report.reopen']({ reportId, reason: '基准测试', author: '' });
  }, 20);
  report('定稿 + 修改定稿 through the services (median of 20)', median(sign), 200);
  await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: true, author: '' });

  const preview = await timeIt(() => handlers['export.preview']({ reportId, draft: false, approvalSheet: true }), 30);
  report('final preview (median of 30)', median(preview), 100);
  await timeIt(() => handlers['export.file']({ reportId, draft: false, format: 'docx' }), 3);
  const docx = await timeIt(() => handlers['export.file']({ reportId, draft: false, format: 'docx' }), 20);
  report('final DOCX through the services (median of 20)', median(docx), 150);

  if (findChromium()) {
    const cold = await timeIt(() => handlers['export.file']({ reportId, draft: false, format: 'pdf' }), 1);
    console.log(`final PDF through the services, cold: ${cold[0]!.toFixed(0)} ms`);
    const warm = await timeIt(() => handlers['export.file']({ reportId, draft: false, format: 'pdf' }), 10);
    report('final PDF through the services, warm (median of 10)', median(warm), 800);
    await closePdfRenderer();
  }
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  finish();
}

void main();
