import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { signableCells, signableProse } from '../unit/signoff/fixture.js';
import { readNetworkTrace, straceAvailable, straceCommand } from '../unit/network/trace.js';
import { expect, startApp, tempDataDir, test } from './app.js';
import { api, reportIdOf, startReport } from './helpers.js';

/**
 * Zero network, proved on a whole browser-mode session: the app and every process it starts
 * (the PDF export's Chromium among them) run under `strace -f -e trace=network`; the session is a
 * clerk's — start, make a report, type figures, export Word and PDF, open the print preview —
 * and afterwards every connect() and send in the trace must go to 127.0.0.1, ::1 or a Unix socket.
 */

async function download(page: Page, click: () => Promise<void>): Promise<number> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const to = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-dl-')), file.suggestedFilename());
  await file.saveAs(to);
  return fs.statSync(to).size;
}

test('a whole session — start, edit, export Word and PDF, print preview — reaches nothing but this machine', async ({ page }) => {
  test.skip(process.platform !== 'linux', 'strace is Linux only');
  expect(straceAvailable(), 'strace is installed (.ci/run installs it)').toBe(true);
  test.setTimeout(180_000);
  const traceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-session-trace-'));
  const traceFile = path.join(traceDir, 'trace.txt');
  const app = await startApp(tempDataDir(), [], { wrap: straceCommand(traceFile) });
  try {
    await startReport(page, app.launchUrl);
    const reportId = reportIdOf(page);
    // a full report's figures and text, saved through the same server the window uses
    const cells = signableCells({});
    await api(page, app, 'cells.set', { reportId, changes: Object.entries(cells).map(([cellId, value]) => ({ cellId, value })) });
    const prose = signableProse('本年度，我镇认真落实政府信息公开各项要求。');
    for (const key of ['s1', 's5', 's6'] as const) await api(page, app, 'section.set', { reportId, key, text: prose[key] });
    await page.reload();

    // the print preview draws the pages from a PDF the app's Chromium prints
    await page.getByRole('button', { name: '打印 / 导出' }).click();
    const preview = page.getByRole('dialog', { name: '打印预览' });
    await expect(preview.getByRole('figure').first()).toHaveAttribute('data-drawn', 'true', { timeout: 60_000 });
    expect(await download(page, () => preview.getByRole('button', { name: '导出 Word' }).click())).toBeGreaterThan(1000);
    expect(await download(page, () => preview.getByRole('button', { name: '导出 PDF' }).click())).toBeGreaterThan(1000);
  } finally {
    // stop the app itself (strace's child): strace then ends with it, its trace complete
    const pid = app.process.pid!;
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const child of children) process.kill(Number(child), 'SIGTERM');
    const ended = new Promise<void>((resolve) => (app.process.exitCode !== null ? resolve() : app.process.once('exit', () => resolve())));
    await Promise.race([ended, new Promise((r) => setTimeout(r, 15_000))]);
    await app.stop();
  }
  const report = readNetworkTrace(fs.readFileSync(traceFile, 'utf8'));
  fs.rmSync(traceDir, { recursive: true, force: true });
  expect(report.violations).toEqual([]);
  // the trace saw the session: the server's own loopback traffic and the browser's sockets
  expect(report.local).toBeGreaterThan(10);
});
