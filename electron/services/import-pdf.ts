import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HRule, PositionedPage, Rule, TextPiece } from '../../core/import/positioned.js';

/**
 * A PDF's text layer with positions, read by pdf.js (pdfjs-dist's legacy build, which runs on
 * Node without a browser). Only text is read: no fonts are fetched, no scripts run, nothing is
 * drawn. pdf.js is loaded on the first PDF, not at start-up.
 */

export type PdfText = { ok: true; pages: PositionedPage[]; characters: number } | { ok: false; message: string };

/** pages read at most: a year's report is a few dozen; a 2 000-page PDF is not one */
export const PDF_MAX_PAGES = 300;

/**
 * Pieces of text (as pdf.js groups them) read at most, in one page and in all: a report's page has
 * a few hundred to a couple of thousand, a whole report some thousands. Past these the PDF is given
 * up before more is read; what pdf.js builds for a page grows with its pieces (some 2 KB each).
 */
export const PDF_MAX_PIECES = { page: 10_000, total: 30_000 };

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

/** `bytes` are taken over: the caller does not use them afterwards. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const lib = await pdfjs();
  let doc;
  try {
    doc = await lib.getDocument({
      // pdf.js takes the buffer over: a file's own buffer is given as it is (a copy of a 50 MB PDF
      // would be 50 MB more at the peak); a view on a larger buffer is copied
      data: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes),
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
    let read = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      // past the cell limit the PDF is given up, before this page's drawing is read
      const items = await textItems(page, Math.min(PDF_MAX_PIECES.page, PDF_MAX_PIECES.total - read));
      if (!items) {
        const where = read + PDF_MAX_PIECES.page <= PDF_MAX_PIECES.total ? `第 ${n} 页就超过 ${PDF_MAX_PIECES.page.toLocaleString('en-US')} 块` : `前 ${n} 页已超过 ${PDF_MAX_PIECES.total.toLocaleString('en-US')} 块`;
        return { ok: false, message: `这个 PDF 的文字块太多（${where}），不像一份年度报告（通常只有几千块）。请确认选对了文件，或只复制报告正文粘贴导入` };
      }
      read += items.length;
      const { vertical: rules, horizontal: hrules } = ruling(lib, await page.getOperatorList(), viewport.height);
      const pieces: TextPiece[] = [];
      for (const item of items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, , , e, f] = item.transform as number[];
        const h = item.height || Math.hypot(a!, b!) || 10;
        // PDF space has y growing upwards from the baseline; the lines want the top edge, downwards
        pieces.push({ text: item.str, x: e!, y: viewport.height - f! - h, w: item.width, h });
        characters += item.str.trim().length;
      }
      pages.push({ pieces, rules, hrules });
      page.cleanup();
    }
    return { ok: true, pages, characters };
  } finally {
    await doc.destroy();
  }
}

type Page = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;
type Item = Awaited<ReturnType<Page['getTextContent']>>['items'][number];

/**
 * A page's text items; null when there are more than `budget` (the page's drawing is then not
 * read). (pdf.js's streamTextContent would stop inside a page, but stalls on some pages of a long
 * document: one page's text is read whole.)
 */
async function textItems(page: Page, budget: number): Promise<Item[] | null> {
  const { items } = await page.getTextContent();
  // pdf.js adds empty items at line ends: only the pieces of text count
  const text = items.filter((item) => 'str' in item && item.str.trim());
  return text.length > budget ? null : text;
}

type Matrix = [number, number, number, number, number, number];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/**
 * The vertical lines a page draws (table borders), from its drawing operators: a stroked line
 * that goes straight down, or a filled rectangle thinner than two units. Coordinates are turned
 * through the current transform and given with y growing downwards, like the text pieces.
 */
function ruling(lib: PdfJs, ops: { fnArray: number[]; argsArray: unknown[] }, pageHeight: number): { vertical: Rule[]; horizontal: HRule[] } {
  const { OPS } = lib;
  const rules: Rule[] = [];
  const horizontal: HRule[] = [];
  const addH = (y: number, xa: number, xb: number) => {
    if (Math.abs(xb - xa) < 3) return;
    horizontal.push({ y: pageHeight - y, x0: Math.min(xa, xb), x1: Math.max(xa, xb) });
  };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const point = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]];
  const add = (x: number, ya: number, yb: number) => {
    if (Math.abs(yb - ya) < 3) return;
    rules.push({ x, y0: pageHeight - Math.max(ya, yb), y1: pageHeight - Math.min(ya, yb) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!data || !(data instanceof Float32Array || Array.isArray(data))) continue;
      const path = data as ArrayLike<number>;
      // what the path is drawn with: a clip or an invisible path (endPath) draws nothing; only a
      // stroked path draws its segments as lines; a filled one counts only as a thin bar
      const paint = args[0] as number;
      const stroked = [OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(paint);
      const filled = stroked || [OPS.fill, OPS.eoFill].includes(paint);
      if (!filled) continue;
      const points: [number, number][] = [];
      let start: [number, number] | null = null;
      let current: [number, number] | null = null;
      const flush = () => {
        // a thin rectangle: four corners, two of them apart by less than two units across
        if (points.length >= 4) {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          const w = Math.max(...xs) - Math.min(...xs);
          const hh = Math.max(...ys) - Math.min(...ys);
          if (w < 2) add((Math.max(...xs) + Math.min(...xs)) / 2, Math.min(...ys), Math.max(...ys));
          else if (hh < 2) addH((Math.max(...ys) + Math.min(...ys)) / 2, Math.min(...xs), Math.max(...xs));
        }
        points.length = 0;
      };
      for (let k = 0; k < path.length; ) {
        const code = path[k]!;
        if (code === 0 || code === 1) {
          const p = point(path[k + 1]!, path[k + 2]!);
          if (code === 0) {
            flush();
            start = p;
          } else if (stroked && current && Math.abs(p[0] - current[0]) < 0.5) add((p[0] + current[0]) / 2, current[1], p[1]);
          else if (stroked && current && Math.abs(p[1] - current[1]) < 0.5) addH((p[1] + current[1]) / 2, current[0], p[0]);
          current = p;
          points.push(p);
          k += 3;
        } else if (code === 2) {
          current = point(path[k + 5]!, path[k + 6]!);
          k += 7;
        } else if (code === 3) {
          current = point(path[k + 3]!, path[k + 4]!);
          k += 5;
        } else {
          if (stroked && current && start && Math.abs(start[0] - current[0]) < 0.5) add(start[0], current[1], start[1]);
          else if (stroked && current && start && Math.abs(start[1] - current[1]) < 0.5) addH(start[1], current[0], start[0]);
          current = start;
          k += 1;
        }
      }
      flush();
    }
  }
  return { vertical: rules, horizontal };
}
