import type { ExportDelivery } from '../../../core/api.js';

/**
 * Browser mode: the API answers an export with the file's bytes; the window hands them to the
 * browser as a download (a Blob link), which saves them where the browser saves downloads.
 */
export function downloadFile(file: Extract<ExportDelivery, { kind: 'download' }>): void {
  const text = atob(file.base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has started the download by now; the object URL is no longer needed after it
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What the window says after an export, in either host. */
export function deliveryText(delivery: ExportDelivery): string {
  switch (delivery.kind) {
    case 'download':
      return `已导出「${delivery.fileName}」（${(delivery.size / 1024).toFixed(0)} KB），请在浏览器的“下载”中查看。`;
    case 'saved':
      return `已保存到：${delivery.path}`;
    case 'cancelled':
      return '';
  }
}

/**
 * Browser mode's print: the print view (same origin) in an invisible frame, then the browser's
 * own print dialog for that frame. The frame goes away once the dialog has closed.
 */
export function printInWindow(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.className = 'print-frame';
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.src = url;
    frame.onload = () => {
      const win = frame.contentWindow;
      if (!win) {
        frame.remove();
        reject(new Error('打印视图没有打开，请重试'));
        return;
      }
      // the fonts must be there before the print dialog lays the pages out
      void win.document.fonts.ready.then(() => {
        win.focus();
        win.print();
        setTimeout(() => frame.remove(), 1000);
        resolve();
      });
    };
    document.body.append(frame);
  });
}
