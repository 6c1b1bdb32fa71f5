import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findChromium, closePdfRenderer } from '../../../electron/export/pdf.js';
import { exportRoute, getPreview, putPreview, PREVIEW_CSP } from '../../../electron/export/preview-pages.js';
import { readPdfInfo } from '../../../electron/export/pdf-info.js';
import { startWebServer, type WebServer } from '../../../electron/web/server.js';
import { HAS_POPPLER, pdfText, squash } from '../export/helpers.js';
import { tmpDir } from '../helpers/tmp.js';
import { SIGNOFF, signableReport } from './setup.js';

describe('preview pages and fonts (both hosts answer through exportRoute)', () => {
  it('serves a print view under its random id with a CSP of its own: inline style, our fonts, no script', () => {
    const url = putPreview('<!DOCTYPE html><p>预览</p>');
    const answer = exportRoute(url)!;
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('预览');
    expect(answer.headers['Content-Security-Policy']).toBe(PREVIEW_CSP);
    expect(PREVIEW_CSP).toContain("style-src 'self' 'unsafe-inline'");
    expect(PREVIEW_CSP).toContain("script-src 'none'");
    expect(PREVIEW_CSP).toContain("font-src 'self'");
    expect(answer.headers['X-Frame-Options']).toBe('SAMEORIGIN');
  });

  it('forgets old pages and refuses ids it never gave out', () => {
    const url = putPreview('<p>旧</p>', 1_000);
    expect(getPreview(url, 1_000 + 60_000)).toBe('<p>旧</p>');
    expect(getPreview(url, 1_000 + 16 * 60_000)).toBeUndefined();
    expect(exportRoute('/preview/0123456789abcdef0123456789abcdef')!.status).toBe(404);
    expect(exportRoute('/preview/../../package.json')!.status).toBe(404);
  });

  it('serves the bundled fonts and nothing outside their folder', () => {
    expect(exportRoute('/fonts/fonts.css')!.headers['Content-Type']).toContain('text/css');
    expect(exportRoute('/fonts/../package.json')!.status).toBe(404);
    expect(exportRoute('/fonts/%2e%2e/%2e%2e/package.json')!.status).toBe(404);
    expect(exportRoute('/index.html')).toBeNull();
  });
});

describe('browser-mode server: the preview the window frames', () => {
  let server: WebServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the preview of export.preview and its fonts from its own origin, without the token', async () => {
    const { handlers, reportId } = await signableReport();
    const renderer = tmpDir();
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>年报助手</title>');
    server = await startWebServer({ handlers, rendererDir: renderer });
    const preview = await handlers['export.preview']({ reportId, draft: true });
    const page = await fetch(new URL(preview.url, server.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(PREVIEW_CSP);
    const html = await page.text();
    expect(html).toContain('<link rel="stylesheet" href="/fonts/fonts.css">');
    expect(html).toContain('<div class="watermark" aria-hidden="true">草稿</div>');
    const css = await fetch(new URL('/fonts/fonts.css', server.url));
    expect(css.status).toBe(200);
    const first = /url\('([^']+)'\)/.exec(await css.text())![1]!;
    const font = await fetch(new URL(`/fonts/${first}`, server.url));
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });
});

describe.skipIf(!findChromium() || !HAS_POPPLER)('PDF export through the services (system Chromium)', () => {
  afterAll(() => closePdfRenderer());

  it('the signed PDF carries the headings, the figures and the fingerprint, and no watermark; the draft has the watermark', async () => {
    const { handlers, reportId } = await signableReport();
    const draft = await handlers['export.file']({ reportId, draft: true, format: 'pdf' });
    if (draft.kind !== 'download') throw new Error(draft.kind);
    expect(draft.fileName).toMatch(/（草稿）\.pdf$/);
    const draftText = squash(pdfText(Buffer.from(draft.base64, 'base64')));
    // the watermark is drawn rotated on every page: its two characters come out apart, once a page
    const pages = draftText.match(/—\d+—/g)!.length;
    expect(draftText.match(/草/g)!.length).toBeGreaterThanOrEqual(pages);
    expect(draftText.match(/稿/g)!.length).toBeGreaterThanOrEqual(pages);
    expect(draftText).not.toContain('校验码');

    const { signed } = await handlers['report.sign']({ reportId, signoff: SIGNOFF, confirmWarnings: false, author: '' });
    const final = await handlers['export.file']({ reportId, draft: false, format: 'pdf', footerFingerprint: true });
    if (final.kind !== 'download') throw new Error(final.kind);
    const bytes = Buffer.from(final.base64, 'base64');
    const text = squash(pdfText(bytes));
    // in the properties of every copy, in the footer of an internal one
    expect(readPdfInfo(new Uint8Array(bytes))).toMatchObject({ NianbaoFingerprint: signed.fingerprint, Author: '某某县清河镇人民政府' });
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('1288');
    expect(text).toContain(`第1版校验码${signed.short}`);
    expect(text).not.toMatch(/[草稿]/);
  }, 60_000);
});
