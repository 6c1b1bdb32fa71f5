import { afterAll, describe, expect, it } from 'vitest';
import { closePdfRenderer, findChromium, renderPdf } from '../../../electron/export/index.js';
import { importFileBytes } from '../../../electron/services/import.js';
import { renderBinary, type BinaryShape } from '../../fixtures/import/binary-shapes.js';
import { textPdf } from '../../fixtures/import/text-pdf.js';
import { makeReport, rng, score } from '../../fixtures/import/generator.js';

/**
 * A PDF file: the page Word saved, and the app's own PDF, printed by the same headless Chromium
 * the app prints with (no network), then read back through pdf.js — rows and cells rebuilt from
 * the borders and the positions of the text.
 */
describe.skipIf(!findChromium())('PDF import', () => {
  afterAll(() => closePdfRenderer());

  it.each<[string, BinaryShape]>([
    ['printed from a Word page', 'word-pdf'],
    ['the app made', 'app-pdf'],
  ])('reads every figure of a PDF %s, the tables rebuilt from their borders', async (_what, shape) => {
    let cells = 0;
    let right = 0;
    let silent = 0;
    for (const seed of [11, 12, 13]) {
      const r = rng(seed);
      const g = makeReport(r);
      const { bytes, name } = await renderBinary(shape, g);
      const out = await importFileBytes(bytes, name);
      expect(out.ok, out.ok ? '' : out.message).toBe(true);
      if (!out.ok) continue;
      expect(out.detected).toMatchObject({ format: g.report.format, year: g.report.year, agencyName: g.report.agency.name });
      const s = score(g.report, out);
      cells += s.cells;
      right += s.right;
      silent += s.silentlyWrong;
    }
    expect(right / cells).toBeGreaterThan(0.99);
    expect(silent).toBe(0);
  }, 120_000);

  it('refuses a PDF with more pieces of text than cells a report may have, without reading the rest', async () => {
    const t0 = process.cpuUsage();
    const out = await importFileBytes(textPdf(40, 4000), '年报.pdf');
    const cpu = process.cpuUsage(t0);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/文字块太多（前 (\d+) 页已超过 30,000 块）/);
    // read up to the page that passes the limit (pdf.js joins the runs of a line: some 18 pages), not all 40
    if (!out.ok) expect(Number(/前 (\d+) 页/.exec(out.message)![1])).toBeLessThan(30);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(60_000);
  }, 180_000);

  it('says a scan is a scan', async () => {
    const pdf = await renderPdf('<html><body><svg width="600" height="800"><rect width="600" height="800" fill="#ddd"/></svg></body></html>');
    const out = await importFileBytes(pdf, '扫描件.pdf');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toContain('这是扫描件，没有可读的文字');
  }, 60_000);

  it('refuses a damaged PDF with a sentence', async () => {
    const out = await importFileBytes(new TextEncoder().encode('%PDF-1.7\n这不是完整的 PDF'), '坏.pdf');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/PDF 文件已损坏|扫描件/);
  });
});
