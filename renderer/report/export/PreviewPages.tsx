import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * The preview's pages: the PDF that printing or exporting these options gives, drawn page by
 * page at A4 with its page numbers, 草稿 watermark and page breaks exactly as they will print.
 * pdf.js draws it in the window (loaded the first time a preview opens; its worker comes from
 * the app's own origin, as the window's policy requires). Each page also carries its text,
 * hidden, for screen readers.
 */

/** A4 at 100 %: 210 mm at 96 CSS pixels to the inch. */
const PAGE_CSS_WIDTH = Math.round((210 / 25.4) * 96);

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((lib) => {
    // Vite bundles the worker as a file of our own origin (worker-src 'self')
    lib.GlobalWorkerOptions.workerPort = new Worker(new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url), { type: 'module' });
    return lib;
  });
  return pdfjs;
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

interface PageProps {
  pdf: PDFDocumentProxy;
  number: number;
  count: number;
}

function Page({ pdf, number, count }: PageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [text, setText] = useState('');
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    void (async () => {
      const page = await pdf.getPage(number);
      if (cancelled || !canvas.current) return;
      const base = page.getViewport({ scale: 1 });
      const cssScale = PAGE_CSS_WIDTH / base.width;
      // sharp on high-density screens
      const viewport = page.getViewport({ scale: cssScale * (window.devicePixelRatio || 1) });
      const el = canvas.current;
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      el.style.width = `${PAGE_CSS_WIDTH}px`;
      el.style.aspectRatio = `${base.width} / ${base.height}`;
      task = page.render({ canvas: el, viewport });
      await task.promise.catch(() => undefined);
      const content = await page.getTextContent();
      if (cancelled) return;
      setText(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      setDrawn(true);
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, number]);

  const label = `第 ${number} 页，共 ${count} 页`;
  return (
    <figure className="preview-page" aria-label={label} data-drawn={drawn ? 'true' : undefined}>
      <canvas ref={canvas} aria-hidden="true" />
      <span className="visually-hidden">{text}</span>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

interface Props {
  /** the PDF, base64 (export.pages) */
  base64: string;
  onError(message: string): void;
}

export function PreviewPages({ base64, onError }: Props) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);

  useEffect(() => {
    let current: PDFDocumentProxy | null = null;
    let cancelled = false;
    setPdf(null);
    loadPdfJs()
      .then((lib) => lib.getDocument({ data: bytesOf(base64), isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise)
      .then(
        (doc) => {
          current = doc;
          if (cancelled) void doc.destroy();
          else setPdf(doc);
        },
        (err: unknown) => !cancelled && onError(`预览页面无法显示：${err instanceof Error ? err.message : String(err)}。可以直接导出 PDF 查看。`),
      );
    return () => {
      cancelled = true;
      void current?.destroy();
    };
  }, [base64, onError]);

  if (!pdf) return <p className="muted preview-wait">正在排版…</p>;
  return (
    <div className="preview-pages" role="list" aria-label={`预览：共 ${pdf.numPages} 页`}>
      {Array.from({ length: pdf.numPages }, (_, i) => (
        <div role="listitem" key={i}>
          <Page pdf={pdf} number={i + 1} count={pdf.numPages} />
        </div>
      ))}
    </div>
  );
}
