import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { AppError, type ExportDelivery, type PrintOutcome } from '../../core/api.js';
import { APP_ORIGIN } from './channel.js';
import type { ExportFile, ExportHost } from '../services/export.js';
import { writeFileAtomic } from '../export/write-file.js';

/**
 * How the desktop app saves, prints and makes PDFs. The window never names a file: main shows
 * the save dialog, writes the file atomically and says where it went. PDF and printing load the
 * print view (served by the app:// protocol, fonts included) into a hidden window of their own.
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

/** A hidden window holding the print view, once its fonts have loaded. Closed by the caller. */
async function printWindow(previewPath: string): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false, devTools: !app.isPackaged },
  });
  try {
    await win.loadURL(`${APP_ORIGIN}${previewPath}`);
    // the page has no script of its own (its CSP forbids it); this runs from main
    await win.webContents.executeJavaScript('void document.body.offsetHeight, document.fonts.ready.then(() => document.fonts.status)');
    return win;
  } catch (e) {
    win.destroy();
    throw new AppError('internal', `打印视图没有打开，请重试。（${e instanceof Error ? e.message : String(e)}）`);
  }
}

export function electronExportHost(parent: () => BrowserWindow | null): ExportHost {
  let lastFolder: string | undefined;

  return {
    async pdf(previewPath) {
      const win = await printWindow(previewPath);
      try {
        const pdf = await win.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: false,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
      }
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
