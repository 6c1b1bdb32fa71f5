import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PositionedPage, TextPiece } from '../../core/import/positioned.js';

/**
 * A PDF's text layer with positions, read by pdf.js (pdfjs-dist's legacy build, which runs on
 * Node without a browser). Only text is read: no fonts are fetched, no scripts run, nothing is
 * drawn. pdf.js is loaded on the first PDF, not at start-up.
 */

export type PdfText = { ok: true; pages: PositionedPage[]; characters: number } | { ok: false; message: string };

/** pages read at most: a year's report is a few dozen; a 2 000-page PDF is not one */
export const PDF_MAX_PAGES = 300;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js is an ES module; the bundled CommonJS build and tsx's CommonJS transform both import it
 * by its resolved file URL (a bare specifier does not resolve from there).
 */
function pdfjs(): Promise<PdfJs> {
  const from = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  loading ??= import(pathToFileURL(createRequire(from).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href) as Promise<PdfJs>;
  return loading;
}

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const lib = await pdfjs();
  let doc;
  try {
    doc = await lib.getDocument({
      // pdf.js takes the buffer over: give it a copy
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') return { ok: false, message: '这个 PDF 文件设置了打开密码，无法读取。请用 PDF 阅读器打开后另存为不带密码的文件，或复制文字粘贴导入' };
    return { ok: false, message: 'PDF 文件已损坏或不完整，无法读取。请重新下载原文件，或用 PDF 阅读器打开后复制文字粘贴导入' };
  }
  try {
    if (doc.numPages > PDF_MAX_PAGES) {
      return { ok: false, message: `这个 PDF 有 ${doc.numPages} 页，不像一份年度报告（通常只有几页到几十页）。请确认选对了文件` };
    }
    const pages: PositionedPage[] = [];
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, , , e, f] = item.transform as number[];
        const h = item.height || Math.hypot(a!, b!) || 10;
        // PDF space has y growing upwards from the baseline; the lines want the top edge, downwards
        pieces.push({ text: item.str, x: e!, y: viewport.height - f! - h, w: item.width, h });
        characters += item.str.trim().length;
      }
      pages.push({ pieces });
      page.cleanup();
    }
    return { ok: true, pages, characters };
  } finally {
    await doc.destroy();
  }
}
