import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, renderPrintHtml } from '../../../core/document/index.js';
import {
  NO_BROWSER_MESSAGE,
  PDF_FONT_BASE_URL,
  blockedRequests,
  closePdfRenderer,
  findChromium,
  prewarmPdfRenderer,
  renderDocumentPdf,
  renderPdf,
} from '../../../electron/export/pdf.js';
import { readFontAsset } from '../../../electron/export/font-assets.js';
import {
  HAS_POPPLER,
  availableSeeds,
  fullReport,
  itCarriesTheReport,
  type PdfCase,
  pdfPages,
  pdfText,
  tempFolder,
} from './helpers.js';

const CHROMIUM = findChromium();

describe('finding a browser', () => {
  it('takes the first candidate that exists, and none when none does', () => {
    expect(findChromium(['/nonexistent/chrome', '/nonexistent/edge'])).toBeNull();
    if (CHROMIUM) expect(findChromium(['/nonexistent/chrome', CHROMIUM])).toBe(CHROMIUM);
  });

  it('tells the clerk what to install when there is no browser', () => {
    expect(NO_BROWSER_MESSAGE).toContain('Chrome');
    expect(NO_BROWSER_MESSAGE).toContain('Edge');
    expect(NO_BROWSER_MESSAGE).toContain('Chromium');
    expect(NO_BROWSER_MESSAGE).toContain('NIANBAO_CHROMIUM');
  });
});

describe('font assets', () => {
  it('serves fonts.css and the woff2 slices, and nothing outside the folder', () => {
    const css = readFontAsset('fonts.css')!;
    expect(css.contentType).toContain('text/css');
    const first = /url\('([^']+)'\)/.exec(css.body.toString('utf8'))![1]!;
    expect(readFontAsset(first)!.contentType).toBe('font/woff2');
    expect(readFontAsset('../../package.json')).toBeNull();
    expect(readFontAsset('%2e%2e/vendor.mjs')).toBeNull();
    expect(readFontAsset('vendor.mjs')).toBeNull();
  });
});

describe.skipIf(!CHROMIUM || !HAS_POPPLER)('PDF from the print view (system Chromium)', () => {
  const cases: PdfCase[] = [];
  const folder = tempFolder('nianbao-pdf-');

  beforeAll(async () => {
    const inputs = [
      { name: 'own-draft', report: fullReport(), draft: true },
      { name: 'own-signed', report: fullReport(), draft: false },
      ...availableSeeds().map((s) => ({ name: s.name, report: s.report, draft: false })),
    ];
    for (const input of inputs) {
      const doc = buildDocument(input.report, {
        draft: input.draft,
        // the signed case is an internal copy: version and fingerprint in the footer
        ...(input.draft ? {} : { fingerprint: 'c0ffee0123456789', versionLabel: '第1版', footerFingerprint: input.name === 'own-signed' }),
      });
      const pdf = join(folder, `${input.name}.pdf`);
      writeFileSync(pdf, await renderDocumentPdf(doc));
      cases.push({ name: input.name, report: input.report, doc, pdf });
    }
  }, 120_000);

  afterAll(() => closePdfRenderer());

  itCarriesTheReport(cases);

  it('has the 「草稿」 watermark on a draft and not on a signed copy', () => {
    // the rotated word comes out of the text layer as two characters, 稿 above 草
    const draft = pdfText(cases.find((c) => c.name === 'own-draft')!.pdf);
    expect(draft).toContain('草');
    expect(draft).toContain('稿');
    expect(pdfText(cases.find((c) => c.name === 'own-signed')!.pdf)).not.toMatch(/[草稿]/);
  });

  it('embeds the bundled fonts where the 公文 fonts are missing', () => {
    const data = readFileSync(cases[0]!.pdf).toString('latin1');
    // embedded font names carry the face's PostScript name after a subset tag: FandolFang for the
    // body, Noto Serif SC for the page numbers, Tinos (Times New Roman's metrics) for figures
    expect(data).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+FandolFang/);
    expect(data).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+NotoSerifSC/);
    expect(data).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Tinos/);
  });

  it('makes no network request: anything but the print view and its fonts is refused', async () => {
    const html = renderPrintHtml(buildDocument(fullReport(), { draft: true }), { fontBaseUrl: PDF_FONT_BASE_URL }).replace(
      '<h1>',
      '<img src="https://example.com/tracker.png"><link rel="stylesheet" href="https://example.com/x.css">' +
        '<link rel="stylesheet" href="http://127.0.0.1:9/y.css"><h1>',
    );
    const pdf = await renderPdf(html);
    expect(pdf.length).toBeGreaterThan(1000);
    const refused = blockedRequests();
    expect(refused).toContain('https://example.com/x.css');
    expect(refused).toContain('http://127.0.0.1:9/y.css');
    // the print view's own CSP (img-src data:) stops the image before it is even requested
    expect(refused).not.toContain('https://example.com/tracker.png');
  });

  it('prints the same after a prewarm as from a cold start', async () => {
    const a = cases.find((c) => c.name === 'own-draft')!;
    await closePdfRenderer();
    await prewarmPdfRenderer();
    const file = join(folder, 'prewarmed.pdf');
    writeFileSync(file, await renderDocumentPdf(a.doc));
    expect(pdfText(file)).toBe(pdfText(a.pdf));
  });

  it('prints a second report through the warm page exactly like a fresh one', async () => {
    // the warm page swaps content; the result must not depend on what it printed before
    const a = cases.find((c) => c.name === 'own-signed')!;
    const again = join(folder, 'again.pdf');
    writeFileSync(again, await renderPdf(renderPrintHtml(a.doc, { fontBaseUrl: PDF_FONT_BASE_URL })));
    expect(pdfText(again)).toBe(pdfText(a.pdf));
    expect(pdfPages(again)).toBe(pdfPages(a.pdf));
  });
});
