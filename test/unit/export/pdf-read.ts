import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Reading a PDF back the way a reviewer looks at it: where each line of text is (poppler's
 * pdftotext -bbox-layout) and what each glyph is, in which font, how wide (pdf.js's operator
 * list). Positions in PDF points, origin at the top left of the page.
 */

export interface PdfWord {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface PdfLine extends PdfWord {
  page: number;
  /** the page's width in points */
  pageWidth: number;
  words: PdfWord[];
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const box = (attrs: string) => {
  const n = (k: string) => Number(new RegExp(`${k}="([-\\d.]+)"`).exec(attrs)![1]);
  return { xMin: n('xMin'), xMax: n('xMax'), yMin: n('yMin'), yMax: n('yMax') };
};

/** Every text line of a PDF, page by page, in pdftotext's reading order. */
export function pdfLines(file: string): PdfLine[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: PdfLine[] = [];
  [...xml.matchAll(/<page width="([\d.]+)"[^>]*>([\s\S]*?)<\/page>/g)].forEach((p, i) => {
    for (const l of p[2]!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...l[2]!.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((w) => ({ ...box(w[1]!), text: decode(w[2]!) }));
      lines.push({ ...box(l[1]!), page: i + 1, pageWidth: Number(p[1]), text: words.map((w) => w.text).join(' '), words });
    }
  });
  return lines;
}

export interface PdfGlyph {
  page: number;
  unicode: string;
  /** advance width in the font's units (1000 to the em) */
  width: number;
  /** the embedded font's name, e.g. 「AAAAAA+FandolFang-Regular」 */
  font: string;
}

interface Op {
  fnArray: number[];
  argsArray: unknown[][];
}

/** Every glyph the PDF draws, with its font and advance width. */
export async function pdfGlyphs(file: string): Promise<PdfGlyph[]> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), disableFontFace: true, verbosity: 0 }).promise;
  const glyphs: PdfGlyph[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const ops = (await page.getOperatorList()) as Op;
      let font = '';
      ops.fnArray.forEach((fn, i) => {
        const args = ops.argsArray[i]!;
        if (fn === OPS.setFont) font = String((page.commonObjs.get(args[0] as string) as { name?: string }).name ?? '');
        if (fn !== OPS.showText) return;
        for (const g of args[0] as unknown[]) {
          if (g && typeof g === 'object' && 'unicode' in g) {
            const { unicode, width } = g as { unicode: string; width: number };
            glyphs.push({ page: n, unicode, width, font });
          }
        }
      });
    }
  } finally {
    await pdf.destroy();
  }
  return glyphs;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’—…·]/u;
/** A character set full-width in Chinese text (Chinese characters, full-width marks, quotation marks). */
export const isWide = (ch: string): boolean => CJK.test(ch);

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
