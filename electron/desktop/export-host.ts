import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { AppError, type ExportDelivery, type PrintOutcome } from '../../core/api.js';
import { APP_ORIGIN } from './channel.js';
import type { ExportFile, ExportHost } from '../services/export.js';
import { BATCH_PRINTERS } from '../export/pdf.js';
import { writeFileAtomic } from '../export/write-file.js';

/**
 * How the desktop app saves, prints and makes PDFs. The window never names a file: main shows
 * the save dialog, writes the file atomically and says where it went. PDF and printing load the
 * print view (served by the app:// protocol, fonts included) into a hidden window: printing into
 * one of its own, PDFs into one of the windows kept for them (pdfWindows).
 */

const FILTERS: Record<ExportFile['format'], Electron.FileFilter> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  nianbao: { name: '年报助手报送包', extensions: ['nianbao'] },
  db: { name: '年报助手备份', extensions: ['db'] },
  zip: { name: '压缩包', extensions: ['zip'] },
};

const TITLES: Record<ExportFile['format'], string> = {
  docx: '导出 Word 文档',
  pdf: '导出 PDF',
  xlsx: '导出 Excel 表格',
  nianbao: '导出报送包',
  db: '备份到…',
  zip: '导出压缩包',
};

function hiddenWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false, devTools: !app.isPackaged },
  });
}

/** Loads the print view into a hidden window and waits for its fonts; the window is the caller's to keep or destroy. */
async function loadPrintView(win: BrowserWindow, previewPath: string): Promise<void> {
  try {
    await win.loadURL(`${APP_ORIGIN}${previewPath}`);
    // the page has no script of its own (its CSP forbids it); this runs from main
    await win.webContents.executeJavaScript('void document.body.offsetHeight, document.fonts.ready.then(() => document.fonts.status)');
  } catch (e) {
    throw new AppError('internal', `打印视图没有打开，请重试。（${e instanceof Error ? e.message : String(e)}）`);
  }
}

/** A hidden window holding the print view, once its fonts have loaded. Closed by the caller. */
async function printWindow(previewPath: string): Promise<BrowserWindow> {
  const win = hiddenWindow();
  try {
    await loadPrintView(win, previewPath);
    return win;
  } catch (e) {
    win.destroy();
    throw e;
  }
}

/** Kept windows are closed after this long without a PDF, so they do not sit in memory all day. */
const PDF_IDLE_MS = 5 * 60_000;

/**
 * The hidden windows that make PDFs, kept between PDFs: a new window costs a renderer process
 * and its fonts' first load (a second or two), a kept one only loads the next print view. At most
 * BATCH_PRINTERS, as many as a batch prints at once (services/export.ts exportBatch); a job waits
 * for one to come free. They must all be closed with the app's window, or Electron would not see
 * its last window close and the app would not quit.
 */
function pdfWindows() {
  const idle: BrowserWindow[] = [];
  const waiting: (() => void)[] = [];
  let open = 0;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  // a window Electron has already destroyed (the app shutting down) must not be touched again
  const destroy = (win: BrowserWindow): void => {
    if (!win.isDestroyed()) win.destroy();
  };

  function closeIdle(): void {
    open -= idle.length;
    for (const win of idle.splice(0)) destroy(win);
  }

  /** a window that failed, or any window once the app closes: destroyed, its place free */
  function discard(win: BrowserWindow): void {
    destroy(win);
    open -= 1;
    waiting.shift()?.();
  }

  async function acquire(): Promise<BrowserWindow> {
    if (timer) clearTimeout(timer);
    timer = null;
    for (;;) {
      const win = idle.pop();
      if (win && !win.isDestroyed()) return win;
      if (win) {
        open -= 1;
        continue;
      }
      if (open < BATCH_PRINTERS) {
        open += 1;
        try {
          return hiddenWindow();
        } catch (e) {
          open -= 1;
          throw e;
        }
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  /** a window whose PDF is done: kept for the next one */
  function release(win: BrowserWindow): void {
    if (closed) return discard(win);
    idle.push(win);
    waiting.shift()?.();
    if (idle.length === open) {
      timer = setTimeout(closeIdle, PDF_IDLE_MS);
      timer.unref?.();
    }
  }

  function close(): void {
    closed = true;
    if (timer) clearTimeout(timer);
    closeIdle();
  }

  return { acquire, release, discard, close };
}

export interface ElectronExportHost extends ExportHost {
  /** closes the hidden windows kept for PDFs: call when the app's window closes */
  close(): void;
}

export function electronExportHost(parent: () => BrowserWindow | null): ElectronExportHost {
  let lastFolder: string | undefined;
  const windows = pdfWindows();

  return {
    async pdf(previewPath) {
      const win = await windows.acquire();
      try {
        await loadPrintView(win, previewPath);
        const pdf = await win.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: false,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        });
        windows.release(win);
        return new Uint8Array(pdf);
      } catch (e) {
        // a window that failed once starts the next PDF afresh
        windows.discard(win);
        throw e;
      }
    },

    close() {
      windows.close();
    },

    async deliver(file): Promise<ExportDelivery> {
      const folder = lastFolder ?? app.getPath('documents');
      const owner = parent();
      const options: Electron.SaveDialogOptions = {
        title: TITLES[file.format],
        defaultPath: path.join(folder, file.fileName),
        filters: [FILTERS[file.format]],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
      const ext = `.${file.format}`;
      const target = choice.filePath.toLowerCase().endsWith(ext) ? choice.filePath : `${choice.filePath}${ext}`;
      await writeFileAtomic(target, file.bytes);
      lastFolder = path.dirname(target);
      return { kind: 'saved', fileName: path.basename(target), path: target, size: file.bytes.length };
    },

    async print(previewPath): Promise<PrintOutcome> {
      const win = await printWindow(previewPath);
      try {
        return await new Promise<PrintOutcome>((resolve, reject) => {
          win.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
            if (success) resolve({ kind: 'printed' });
            else if (/cancel/i.test(reason)) resolve({ kind: 'cancelled' });
            else reject(new AppError('internal', `没有打印成功（${reason}）。请检查打印机是否连接、是否有纸，然后重试。`));
          });
        });
      } finally {
        win.destroy();
      }
    },

    prewarm() {
      // printToPDF runs inside Electron's own Chromium: nothing to start
    },
  };
}
