/**
 * The sealed package of a signed report (报告文件, Word and PDF 正式版):
 *   - sealing it, the formal copies already made (hashes, manifest, zip): budget 150 ms
 *   - opening it, every byte verified: budget 150 ms
 *   - 「导出报送包」 through the service, Word and PDF rendered (PDF warm): budget 3 s
 * Run: npx tsx bench/package.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPackage, openPackage } from '../core/package/index.js';
import { tokenFor } from '../core/report/prose.js';
import { closePdfRenderer, findChromium } from '../electron/export/pdf.js';
import { createHandlers } from '../electron/services/index.js';
import { packageStoredReport } from '../electron/services/package.js';
import { openStore } from '../electron/store/index.js';
import { signableCells, signableProse } from '../test/unit/signoff/fixture.js';
import { finish, median, report, timeIt } from './budget.js';

const SIGNOFF = { preparer: '张敏', reviewer: '李强', approver: '王建国', date: '2025-01-20' };
const GENERATOR = { app: '年报助手', version: 'bench' };

async function main(): Promise<void> {
  if (!findChromium()) {
    console.log('no Chromium, Chrome or Edge here: the package has no PDF, so these figures would not be the real ones; skipped');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-package-'));
  const store = openStore(dir);
  const handlers = createHandlers({ store, info: { version: 'bench', host: 'web' } });
  const agency = await handlers['agency.create']({
    agency: { name: '某某县清河镇人民政府', level: 'township', region: '', contact: { address: '', postcode: '', phone: '', email: '' }, website: '' },
  });
  const { id: reportId } = await handlers['report.create']({ agencyId: agency.id, year: 2024 });
  await handlers['cells.set']({ reportId, changes: Object.entries(signableCells()).map(([cellId, value]) => ({ cellId, value })) });
  const prose = signableProse(`本年度收到政府信息公开申请${tokenFor('t3.r1.total')}件。`);
  for (const key of ['s1', 's5', 's6'] as const) await handlers['section.set']({ reportId, key, text: prose[key].repeat(8) });
  await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: true, author: '' });

  // warm: the first PDF starts the browser
  const made = await packageStoredReport(store, reportId, { generator: GENERATOR, now: new Date().toISOString() });
  const whole = await timeIt(() => packageStoredReport(store, reportId, { generator: GENERATOR, now: new Date().toISOString() }), 5);
  report('「导出报送包」 through the service, Word and PDF made (median of 5)', median(whole), 3000);

  const opened = openPackage(made.bytes);
  if (opened.status !== 'intact') throw new Error('the package should be intact');
  const { report: signed, documents } = opened;
  const sealed = opened.manifest.signoff!;
  const seal = await timeIt(
    () => buildPackage({ report: signed, state: 'signed', signed: { version: sealed.version, signedAt: sealed.signedAt, fingerprint: sealed.fingerprint }, documents, generator: GENERATOR, createdAt: new Date().toISOString() }),
    30,
  );
  report(`sealing a package of ${(made.bytes.length / 1024).toFixed(0)} KB (median of 30)`, median(seal), 150);
  const verify = await timeIt(() => openPackage(made.bytes), 30);
  report('opening it, every byte verified (median of 30)', median(verify), 150);

  await closePdfRenderer();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  finish();
}

void main();
