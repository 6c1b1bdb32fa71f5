import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../core/api.js';
import { APP_ORIGIN } from '../../../electron/desktop/channel.js';
import { BATCH_PRINTERS } from '../../../electron/export/pdf.js';
import { tmpDir } from '../helpers/tmp.js';
import { electronModule, fakeElectron, printAnswer } from './fake-electron.js';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof fakeElectron> }));
vi.mock('electron', () => electronModule(() => fake.current));

async function host() {
  fake.current = fakeElectron();
  const { electronExportHost } = await import('../../../electron/desktop/export-host.js');
  const owner = new fake.current.module.BrowserWindow({});
  return { host: electronExportHost(() => owner as never), e: fake.current };
}

const file = { fileName: '清河镇2024年政府信息公开工作年度报告.docx', mime: 'x', format: 'docx' as const, bytes: new Uint8Array([1, 2, 3]) };

describe('the desktop export host', () => {
  it('saves where the clerk chose, adding the extension, and offers that folder next time', async () => {
    const { host: h, e } = await host();
    const dir = tmpDir();
    e.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, '年报') });
    expect(await h.deliver!(file)).toEqual({ kind: 'saved', fileName: '年报.docx', path: path.join(dir, '年报.docx'), size: 3 });
    expect([...fs.readFileSync(path.join(dir, '年报.docx'))]).toEqual([1, 2, 3]);
    e.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await h.deliver!(file)).toEqual({ kind: 'cancelled' });
    const offered = e.dialog.showSaveDialog.mock.calls[1]!.at(-1) as { defaultPath: string };
    expect(offered.defaultPath).toBe(path.join(dir, file.fileName));
  });

  it('prints and makes PDFs from the print view in a hidden, sandboxed window of the app’s origin; the PDF window is kept until the host closes', async () => {
    const { host: h, e } = await host();
    const pdf = await h.pdf!('/preview/abc');
    expect(Buffer.from(pdf).toString()).toContain('%PDF');
    const win = e.windows.at(-1)!;
    expect(win.loaded).toEqual([`${APP_ORIGIN}/preview/abc`]);
    expect(win.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(win.destroyed).toBe(false);

    expect(await h.print!('/preview/abc')).toEqual({ kind: 'printed' });
    expect(e.windows.at(-1)!.destroyed).toBe(true);

    h.close();
    expect(win.destroyed).toBe(true);
  });

  it('PDFs reuse the kept windows, as many at most as a batch prints at once (two on two cores), however many are asked for together', async () => {
    const { host: h, e } = await host();
    const before = e.windows.length;
    await h.pdf!('/preview/1');
    await h.pdf!('/preview/2');
    // one window, two print views: no new renderer, no second load of the fonts
    expect(e.windows.length - before).toBe(1);
    expect(e.windows.at(-1)!.loaded).toEqual([`${APP_ORIGIN}/preview/1`, `${APP_ORIGIN}/preview/2`]);

    const pdfs = await Promise.all(['/preview/3', '/preview/4', '/preview/5', '/preview/6', '/preview/7'].map((p) => h.pdf!(p)));
    expect(pdfs).toHaveLength(5);
    const made = e.windows.slice(before);
    expect(made).toHaveLength(BATCH_PRINTERS);
    expect(made.flatMap((w) => w.loaded).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `${APP_ORIGIN}/preview/${n}`));
    h.close();
    expect(made.every((w) => w.destroyed)).toBe(true);
  });

  it('a window whose print view would not load is closed, the PDF refused in words, and the next PDF gets a fresh one', async () => {
    const { host: h, e } = await host();
    const before = e.windows.length;
    await h.pdf!('/preview/1');
    const first = e.windows.at(-1)!;
    first.webContents.executeJavaScript.mockRejectedValueOnce(new Error('renderer gone'));
    const failed = await h.pdf!('/preview/2').catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(AppError);
    expect((failed as AppError).message).toContain('打印视图没有打开');
    expect(first.destroyed).toBe(true);
    await h.pdf!('/preview/3');
    expect(e.windows.length - before).toBe(2);
    expect(e.windows.at(-1)!.loaded).toEqual([`${APP_ORIGIN}/preview/3`]);
    h.close();
  });

  it('a kept window Electron has destroyed meanwhile is passed over, not used or destroyed twice', async () => {
    const { host: h, e } = await host();
    await h.pdf!('/preview/1');
    const kept = e.windows.at(-1)!;
    kept.destroy();
    await h.pdf!('/preview/2');
    expect(e.windows.at(-1)).not.toBe(kept);
    expect(e.windows.at(-1)!.loaded).toEqual([`${APP_ORIGIN}/preview/2`]);
    h.close();
    expect(e.windows.at(-1)!.destroyed).toBe(true);
  });

  it('after the host has closed, a late PDF still comes out, and its window does not stay', async () => {
    const { host: h, e } = await host();
    h.close();
    await h.pdf!('/preview/late');
    expect(e.windows.at(-1)!.destroyed).toBe(true);
  });

  it('a print the clerk cancels is not an error; a failed one says what to check', async () => {
    const { host: h } = await host();
    try {
      Object.assign(printAnswer, { success: false, reason: 'Print job canceled' });
      expect(await h.print!('/preview/abc')).toEqual({ kind: 'cancelled' });
      Object.assign(printAnswer, { success: false, reason: 'Printer offline' });
      const failed = await h.print!('/preview/abc').catch((err: unknown) => err);
      expect(failed).toBeInstanceOf(AppError);
      expect((failed as AppError).message).toContain('请检查打印机');
    } finally {
      Object.assign(printAnswer, { success: true, reason: '' });
    }
  });
});
